/** NetworkPolicies, as `kubectl get networkpolicies -A -o wide` prints them (printNetworkPolicy). */
import { formatLabelSelector, readSelector } from './format.ts';
import { at } from './json.ts';
import { ageCol, defineKind, nameCol, namespaceCol } from './kind-module.ts';
import type { LabelSelector } from './types.ts';

/** The networkpolicies kind: Enter shows the pods its podSelector picks. */
export const networkPoliciesKind = defineKind<LabelSelector>({
  resourceKey: 'networkpolicies.networking.k8s.io',
  group: 'networking.k8s.io',
  kind: 'NetworkPolicy',
  namespaced: true,
  // An absent podSelector is the empty one: the policy applies to every pod in its namespace.
  prepare: (o) => readSelector(at(o, 'spec', 'podSelector')) ?? {},
  columns: [namespaceCol, nameCol, { name: 'POD-SELECTOR', width: 30, value: (_o, selector) => formatLabelSelector(selector) }, ageCol],
  extras: (_o, selector) => ({ selector }),
  tone: () => 'normal',
  describe: () => import('./describe/describe-networkpolicy.ts').then((m) => m.describeNetworkPolicy),
  related: [],
  drill: { kind: 'selected-pods' },
  pods: undefined,
  rollout: undefined,
});
