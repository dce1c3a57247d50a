/**
 * The disruption controller: keeps each PodDisruptionBudget's status (healthy pods, how many may go
 * now) current as its pods come and go, as kube-controller-manager's does, so `kubectl get pdb`,
 * describe and kx show ALLOWED DISRUPTIONS. Evictions compute the same figures live (eviction.ts).
 */
import type { KubeObject } from '../../../kube/object.ts';
import { budgetSelects, budgetStatus, scaledWorkloads, type OwnerLookup } from '../../server/disruption-budget.ts';
import type { ScenarioContext } from '../context.ts';
import { rfc3339 } from '../meta.ts';
import { R } from '../refs.ts';

interface Condition {
  type: string;
  status: string;
  reason: string;
  message: string;
  observedGeneration?: number;
  lastTransitionTime: string;
}

/** Recomputes one budget's status and writes it when it changed. */
export function syncDisruptionBudget(ctx: ScenarioContext, namespace: string | undefined, name: string): void {
  const pdb = ctx.store.get(R.pdbs, namespace, name);
  if (!pdb || pdb.metadata.deletionTimestamp) return;
  const lookup: OwnerLookup = (kind, ns, owner) => {
    const ref = scaledWorkloads[kind];
    if (!ref) return undefined;
    try {
      return ctx.store.get(ref, ns, owner);
    } catch {
      // A kind this server does not serve (ReplicationController): no scale to count.
      return undefined;
    }
  };
  const figures = budgetStatus(pdb, ctx.store.list(R.pods, namespace), lookup);
  const allowed = figures.disruptionsAllowed > 0;
  const generation = pdb.metadata.generation;
  const old = (pdb.status ?? {}) as { conditions?: Condition[] } & Record<string, unknown>;
  const previous = old.conditions?.find((c) => c.type === 'DisruptionAllowed');
  const condition: Condition = {
    type: 'DisruptionAllowed',
    status: allowed ? 'True' : 'False',
    reason: allowed ? 'SufficientPods' : 'InsufficientPods',
    message: '',
    ...(generation !== undefined ? { observedGeneration: generation } : {}),
    lastTransitionTime: previous && previous.status === (allowed ? 'True' : 'False') ? previous.lastTransitionTime : rfc3339(),
  };
  const status = { ...(generation !== undefined ? { observedGeneration: generation } : {}), ...figures, conditions: [condition] };
  if (JSON.stringify(status) === JSON.stringify(pdb.status)) return;
  ctx.store.mutate(R.pdbs, namespace, name, (d) => {
    d.status = status;
  });
}

/** The budgets in a pod's namespace that select it. */
export function budgetsOf(ctx: ScenarioContext, pod: KubeObject): KubeObject[] {
  return ctx.store.list(R.pdbs, pod.metadata.namespace).filter((pdb) => budgetSelects(pdb, pod));
}
