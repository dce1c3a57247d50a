/**
 * The resource quota controller: keeps each ResourceQuota's status (hard as the spec says, used as
 * the namespace holds) current, as kube-controller-manager's does, so `kubectl get quota` prints
 * REQUEST and LIMIT and describe shows Used. The demo does not enforce quotas at admission.
 */
import type { KubeObject } from '../../../kube/object.ts';
import { addQuantity, compareQuantity, formatQuantity, parseQuantity, zeroQuantity, type Quantity } from '../../../kube/quantity.ts';
import type { DemoResourceRef } from '../../types.ts';
import type { ScenarioContext } from '../context.ts';
import { R } from '../refs.ts';

type Json = Record<string, unknown>;

/** Counted object kinds, by the names quotas use ('services', 'count/deployments.apps'). */
const counted: Record<string, DemoResourceRef> = {
  pods: R.pods,
  services: R.services,
  configmaps: R.configmaps,
  secrets: R.secrets,
  persistentvolumeclaims: R.pvcs,
  resourcequotas: R.quotas,
};

/** Pods that still hold their resources: not finished (the quota evaluator's rule). */
function activePods(ctx: ScenarioContext, namespace: string | undefined): KubeObject[] {
  return ctx.store.list(R.pods, namespace).filter((p) => {
    const phase = (p.status as { phase?: string } | undefined)?.phase;
    return phase !== 'Succeeded' && phase !== 'Failed';
  });
}

/** One pod's request or limit of a resource: its containers' sum, or its largest init container if more. */
function podAmount(pod: KubeObject, kind: 'requests' | 'limits', resource: string): Quantity {
  const spec = (pod.spec ?? {}) as { containers?: Json[]; initContainers?: Json[] };
  const of = (c: Json) => parseQuantity(((c.resources as Json | undefined)?.[kind] as Json | undefined)?.[resource]) ?? zeroQuantity;
  const sum = (spec.containers ?? []).reduce<Quantity>((total, c) => addQuantity(total, of(c)), zeroQuantity);
  return (spec.initContainers ?? []).map(of).reduce((max, q) => (compareQuantity(q, max) > 0 ? q : max), sum);
}

/** What a namespace uses of one quota resource name (`active`: its pods that still count). */
function used(ctx: ScenarioContext, namespace: string | undefined, name: string, active: KubeObject[]): string {
  const compute = /^(requests|limits)\.(.+)$/.exec(name);
  if (compute || name === 'cpu' || name === 'memory' || name === 'ephemeral-storage') {
    const kind = compute ? (compute[1] as 'requests' | 'limits') : 'requests';
    const resource = compute ? (compute[2] as string) : name;
    if (kind === 'requests' && resource === 'storage') {
      const claims = ctx.store.list(R.pvcs, namespace).map((c) => parseQuantity((c.spec as { resources?: { requests?: Json } } | undefined)?.resources?.requests?.storage) ?? zeroQuantity);
      return formatQuantity(claims.reduce(addQuantity, zeroQuantity));
    }
    return formatQuantity(active.reduce((total, pod) => addQuantity(total, podAmount(pod, kind, resource)), zeroQuantity));
  }
  if (name === 'pods' || name === 'count/pods') return String(active.length);
  if (name === 'services.loadbalancers' || name === 'services.nodeports') {
    const services = ctx.store.list(R.services, namespace).map((s) => (s.spec ?? {}) as { type?: string; ports?: Json[] });
    if (name === 'services.loadbalancers') return String(services.filter((s) => s.type === 'LoadBalancer').length);
    return String(services.filter((s) => s.type === 'NodePort' || s.type === 'LoadBalancer').reduce((n, s) => n + (s.ports ?? []).length, 0));
  }
  const plural = name.startsWith('count/') ? name.slice('count/'.length) : name;
  const [resource = '', group = ''] = plural.includes('.') ? [plural.slice(0, plural.indexOf('.')), plural.slice(plural.indexOf('.') + 1)] : [plural, ''];
  const ref = group === '' ? counted[resource] : { group, plural: resource };
  if (!ref) return '0';
  try {
    return String(ctx.store.list(ref, namespace).length);
  } catch {
    // A resource this server does not serve: nothing of it exists.
    return '0';
  }
}

/** Recomputes one quota's status and writes it when it changed. */
export function syncQuota(ctx: ScenarioContext, namespace: string | undefined, name: string): void {
  const quota = ctx.store.get(R.quotas, namespace, name);
  if (!quota || quota.metadata.deletionTimestamp) return;
  const hard = ((quota.spec as { hard?: Record<string, string> } | undefined)?.hard ?? {}) as Record<string, string>;
  const active = activePods(ctx, namespace);
  const status = { hard: { ...hard }, used: Object.fromEntries(Object.keys(hard).map((k) => [k, used(ctx, namespace, k, active)])) };
  if (JSON.stringify(status) === JSON.stringify(quota.status)) return;
  ctx.store.mutate(R.quotas, namespace, name, (d) => {
    d.status = status;
  });
}
