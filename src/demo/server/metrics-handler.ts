/** GET on metrics.k8s.io/v1beta1 nodes and pods: NodeMetrics and PodMetrics computed from the store, as metrics-server answers. */
import type { ServerResponse } from 'node:http';
import type { KubeObject } from '../../kube/object.ts';
import type { ServerContext } from './context.ts';
import { DemoStatusError, methodNotAllowed } from './errors.ts';
import { sendJson } from './http-util.ts';
import { containerUsage, hasMetrics, metricsWindow, nodeUsage, type Usage } from './metrics-usage.ts';
import { rfc3339 } from './object-meta.ts';
import type { ResourceRoute } from './router.ts';
import { parseLabelSelector } from './selectors.ts';

const apiVersion = 'metrics.k8s.io/v1beta1';
const pods = { group: '', plural: 'pods' };
const nodes = { group: '', plural: 'nodes' };

function quantities(u: Usage): { cpu: string; memory: string } {
  return { cpu: `${u.nanocores}n`, memory: `${u.bytes / 1024}Ki` };
}

function meta(obj: KubeObject, now: Date): Record<string, unknown> {
  return {
    name: obj.metadata.name,
    ...(obj.metadata.namespace !== undefined ? { namespace: obj.metadata.namespace } : {}),
    creationTimestamp: rfc3339(now),
    ...(obj.metadata.labels ? { labels: obj.metadata.labels } : {}),
  };
}

/** Whether v1beta1.metrics.k8s.io says Available=True (a test sets it False to play a metrics server that is down). */
function apiServiceAvailable(ctx: ServerContext): boolean {
  const service = ctx.store.get({ group: 'apiregistration.k8s.io', plural: 'apiservices' }, undefined, 'v1beta1.metrics.k8s.io') as
    { status?: { conditions?: { type?: string; status?: string }[] } } | undefined;
  return service?.status?.conditions?.find((c) => c.type === 'Available')?.status === 'True';
}

/** Answers a metrics.k8s.io request (only GET: the group is read-only). */
export function handleMetrics(ctx: ServerContext, method: string, res: ServerResponse, route: ResourceRoute, query: URLSearchParams): void {
  if (method !== 'GET' || route.subresource !== undefined) throw methodNotAllowed();
  if (!apiServiceAvailable(ctx)) {
    // The aggregator's answer when the APIService's backend fails its checks: a plain-text 503
    // (kube-aggregator's proxyError), while discovery still lists the group.
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
    res.end('service unavailable\n');
    return;
  }
  const now = new Date();
  const window = metricsWindow(now.getTime());
  const sample = { timestamp: window.timestamp, window: '15s' };
  const filter = parseLabelSelector(query.get('labelSelector'));
  if (route.def.plural === 'nodes') {
    const allPods = ctx.store.list(pods);
    const one = (node: KubeObject) => ({ metadata: meta(node, now), ...sample, usage: quantities(nodeUsage(node, allPods, window.index)) });
    if (route.name !== undefined) {
      const node = ctx.store.get(nodes, undefined, route.name);
      if (!node) throw new DemoStatusError(404, 'NotFound', `nodemetrics.metrics.k8s.io "${route.name}" not found`, { name: route.name, group: 'metrics.k8s.io', kind: 'nodes' });
      sendJson(res, 200, { kind: 'NodeMetrics', apiVersion, ...one(node) });
      return;
    }
    const items = ctx.store.list(nodes).filter((n) => !filter || filter(n));
    sendJson(res, 200, { kind: 'NodeMetricsList', apiVersion, metadata: {}, items: items.map(one) });
    return;
  }
  const one = (pod: KubeObject) => ({
    metadata: meta(pod, now),
    ...sample,
    containers: containerUsage(pod, window.index).map((c) => ({ name: c.name, usage: quantities(c.usage) })),
  });
  if (route.name !== undefined) {
    const pod = ctx.store.get(pods, route.namespace, route.name);
    if (!pod || !hasMetrics(pod)) {
      throw new DemoStatusError(404, 'NotFound', `podmetrics.metrics.k8s.io "${route.namespace ?? ''}/${route.name}" not found`, { name: route.name, group: 'metrics.k8s.io', kind: 'pods' });
    }
    sendJson(res, 200, { kind: 'PodMetrics', apiVersion, ...one(pod) });
    return;
  }
  const items = ctx.store
    .list(pods, route.namespace)
    .filter((p) => hasMetrics(p) && (!filter || filter(p)))
    .sort((a, b) => (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') || a.metadata.name.localeCompare(b.metadata.name));
  sendJson(res, 200, { kind: 'PodMetricsList', apiVersion, metadata: {}, items: items.map(one) });
}
