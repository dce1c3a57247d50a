/** What a rollout action works on, and the kinds that have rollouts. */
import { KxError } from '../../errors.ts';
import { resourceKey, type ResourceInfo } from '../../resource-info.ts';
import { kubectlKind } from '../delete.ts';

/** A Deployment, StatefulSet or DaemonSet. */
export interface RolloutTarget {
  resource: ResourceInfo;
  namespace: string;
  name: string;
}

/** The rollout kinds, by resource key. */
export type RolloutKind = 'Deployment' | 'StatefulSet' | 'DaemonSet';

const kinds: Record<string, RolloutKind> = {
  'deployments.apps': 'Deployment',
  'statefulsets.apps': 'StatefulSet',
  'daemonsets.apps': 'DaemonSet',
};

/** The rollout kind of `resource`, or a KxError in kubectl's words. */
export function rolloutKind(resource: ResourceInfo): RolloutKind {
  const kind = kinds[resourceKey(resource)];
  if (!kind) throw new KxError('invalid', `no rollout for ${kubectlKind(resource)}: only deployments, statefulsets and daemonsets have rollouts`);
  return kind;
}

/** `deployment.apps/web`, kubectl's way of naming the object in its output. */
export function rolloutName(target: RolloutTarget): string {
  return `${kubectlKind(target.resource)}/${target.name}`;
}
