/**
 * `kubectl rollout restart`: a strategic merge patch setting the pod template annotation
 * `kubectl.kubernetes.io/restartedAt` to now (RFC 3339), which makes the controller roll every pod.
 */
import type { ApiClient } from '../../api-client.ts';
import { KxError } from '../../errors.ts';
import type { KubeObject } from '../../object.ts';
import { resourcePath } from '../../resource-info.ts';
import { rolloutName, type RolloutTarget } from './rollout-target.ts';

/** kubectl's timestamp: RFC 3339 in UTC with seconds, no fraction. */
export function restartedAt(now = new Date()): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Restarts; resolves with kubectl's sentence (`deployment.apps/web restarted`). */
export async function rolloutRestart(client: ApiClient, target: RolloutTarget, now = new Date()): Promise<string> {
  const kind = target.flavour;
  const path = resourcePath(target.resource, target.namespace, target.name);
  if (kind === 'Deployment') {
    const object = await client.get<KubeObject>(path);
    if ((object['spec'] as { paused?: boolean }).paused) {
      throw new KxError('invalid', `can't restart paused deployment (run rollout resume first)`);
    }
  }
  await client.patch(path, 'strategic', { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt(now) } } } } });
  return `${rolloutName(target)} restarted`;
}
