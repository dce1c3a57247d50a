/** Deployment status as the controller computes it: counts plus Available and Progressing conditions. */
import type { KubeObject } from '../../../kube/object.ts';
import { rfc3339 } from '../meta.ts';
import { specReplicas, statusCount, surgeAndUnavailable } from './deployment-math.ts';

interface Condition {
  type: string;
  status: string;
  lastUpdateTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

/** Returns a function from the old status to the new one (so transition times survive). */
export function deploymentStatus(d: KubeObject, newRS: KubeObject | undefined, all: KubeObject[]): (old: Record<string, unknown> | undefined) => Record<string, unknown> {
  const spec = (d.spec ?? {}) as { replicas?: number; paused?: boolean };
  const want = spec.replicas ?? 1;
  const replicas = all.reduce((n, rs) => n + statusCount(rs, 'replicas'), 0);
  const ready = all.reduce((n, rs) => n + statusCount(rs, 'readyReplicas'), 0);
  const available = all.reduce((n, rs) => n + statusCount(rs, 'availableReplicas'), 0);
  const updated = newRS ? statusCount(newRS, 'replicas') : 0;
  const specTotal = all.reduce((n, rs) => n + specReplicas(rs), 0);
  const { unavailable: maxUnavailable } = surgeAndUnavailable(d);
  const complete = updated === want && replicas === want && available === want && all.every((rs) => rs === newRS || (specReplicas(rs) === 0 && statusCount(rs, 'replicas') === 0));
  const rsName = newRS?.metadata.name ?? '';
  return (old) => {
    const now = rfc3339();
    const prior = new Map(((old?.conditions as Condition[] | undefined) ?? []).map((c) => [c.type, c]));
    const cond = (type: string, status: string, reason: string, message: string): Condition => {
      const p = prior.get(type);
      const same = p && p.status === status && p.reason === reason && p.message === message;
      return {
        type,
        status,
        lastUpdateTime: same ? p.lastUpdateTime : now,
        lastTransitionTime: p && p.status === status ? p.lastTransitionTime : now,
        reason,
        message,
      };
    };
    const availableCond =
      available >= want - maxUnavailable
        ? cond('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.')
        : cond('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.');
    let progressing: Condition;
    if (spec.paused) progressing = cond('Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused');
    else if (complete) progressing = cond('Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${rsName}" has successfully progressed.`);
    else progressing = cond('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${rsName}" is progressing.`);
    const out: Record<string, unknown> = {
      observedGeneration: d.metadata.generation ?? 1,
      replicas,
      updatedReplicas: updated,
      readyReplicas: ready,
      availableReplicas: available,
      unavailableReplicas: Math.max(0, specTotal - available),
      conditions: [availableCond, progressing],
    };
    for (const k of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas']) if (out[k] === 0) delete out[k];
    if (old?.collisionCount !== undefined) out.collisionCount = old.collisionCount;
    return out;
  };
}
