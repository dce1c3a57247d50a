/** What a rollout action works on, and the kinds that have rollouts. */
import { KxError } from '../../errors.ts';
import type { ResourceInfo } from '../../resource-info.ts';
import { kubectlKind } from '../delete.ts';

/** How an object rolls out: kubectl's rollout flavours (its kind module says which). */
export type RolloutKind = 'Deployment' | 'StatefulSet' | 'DaemonSet';

/** A Deployment, StatefulSet or DaemonSet, with its flavour. */
export interface RolloutTarget {
  resource: ResourceInfo;
  namespace: string;
  name: string;
  flavour: RolloutKind;
}

/** The refusal for a resource that has no rollout, in kubectl's words. */
export function noRollout(resource: ResourceInfo): KxError {
  return new KxError('invalid', `no rollout for ${kubectlKind(resource)}: only deployments, statefulsets and daemonsets have rollouts`);
}

/** `deployment.apps/web`, kubectl's way of naming the object in its output. */
export function rolloutName(target: Pick<RolloutTarget, 'resource' | 'name'>): string {
  return `${kubectlKind(target.resource)}/${target.name}`;
}
