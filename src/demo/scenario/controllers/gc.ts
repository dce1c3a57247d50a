/** The garbage collector: deleting an owner deletes its dependents (background propagation), and honours foreground/orphan finalizers. */
import type { StoreChange } from '../../types.ts';
import type { ScenarioContext } from '../context.ts';

/** Reacts to deletions and to owners marked for foreground or orphan deletion. */
export class GarbageCollector {
  constructor(private readonly ctx: ScenarioContext) {}

  /** Call after the owner index has seen the change. */
  onChange(change: StoreChange): void {
    const obj = change.object;
    const uid = obj.metadata.uid;
    if (change.type === 'DELETED') {
      for (const dep of this.ctx.owners.dependents(uid)) {
        const current = this.ctx.store.get(dep.resource, dep.namespace, dep.name);
        if (!current || current.metadata.deletionTimestamp) continue;
        const others = (current.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
        // A dependent with another live owner stays (the real GC only removes the dangling reference).
        if (others.length > 0) continue;
        this.ctx.store.delete(dep.resource, dep.namespace, dep.name);
      }
      return;
    }
    const finalizers = obj.metadata.finalizers ?? [];
    if (!obj.metadata.deletionTimestamp) return;
    if (finalizers.includes('orphan')) {
      for (const dep of this.ctx.owners.dependents(uid)) {
        this.ctx.store.mutate(dep.resource, dep.namespace, dep.name, (d) => {
          d.metadata.ownerReferences = (d.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
        });
      }
      this.removeFinalizer(change, 'orphan');
    } else if (finalizers.includes('foregroundDeletion')) {
      const deps = this.ctx.owners.dependents(uid);
      for (const dep of deps) this.ctx.store.delete(dep.resource, dep.namespace, dep.name);
      if (this.ctx.owners.dependents(uid).length === 0) this.removeFinalizer(change, 'foregroundDeletion');
      // Otherwise the last dependent's DELETED event brings us back here via the owner's requeue.
      else this.ctx.timers.after(1000, () => {
        const o = this.ctx.store.get(change.resource, obj.metadata.namespace, obj.metadata.name);
        if (o) this.onChange({ type: 'MODIFIED', resource: change.resource, object: o });
      });
    }
  }

  private removeFinalizer(change: StoreChange, name: string): void {
    const { namespace, name: objName } = change.object.metadata;
    this.ctx.store.mutate(change.resource, namespace, objName, (d) => {
      d.metadata.finalizers = (d.metadata.finalizers ?? []).filter((f) => f !== name);
    });
  }
}
