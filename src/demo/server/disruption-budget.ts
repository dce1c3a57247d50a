/**
 * PodDisruptionBudget arithmetic as the disruption controller does it (expected, desired and current
 * healthy pods, disruptions allowed), computed on demand from the store: the demo has no
 * controller keeping PDB status, so the eviction handler asks this instead.
 */
import type { KubeObject } from '../../kube/object.ts';
import { labelSelectorMatches } from './selectors.ts';
import { formatSelector } from './table/columns.ts';

/** What the controller would write in a PDB's status. */
export interface BudgetStatus {
  expectedPods: number;
  desiredHealthy: number;
  currentHealthy: number;
  disruptionsAllowed: number;
}

/** The workloads whose scale a percentage budget counts, by Kind. */
export const scaledWorkloads: Readonly<Record<string, { group: string; plural: string }>> = {
  ReplicaSet: { group: 'apps', plural: 'replicasets' },
  Deployment: { group: 'apps', plural: 'deployments' },
  StatefulSet: { group: 'apps', plural: 'statefulsets' },
  ReplicationController: { group: '', plural: 'replicationcontrollers' },
};

/** Looks up a workload by kind/namespace/name (the pods' controllers and their owners). */
export type OwnerLookup = (kind: string, namespace: string, name: string) => KubeObject | undefined;

/** Whether the PDB's selector picks `pod` (policy/v1: an empty selector picks every pod in the namespace). */
export function budgetSelects(pdb: KubeObject, pod: KubeObject): boolean {
  if (pdb.metadata.namespace !== pod.metadata.namespace) return false;
  const selector = (pdb.spec as { selector?: unknown } | undefined)?.selector;
  const text = formatSelector(selector);
  if (text === '<none>') return selector !== undefined && selector !== null;
  return labelSelectorMatches(text, pod.metadata.labels ?? {});
}

/** Ready condition True and not terminating: what the controller counts as healthy. */
export function podHealthy(pod: KubeObject): boolean {
  if (pod.metadata.deletionTimestamp) return false;
  const conditions = (pod.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? [];
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

/** The budget's status over `pods` (all pods of its namespace). */
export function budgetStatus(pdb: KubeObject, pods: readonly KubeObject[], lookup: OwnerLookup): BudgetStatus {
  const selected = pods.filter((p) => budgetSelects(pdb, p));
  const spec = (pdb.spec ?? {}) as { minAvailable?: number | string; maxUnavailable?: number | string };
  const currentHealthy = selected.filter(podHealthy).length;
  let expectedPods = selected.length;
  let desiredHealthy = 0;
  if (spec.maxUnavailable !== undefined) {
    expectedPods = controllersScale(selected, lookup);
    desiredHealthy = Math.max(0, expectedPods - scaled(spec.maxUnavailable, expectedPods));
  } else if (typeof spec.minAvailable === 'string') {
    expectedPods = controllersScale(selected, lookup);
    desiredHealthy = scaled(spec.minAvailable, expectedPods);
  } else if (typeof spec.minAvailable === 'number') {
    desiredHealthy = spec.minAvailable;
  }
  return { expectedPods, desiredHealthy, currentHealthy, disruptionsAllowed: Math.max(0, currentHealthy - desiredHealthy) };
}

/** An IntOrString against a total: percentages round up, as intstr.GetScaledValueFromIntOrPercent(…, true). */
function scaled(value: number | string, total: number): number {
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(value);
  return m ? Math.ceil((Number(m[1]) * total) / 100) : Number(value) || 0;
}

/** The sum of the replicas the pods' controllers want (a ReplicaSet of a Deployment counts as the Deployment). */
function controllersScale(pods: readonly KubeObject[], lookup: OwnerLookup): number {
  const seen = new Map<string, number>();
  let loose = 0;
  for (const pod of pods) {
    const ref = pod.metadata.ownerReferences?.find((r) => r.controller);
    const ns = pod.metadata.namespace ?? '';
    let owner = ref ? lookup(ref.kind, ns, ref.name) : undefined;
    const top = owner?.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'Deployment');
    if (owner && top) owner = lookup('Deployment', ns, top.name) ?? owner;
    if (!owner) {
      loose++;
      continue;
    }
    const replicas = (owner.spec as { replicas?: number } | undefined)?.replicas;
    seen.set(`${owner.kind}/${owner.metadata.name}`, typeof replicas === 'number' ? replicas : 1);
  }
  return [...seen.values()].reduce((a, b) => a + b, loose);
}
