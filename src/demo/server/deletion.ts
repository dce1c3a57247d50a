/** Decides what a DELETE does to an object: remove it now, or mark it (finalizers, pod grace period). */
import type { KubeObject } from '../../kube/object.ts';
import { finalizersAfterDelete, type PropagationPolicy } from './deletion-propagation.ts';
import { clone, rfc3339 } from './object-meta.ts';
import type { ResourceDef } from './resource-def.ts';

/** What a delete asks for besides the object. */
export interface DeletionRequest {
  gracePeriodSeconds?: number;
  /** DeleteOptions.propagationPolicy; unset keeps an orphan/foreground finalizer already there. */
  propagationPolicy?: PropagationPolicy;
  /** The resource's default when neither the request nor the object says (HTTP DELETE of a batch/v1 Job: Orphan). */
  defaultPropagationPolicy?: PropagationPolicy;
}

/** The outcome of a delete request. */
export type DeletionPlan = { kind: 'remove' } | { kind: 'mark'; object: KubeObject } | { kind: 'unchanged' };

/**
 * Works out a delete like the API server's graceful-deletion logic; the propagation policy turns
 * into the orphan/foregroundDeletion finalizer first (even on an object already terminating).
 */
export function deletionPlan(def: ResourceDef, obj: KubeObject, req: DeletionRequest, now: Date): DeletionPlan {
  const before = obj.metadata.finalizers ?? [];
  const finalizers = finalizersAfterDelete(before, req.propagationPolicy, req.defaultPropagationPolicy);
  const finalizersChanged = finalizers.length !== before.length || finalizers.some((f) => !before.includes(f));
  const source = finalizersChanged ? withFinalizers(obj, finalizers) : obj;
  const hasFinalizers = finalizers.length > 0;
  const grace = def.group === '' && def.plural === 'pods' ? podGrace(obj, req.gracePeriodSeconds) : 0;
  const meta = obj.metadata;
  if (meta.deletionTimestamp) {
    // Already terminating: only a shorter grace period or other GC finalizers change anything.
    const current = meta.deletionGracePeriodSeconds ?? 0;
    if (grace >= current) {
      if (!finalizersChanged) return { kind: 'unchanged' };
      if (!hasFinalizers && current === 0) return { kind: 'remove' };
      return { kind: 'mark', object: source };
    }
    if (grace === 0 && !hasFinalizers) return { kind: 'remove' };
    return { kind: 'mark', object: marked(source, grace, now) };
  }
  if (!hasFinalizers && grace === 0) return { kind: 'remove' };
  return { kind: 'mark', object: marked(source, grace, now) };
}

function withFinalizers(obj: KubeObject, finalizers: string[]): KubeObject {
  const copy = clone(obj);
  if (finalizers.length > 0) copy.metadata.finalizers = finalizers;
  else delete copy.metadata.finalizers;
  return copy;
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
