/**
 * Background cascading deletion, like the garbage collector: when an owner goes, objects whose
 * ownerReferences name its uid are deleted too. An owner index keeps this O(dependents).
 */
import type { DemoResourceRef, StoreChange } from '../types.ts';
import type { MemoryStore } from './store.ts';

interface Dependent {
  resource: DemoResourceRef;
  namespace: string | undefined;
  name: string;
}

const keyOf = (d: Dependent) => `${d.resource.group}/${d.resource.plural}/${d.namespace ?? ''}/${d.name}`;

/** Starts collecting; returns stop. Deletions run on the next turn of the event loop (background propagation). */
export function startGarbageCollector(store: MemoryStore): () => void {
  const byOwner = new Map<string, Map<string, Dependent>>();
  const ownersOf = new Map<string, string[]>();
  const index = (change: StoreChange): void => {
    const o = change.object;
    const dep: Dependent = { resource: change.resource, namespace: o.metadata.namespace, name: o.metadata.name };
    const key = keyOf(dep);
    for (const uid of ownersOf.get(key) ?? []) byOwner.get(uid)?.delete(key);
    ownersOf.delete(key);
    if (change.type === 'DELETED') return;
    const owners = (o.metadata.ownerReferences ?? []).map((r) => r.uid);
    if (owners.length === 0) return;
    ownersOf.set(key, owners);
    for (const uid of owners) {
      let deps = byOwner.get(uid);
      if (!deps) byOwner.set(uid, (deps = new Map()));
      deps.set(key, dep);
    }
  };
  const unsubscribe = store.subscribe((change) => {
    index(change);
    if (change.type !== 'DELETED') return;
    const deps = byOwner.get(change.object.metadata.uid);
    byOwner.delete(change.object.metadata.uid);
    if (!deps || deps.size === 0) return;
    setImmediate(() => {
      for (const d of deps.values()) {
        try {
          store.delete(d.resource, d.namespace, d.name);
        } catch {
          // The dependent's resource may be gone too (a CRD deleted): nothing left to collect.
        }
      }
    });
  });
  return unsubscribe;
}
