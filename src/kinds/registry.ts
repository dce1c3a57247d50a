/** The registry of built-in kinds: resource key → KindSpec. Everything else uses the server's Table. */
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
import type { KindSpec } from './types.ts';

const builtins: readonly KindSpec[] = [
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

/** The built-in kind for a resource key ('pods', 'deployments.apps', …), or undefined. */
export function kindFor(resourceKey: string): KindSpec | undefined {
  return byKey.get(resourceKey);
}

/** Every built-in kind, in the order a resource menu might list them. */
export function builtinKinds(): readonly KindSpec[] {
  return builtins;
}
