/**
 * POST pods/NAME/eviction as the apiserver's eviction REST: a pod a PodDisruptionBudget protects is
 * deleted only when the budget allows a disruption, else 429 with the budget's numbers as the cause.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KubeObject } from '../../kube/object.ts';
import type { ServerContext } from './context.ts';
import { getExisting } from './crud.ts';
import { badRequest, DemoStatusError, notFound } from './errors.ts';
import { budgetSelects, budgetStatus, podHealthy, scaledWorkloads, type OwnerLookup } from './disruption-budget.ts';
import { isRecord, readJson, sendJson } from './http-util.ts';
import type { ResourceRoute } from './router.ts';

const pods = { group: '', plural: 'pods' };
const budgets = { group: 'policy', plural: 'poddisruptionbudgets' };

/** POST on pods/NAME/eviction. */
export async function handleEviction(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, route: ResourceRoute, query: URLSearchParams): Promise<void> {
  const body = await readJson(req).catch(() => undefined);
  if (!isRecord(body)) throw badRequest('the body of the request was in an unknown format');
  const meta = isRecord(body.metadata) ? body.metadata : {};
  if (typeof meta.name === 'string' && meta.name !== route.name) throw badRequest('name in URL does not match name in Eviction object');
  const options = isRecord(body.deleteOptions) ? body.deleteOptions : {};
  const dryRun = query.getAll('dryRun').includes('All') || (Array.isArray(options.dryRun) && options.dryRun.includes('All'));
  const pod = getExisting(ctx, route);
  refuseIfBudgetViolated(ctx, pod);
  if (!dryRun) {
    const grace = typeof options.gracePeriodSeconds === 'number' ? options.gracePeriodSeconds : undefined;
    const gone = ctx.store.delete(pods, pod.metadata.namespace, pod.metadata.name, grace !== undefined ? { gracePeriodSeconds: grace } : {});
    if (!gone) throw notFound(pods, pod.metadata.name);
  }
  sendJson(res, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
}

/** Throws the apiserver's 429 (or 500 for several budgets) when evicting `pod` now would break its budget. */
function refuseIfBudgetViolated(ctx: ServerContext, pod: KubeObject): void {
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  // canIgnorePDB: finished, pending and terminating pods are deleted without asking any budget.
  if (phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || pod.metadata.deletionTimestamp) return;
  if (!ctx.catalogue.get(budgets.group, budgets.plural)) return;
  const namespace = pod.metadata.namespace;
  const matching = ctx.store.list(budgets, namespace).filter((pdb) => budgetSelects(pdb, pod));
  if (matching.length === 0) return;
  if (matching.length > 1) throw new DemoStatusError(500, 'InternalError', 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
  const pdb = matching[0]!;
  const lookup: OwnerLookup = (kind, ns, name) => {
    const ref = scaledWorkloads[kind];
    return ref && ctx.catalogue.get(ref.group, ref.plural) ? ctx.store.get(ref, ns, name) : undefined;
  };
  const status = budgetStatus(pdb, ctx.store.list(pods, namespace), lookup);
  // The default unhealthyPodEvictionPolicy (IfHealthyBudget): an unready pod goes when the budget is met.
  if (!podHealthy(pod) && status.currentHealthy >= status.desiredHealthy && status.desiredHealthy > 0) return;
  if (status.disruptionsAllowed > 0) return;
  throw new DemoStatusError(429, 'TooManyRequests', "Cannot evict pod as it would violate the pod's disruption budget.", {
    causes: [
      {
        reason: 'DisruptionBudget',
        message: `The disruption budget ${pdb.metadata.name} needs ${status.desiredHealthy} healthy pods and has ${status.currentHealthy} currently`,
      },
    ],
  });
}
