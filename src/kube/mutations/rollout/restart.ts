/**
 * `kubectl rollout restart`: a strategic merge patch setting the pod template annotation
 * `kubectl.kubernetes.io/restartedAt` to now (RFC 3339), which makes the controller roll every pod.
 */
import type { ApiClient } from '../../api-client.ts';
import { KxError } from '../../errors.ts';
import type { KubeObject } from '../../object.ts';
import { resourceKey, resourcePath } from '../../resource-info.ts';
import { dryRunSuffix, type DryRun } from '../cordon.ts';
import { rolloutName, type RolloutTarget } from './rollout-target.ts';

/** kubectl's timestamp: RFC 3339 in UTC with seconds, no fraction. */
export function restartedAt(now = new Date()): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Restarts; resolves with kubectl's sentence (`deployment.apps/web restarted`). `dryRun` is kx's
 * own (kubectl 1.32's restart has none): 'client' sends nothing, 'server' patches with dryRun=All.
 */
export async function rolloutRestart(client: ApiClient, target: RolloutTarget, now = new Date(), dryRun?: DryRun): Promise<string> {
  const kind = target.flavour;
  const path = resourcePath(target.resource, target.namespace, target.name);
  if (kind === 'Deployment') {
    const object = await client.get<KubeObject>(path);
    if ((object['spec'] as { paused?: boolean }).paused) {
      throw new KxError('invalid', `error: ${resourceKey(target.resource)} "${target.name}" can't restart paused deployment (run rollout resume first)`);
    }
  }
  const said = `${rolloutName(target)} restarted${dryRunSuffix(dryRun)}`;
  if (dryRun === 'client') return said;
  const patch = { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt(now) } } } } };
  await client.patch(path, 'strategic', patch, dryRun === 'server' ? { query: { dryRun: 'All' } } : {});
  return said;
}
