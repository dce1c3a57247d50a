/**
 * The registry of built-in kinds, the one lookup for everything kx knows about a kind: by
 * resource key (watch, tables) and by group and Kind (describe, owner references). Everything
 * else uses the server's Table.
 */
import { configMapsKind, namespacesKind, secretsKind } from './config-kinds.ts';
import { crdsKind } from './crds.ts';
import { cronJobsKind } from './cronjobs.ts';
import { daemonSetsKind } from './daemonsets.ts';
import { deploymentsKind } from './deployments.ts';
import { endpointsKind } from './endpoints.ts';
import { eventsKind } from './events.ts';
import { hpasKind } from './hpas.ts';
import { ingressesKind, ingressKindFor } from './ingresses.ts';
import { jobsKind } from './jobs.ts';
import { networkPoliciesKind } from './networkpolicies.ts';
import { nodesKind } from './nodes.ts';
import { podsKind } from './pods.ts';
import { pvcsKind } from './pvcs.ts';
import { replicaSetsKind } from './replicasets.ts';
import { servicesKind } from './services.ts';
import { statefulSetsKind } from './statefulsets.ts';
import { noRollout, type RolloutTarget } from '../kube/mutations/rollout/rollout-target.ts';
import { resourceKey, type ResourceInfo } from '../kube/resource-info.ts';
import type { KindFacts, RegisteredKind } from './kind-module.ts';

const builtins: readonly RegisteredKind[] = [
  podsKind,
  deploymentsKind,
  replicaSetsKind,
  statefulSetsKind,
  daemonSetsKind,
  jobsKind,
  cronJobsKind,
  servicesKind,
  endpointsKind,
  ingressesKind,
  ingressKindFor('ingresses.extensions'),
  networkPoliciesKind,
  configMapsKind,
  secretsKind,
  nodesKind,
  namespacesKind,
  eventsKind,
  hpasKind,
  pvcsKind,
  crdsKind,
];

const byKey = new Map(builtins.map((k) => [k.resourceKey, k]));

const byGroupKind = new Map<string, RegisteredKind>();
for (const k of builtins) {
  // The first registration of a GroupKind wins (networking.k8s.io Ingress before extensions').
  const key = `${k.module.group}/${k.module.kind}`;
  if (!byGroupKind.has(key)) byGroupKind.set(key, k);
}

/** The built-in kind of an API group and Kind ('apps', 'Deployment'), or undefined. */
export function kindByGroupKind(group: string, kind: string): RegisteredKind | undefined {
  return byGroupKind.get(`${group}/${kind}`);
}

/** The built-in kind module of a resource key, or undefined (custom resources, kinds kx has no module for). */
export function moduleFor(resourceKey: string): KindFacts | undefined {
  return byKey.get(resourceKey)?.module;
}

/** The built-in kind for a resource key ('pods', 'deployments.apps', …), or undefined. */
export function kindFor(resourceKey: string): RegisteredKind | undefined {
  return byKey.get(resourceKey);
}

/** Every built-in kind, in the order a resource menu might list them. */
export function builtinKinds(): readonly RegisteredKind[] {
  return builtins;
}

/** The rollout target of an object, with its kind's flavour; kubectl's refusal when it has none. */
export function rolloutTargetOf(target: { resource: ResourceInfo; namespace: string; name: string }): RolloutTarget {
  const flavour = moduleFor(resourceKey(target.resource))?.rollout;
  if (!flavour) throw noRollout(target.resource);
  return { resource: target.resource, namespace: target.namespace, name: target.name, flavour };
}
