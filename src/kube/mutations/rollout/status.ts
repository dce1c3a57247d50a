/**
 * `kubectl rollout status`: the same messages from the same fields (kubectl's status viewers),
 * for one look or for watching until done.
 */
import type { KubeObject } from '../../object.ts';
import type { RolloutKind } from './rollout-target.ts';

/** One look at a rollout: the line kubectl prints (its error when failed) and whether it is over (done or failed). */
export interface RolloutStatus {
  message: string;
  done: boolean;
  failed: boolean;
}

interface Counts {
  replicas?: number;
  updatedReplicas?: number;
  availableReplicas?: number;
  readyReplicas?: number;
  observedGeneration?: number;
  currentReplicas?: number;
  updateRevision?: string;
  currentRevision?: string;
  desiredNumberScheduled?: number;
  updatedNumberScheduled?: number;
  numberAvailable?: number;
  conditions?: { type: string; reason?: string }[];
}

/** The status line of `object` of `kind`. */
export function rolloutStatus(kind: RolloutKind, object: KubeObject): RolloutStatus {
  const name = object.metadata.name;
  const generation = object.metadata.generation ?? 0;
  const spec = (object['spec'] ?? {}) as { replicas?: number; updateStrategy?: { type?: string; rollingUpdate?: { partition?: number } } };
  const s = (object['status'] ?? {}) as Counts;
  const observed = (s.observedGeneration ?? 0) >= generation;
  if (kind === 'Deployment') {
    if (!observed) return pending(`Waiting for deployment spec update to be observed...`);
    if (s.conditions?.some((c) => c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded')) {
      return { message: `deployment "${name}" exceeded its progress deadline`, done: true, failed: true };
    }
    const want = spec.replicas ?? 1;
    const updated = s.updatedReplicas ?? 0;
    const total = s.replicas ?? 0;
    const available = s.availableReplicas ?? 0;
    if (updated < want) return pending(`Waiting for deployment "${name}" rollout to finish: ${updated} out of ${want} new replicas have been updated...`);
    if (total > updated) return pending(`Waiting for deployment "${name}" rollout to finish: ${total - updated} old replicas are pending termination...`);
    if (available < updated) return pending(`Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...`);
    return { message: `deployment "${name}" successfully rolled out`, done: true, failed: false };
  }
  // kubectl's DaemonSet and StatefulSet viewers refuse the other strategy (OnDelete) before anything else.
  if (spec.updateStrategy?.type !== 'RollingUpdate') {
    return { message: 'rollout status is only available for RollingUpdate strategy type', done: true, failed: true };
  }
  if (kind === 'DaemonSet') {
    if (!observed) return pending('Waiting for daemon set spec update to be observed...');
    const desired = s.desiredNumberScheduled ?? 0;
    const updated = s.updatedNumberScheduled ?? 0;
    const available = s.numberAvailable ?? 0;
    if (updated < desired) return pending(`Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...`);
    if (available < desired) return pending(`Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...`);
    return { message: `daemon set "${name}" successfully rolled out`, done: true, failed: false };
  }
  if (!observed) return pending('Waiting for statefulset spec update to be observed...');
  const want = spec.replicas ?? 1;
  const ready = s.readyReplicas ?? 0;
  if (ready < want) return pending(`Waiting for ${want - ready} pods to be ready...`);
  // kubectl's viewer asks whether rollingUpdate is set, not whether the partition is above 0: the
  // API server defaults it to {partition: 0}, so every RollingUpdate StatefulSet a server stores ends here.
  const rolling = spec.updateStrategy?.rollingUpdate;
  if (spec.updateStrategy?.type === 'RollingUpdate' && rolling) {
    const updated = s.updatedReplicas ?? 0;
    const partition = rolling.partition;
    if (partition !== undefined && updated < want - partition) {
      return pending(`Waiting for partitioned roll out to finish: ${updated} out of ${want - partition} new pods have been updated...`);
    }
    return { message: `partitioned roll out complete: ${updated} new pods have been updated...`, done: true, failed: false };
  }
  if (s.updateRevision !== s.currentRevision) {
    return pending(`waiting for statefulset rolling update to complete ${s.updatedReplicas ?? 0} pods at revision ${s.updateRevision}...`);
  }
  return { message: `statefulset rolling update complete ${s.currentReplicas ?? 0} pods at revision ${s.currentRevision}...`, done: true, failed: false };
}

function pending(message: string): RolloutStatus {
  return { message, done: false, failed: false };
}
