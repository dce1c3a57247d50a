/** Decides what a DELETE does to an object: remove it now, or mark it (finalizers, pod grace period). */
import type { KubeObject } from '../../kube/object.ts';
import { clone, rfc3339 } from './object-meta.ts';
import type { ResourceDef } from './resource-def.ts';

/** The outcome of a delete request. */
export type DeletionPlan =
  | { kind: 'remove' }
  | { kind: 'mark'; object: KubeObject }
  | { kind: 'unchanged' };

/** Works out a delete like the API server's graceful-deletion logic. */
export function deletionPlan(def: ResourceDef, obj: KubeObject, requestedGrace: number | undefined, now: Date): DeletionPlan {
  const hasFinalizers = (obj.metadata.finalizers?.length ?? 0) > 0;
  const grace = def.group === '' && def.plural === 'pods' ? podGrace(obj, requestedGrace) : 0;
  const meta = obj.metadata;
  if (meta.deletionTimestamp) {
    // Already terminating: only a shorter grace period changes anything.
    const current = meta.deletionGracePeriodSeconds ?? 0;
    if (grace >= current) return { kind: 'unchanged' };
    if (grace === 0 && !hasFinalizers) return { kind: 'remove' };
    return { kind: 'mark', object: marked(obj, grace, now) };
  }
  if (!hasFinalizers && grace === 0) return { kind: 'remove' };
  return { kind: 'mark', object: marked(obj, grace, now) };
}

function podGrace(pod: KubeObject, requested: number | undefined): number {
  const spec = (pod.spec ?? {}) as { nodeName?: string; terminationGracePeriodSeconds?: number };
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  // An unscheduled or finished pod has no kubelet to wait for: the server deletes it at once.
  if (!spec.nodeName || phase === 'Succeeded' || phase === 'Failed') return 0;
  const grace = requested ?? spec.terminationGracePeriodSeconds ?? 30;
  return Math.max(0, grace);
}

function marked(obj: KubeObject, grace: number, now: Date): KubeObject {
  const copy = clone(obj);
  copy.metadata.deletionTimestamp = rfc3339(new Date(now.getTime() + grace * 1000));
  copy.metadata.deletionGracePeriodSeconds = grace;
  return copy;
}
