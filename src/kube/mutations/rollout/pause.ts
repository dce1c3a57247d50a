/**
 * `kubectl rollout pause|resume` (pkg/polymorphichelpers/objectpauser.go, objectresumer.go): only
 * Deployments pause; the change is a strategic merge patch of spec.paused, and pausing a paused
 * Deployment (or resuming a running one) is an error, in kubectl's words.
 */
import type { ApiClient } from '../../api-client.ts';
import { KxError } from '../../errors.ts';
import type { KubeObject } from '../../object.ts';
import { resourceKey, resourcePath, type ResourceInfo } from '../../resource-info.ts';
import { kubectlKind } from '../delete.ts';

/** What to pause or resume: any named object (kinds that cannot pause are refused as kubectl does). */
export interface PauseTarget {
  resource: ResourceInfo;
  namespace: string;
  name: string;
}

/** Pauses (`pause` true) or resumes; resolves with kubectl's line (`deployment.apps/web paused`). */
export async function rolloutPause(client: ApiClient, target: PauseTarget, pause: boolean): Promise<string> {
  const path = resourcePath(target.resource, target.namespace, target.name);
  // kubectl reads the object first (a missing one is the server's NotFound), then judges its kind.
  const object = await client.get<KubeObject>(path);
  const refuse = (why: string) => new KxError('invalid', `error: ${resourceKey(target.resource)} "${target.name}" ${why}`);
  const isDeployment = target.resource.group === 'apps' && target.resource.kind === 'Deployment';
  if (!isDeployment) throw refuse(pause ? 'pausing is not supported' : 'resuming is not supported');
  const paused = (object['spec'] as { paused?: boolean } | undefined)?.paused === true;
  if (paused === pause) throw refuse(pause ? 'is already paused' : 'is not paused');
  // Resume sends null: kubectl's two-way merge patch drops the false (omitempty) field.
  await client.patch(path, 'strategic', { spec: { paused: pause ? true : null } });
  return `${kubectlKind(target.resource)}/${target.name} ${pause ? 'paused' : 'resumed'}`;
}
