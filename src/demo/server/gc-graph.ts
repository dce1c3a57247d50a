/** The garbage collector's view of ownership: owner uid → dependents, kept from store changes. */
import type { KubeObject, OwnerReference } from '../../kube/object.ts';
import type { DemoResourceRef, StoreChange } from '../types.ts';

/** One object, by reference (uid tells a re-created object with the same name apart). */
export interface GcItem {
  resource: DemoResourceRef;
  namespace: string | undefined;
  name: string;
  uid: string;
}

/** What an object's ownerReferences changed from and to in one store change. */
export interface OwnerDiff {
  /** References the object no longer has (it was deleted, or they were removed). */
  removed: OwnerReference[];
  /** True when the set of owners (or their blockOwnerDeletion) changed. */
  changed: boolean;
}

const keyOf = (resource: DemoResourceRef, o: KubeObject): string => `${resource.group}/${resource.plural}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
const signature = (refs: readonly OwnerReference[]): string => refs.map((r) => `${r.uid}:${r.blockOwnerDeletion === true}`).join(',');

/** Dependents by owner uid, so cascading never scans a whole resource. */
export class OwnershipGraph {
  private readonly byOwner = new Map<string, Map<string, GcItem>>();
  private readonly ownersOf = new Map<string, readonly OwnerReference[]>();

  /** Applies one change and says how the object's owners moved. */
  apply(change: StoreChange): OwnerDiff {
    const { object, resource } = change;
    const key = keyOf(resource, object);
    const before = this.ownersOf.get(key) ?? [];
    const after = change.type === 'DELETED' ? [] : (object.metadata.ownerReferences ?? []);
    const changed = signature(before) !== signature(after);
    if (!changed && change.type !== 'DELETED') return { removed: [], changed: false };
    const afterUids = new Set(after.map((r) => r.uid));
    const removed = before.filter((r) => !afterUids.has(r.uid));
    for (const r of removed) {
      const deps = this.byOwner.get(r.uid);
      deps?.delete(key);
      if (deps?.size === 0) this.byOwner.delete(r.uid);
    }
    const item: GcItem = { resource, namespace: object.metadata.namespace, name: object.metadata.name, uid: object.metadata.uid };
    for (const r of after) {
      let deps = this.byOwner.get(r.uid);
      if (!deps) this.byOwner.set(r.uid, (deps = new Map<string, GcItem>()));
      deps.set(key, item);
    }
    if (after.length > 0) this.ownersOf.set(key, after);
    else this.ownersOf.delete(key);
    return { removed, changed };
  }

  /** The objects whose ownerReferences name this uid. */
  dependents(ownerUid: string): GcItem[] {
    return [...(this.byOwner.get(ownerUid)?.values() ?? [])];
  }

  /** True when something names this uid as an owner. */
  hasDependents(ownerUid: string): boolean {
    return (this.byOwner.get(ownerUid)?.size ?? 0) > 0;
  }
}
