/**
 * The demo cluster's one garbage collector (kube-controller-manager's rules; the scenario relies on it too):
 * - an object whose every owner is gone (absent, or another uid under that name) is deleted;
 * - an owner being deleted with the `orphan` finalizer loses its dependents' references to it first;
 * - one with `foregroundDeletion` stays until its blockOwnerDeletion dependents are gone, after
 *   the collector deleted all its dependents (in foreground too when they have dependents themselves);
 * - a namespaced dependent's owner is looked up in the dependent's namespace: an owner with that uid
 *   in another namespace does not count; a cluster-scoped object naming a namespaced owner is never collected.
 * Work runs on later turns of the event loop, like the real controller, never inside a request.
 */
import type { KubeObject, OwnerReference } from '../../kube/object.ts';
import type { StoreChange } from '../types.ts';
import { FOREGROUND_FINALIZER, ORPHAN_FINALIZER, type PropagationPolicy } from './deletion-propagation.ts';
import { OwnershipGraph, type GcItem } from './gc-graph.ts';
import type { ResourceDef } from './resource-def.ts';
import type { MemoryStore } from './store.ts';

/** How many queued items one turn of the event loop handles (a 50,000-pod boot queues them all; ~5 ms a batch). */
const BATCH = 1000;

type OwnerState = 'solid' | 'dangling' | 'waiting' | 'unresolvable';

/** Starts collecting; returns stop. */
export function startGarbageCollector(store: MemoryStore): () => void {
  const gc = new GarbageCollector(store);
  const unsubscribe = store.subscribe((change) => gc.observe(change));
  return () => {
    unsubscribe();
    gc.stop();
  };
}

class GarbageCollector {
  private readonly graph = new OwnershipGraph();
  private readonly queue = new Map<string, GcItem>();
  private readonly kinds = new Map<string, ResourceDef | undefined>();
  private scheduled: NodeJS.Immediate | undefined;

  constructor(private readonly store: MemoryStore) {}

  /** The graph builder's part: keep the graph and queue what may need work. */
  observe(change: StoreChange): void {
    const { object: obj, resource } = change;
    // CRDs come and go, and the owner kinds they serve with them.
    if (resource.group === 'apiextensions.k8s.io') this.kinds.clear();
    const diff = this.graph.apply(change);
    const self = itemOf(change);
    // Owners that lost a dependent may be waiting for exactly that (foreground deletion).
    for (const ref of diff.removed) this.enqueueOwner(ref, obj);
    if (change.type === 'DELETED') {
      for (const dep of this.graph.dependents(obj.metadata.uid)) this.enqueue(dep);
      return;
    }
    if ((change.type === 'ADDED' || diff.changed) && obj.metadata.ownerReferences?.length) this.enqueue(self);
    const fins = obj.metadata.finalizers;
    if (obj.metadata.deletionTimestamp && fins && (fins.includes(ORPHAN_FINALIZER) || fins.includes(FOREGROUND_FINALIZER))) this.enqueue(self);
  }

  stop(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    this.queue.clear();
  }

  private enqueue(item: GcItem): void {
    this.queue.set(item.uid, item);
    this.scheduled ??= setImmediate(() => this.drain());
  }

  private enqueueOwner(ref: OwnerReference, dependent: KubeObject): void {
    const def = this.defForKind(ref);
    if (!def) return;
    const namespace = def.namespaced ? dependent.metadata.namespace : undefined;
    this.enqueue({ resource: { group: def.group, plural: def.plural }, namespace, name: ref.name, uid: ref.uid });
  }

  private drain(): void {
    this.scheduled = undefined;
    let budget = BATCH;
    for (const [uid, item] of this.queue) {
      if (budget-- <= 0) break;
      this.queue.delete(uid);
      try {
        this.attempt(item);
      } catch {
        // A conflicting write or a resource gone with its CRD: the next change brings the item back.
      }
    }
    if (this.queue.size > 0) this.scheduled = setImmediate(() => this.drain());
  }

  /** attemptToDeleteItem: decide from the live object and its live owners. */
  private attempt(item: GcItem): void {
    const obj = this.store.get(item.resource, item.namespace, item.name);
    if (!obj || obj.metadata.uid !== item.uid) return;
    const meta = obj.metadata;
    if (meta.deletionTimestamp) {
      // Being deleted is a one-way trip; only the GC's own finalizers need work.
      if (meta.finalizers?.includes(ORPHAN_FINALIZER)) this.orphanDependents(item);
      else if (meta.finalizers?.includes(FOREGROUND_FINALIZER)) this.processDeletingDependents(item);
      return;
    }
    const refs = meta.ownerReferences ?? [];
    if (refs.length === 0) return;
    const states = refs.map((ref) => ({ ref, state: this.ownerState(ref, obj) }));
    // The real collector cannot classify such an item and retries for ever: nothing happens to it.
    if (states.some((s) => s.state === 'unresolvable')) return;
    const uidsIn = (state: OwnerState): string[] => states.filter((s) => s.state === state).map((s) => s.ref.uid);
    const solid = uidsIn('solid');
    const gone = [...uidsIn('dangling'), ...uidsIn('waiting')];
    if (solid.length > 0) {
      // A live owner keeps the object; references to owners that are gone (or going) are dropped.
      if (gone.length > 0) this.removeOwnerRefs(item, gone);
      return;
    }
    const fins = meta.finalizers ?? [];
    let policy: PropagationPolicy = fins.includes(ORPHAN_FINALIZER) ? 'Orphan' : fins.includes(FOREGROUND_FINALIZER) ? 'Foreground' : 'Background';
    // An owner waiting for its dependents: a dependent that owns things goes in foreground too.
    if (uidsIn('waiting').length > 0 && this.graph.hasDependents(item.uid)) policy = 'Foreground';
    this.store.delete(item.resource, item.namespace, item.name, { propagationPolicy: policy });
  }

  /** The foreground owner goes once no dependent with blockOwnerDeletion is left; until then its dependents are pushed. */
  private processDeletingDependents(owner: GcItem): void {
    let blocking = 0;
    for (const dep of this.graph.dependents(owner.uid)) {
      const obj = this.store.get(dep.resource, dep.namespace, dep.name);
      if (!obj || obj.metadata.uid !== dep.uid) continue;
      if (obj.metadata.ownerReferences?.some((r) => r.uid === owner.uid && r.blockOwnerDeletion === true)) blocking++;
      // One already terminating finishes on its own (its finalizers, its grace period).
      if (!obj.metadata.deletionTimestamp) this.enqueue(dep);
    }
    if (blocking === 0) this.removeFinalizer(owner, FOREGROUND_FINALIZER);
  }

  /** The orphan finalizer: dependents lose their reference to the owner, then the owner goes. */
  private orphanDependents(owner: GcItem): void {
    for (const dep of this.graph.dependents(owner.uid)) this.removeOwnerRefs(dep, [owner.uid]);
    this.removeFinalizer(owner, ORPHAN_FINALIZER);
  }

  private removeOwnerRefs(item: GcItem, uids: string[]): void {
    this.mutate(item, (d) => {
      const left = (d.metadata.ownerReferences ?? []).filter((r) => !uids.includes(r.uid));
      if (left.length > 0) d.metadata.ownerReferences = left;
      else delete d.metadata.ownerReferences;
    });
  }

  private removeFinalizer(item: GcItem, finalizer: string): void {
    this.mutate(item, (d) => {
      d.metadata.finalizers = (d.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    });
  }

  private mutate(item: GcItem, fn: (draft: KubeObject) => void): void {
    const current = this.store.get(item.resource, item.namespace, item.name);
    if (current?.metadata.uid !== item.uid) return;
    this.store.mutate(item.resource, item.namespace, item.name, fn);
  }

  /** isDangling + classifyReferences: the owner is looked up where the dependent lives, and must have the uid. */
  private ownerState(ref: OwnerReference, dependent: KubeObject): OwnerState {
    const def = this.defForKind(ref);
    if (!def) return 'unresolvable';
    const namespace = dependent.metadata.namespace;
    if (def.namespaced && !namespace) return 'unresolvable';
    const owner = this.store.get(def, def.namespaced ? namespace : undefined, ref.name);
    if (!owner || owner.metadata.uid !== ref.uid) return 'dangling';
    const deletingDependents = owner.metadata.deletionTimestamp && owner.metadata.finalizers?.includes(FOREGROUND_FINALIZER);
    return deletingDependents ? 'waiting' : 'solid';
  }

  /** The served resource of an ownerReference's apiVersion group and kind. */
  private defForKind(ref: OwnerReference): ResourceDef | undefined {
    const group = ref.apiVersion.includes('/') ? (ref.apiVersion.split('/')[0] ?? '') : '';
    const key = `${group}/${ref.kind}`;
    if (!this.kinds.has(key))
      this.kinds.set(
        key,
        this.store.catalogue.all().find((d) => d.group === group && d.kind === ref.kind),
      );
    return this.kinds.get(key);
  }
}

function itemOf(change: StoreChange): GcItem {
  const m = change.object.metadata;
  return { resource: change.resource, namespace: m.namespace, name: m.name, uid: m.uid };
}
