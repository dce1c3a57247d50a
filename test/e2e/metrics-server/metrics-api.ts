/**
 * The metrics.k8s.io/v1beta1 answers metrics-server gives (discovery, NodeMetrics and PodMetrics,
 * lists with labelSelector, 404 Status), computed from the API server's Running pods and nodes.
 */
import { rawRequest } from '../cluster/raw-http.ts';
import { addUsage, containerUsage, systemShare, usageQuantities, type Usage } from './usage.ts';

const group = 'metrics.k8s.io';
const apiVersion = `${group}/v1beta1`;

/** An HTTP status and JSON body to send. */
export interface MetricsAnswer {
  status: number;
  body: unknown;
}

interface Meta {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
}
interface Pod {
  metadata: Meta;
  spec: { nodeName?: string; containers: { name: string }[] };
  status?: { phase?: string };
}

/** Reads the API server as the admin. */
export type ApiGet = (path: string, query?: Record<string, string | null>) => Promise<{ status: number; items?: unknown[]; object?: unknown }>;

/** An ApiGet over HTTPS with a bearer token. */
export function apiGetter(server: string, token: string): ApiGet {
  return async (path, query = {}) => {
    const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== null && e[1] !== ''));
    const res = await rawRequest(`${server}${path}${params.size ? `?${params.toString()}` : ''}`, { token });
    let json: { items?: unknown[] } | undefined;
    try {
      json = JSON.parse(res.body) as { items?: unknown[] };
    } catch {
      json = undefined;
    }
    return { status: res.status, items: json?.items, object: json };
  };
}

const discovery = {
  kind: 'APIResourceList',
  apiVersion: 'v1',
  groupVersion: apiVersion,
  resources: [
    { name: 'nodes', singularName: '', namespaced: false, kind: 'NodeMetrics', verbs: ['get', 'list'] },
    { name: 'pods', singularName: '', namespaced: true, kind: 'PodMetrics', verbs: ['get', 'list'] },
  ],
};
const groupDoc = {
  kind: 'APIGroup',
  apiVersion: 'v1',
  name: group,
  versions: [{ groupVersion: apiVersion, version: 'v1beta1' }],
  preferredVersion: { groupVersion: apiVersion, version: 'v1beta1' },
};

function notFound(message: string, details?: { name: string; kind: string }): MetricsAnswer {
  const status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'NotFound', ...(details ? { details: { ...details, group } } : {}), code: 404 };
  return { status: 404, body: status };
}

const running = (p: Pod): boolean => p.status?.phase === 'Running';

function podUsage(p: Pod): { name: string; usage: Usage }[] {
  return p.spec.containers.map((c) => ({ name: c.name, usage: containerUsage(p.metadata.namespace ?? '', p.metadata.name, c.name) }));
}

/** RFC 3339 to the second, as Kubernetes writes times. */
const stamp = (d: Date): string => d.toISOString().replace(/\.\d+Z$/, 'Z');

function sample(m: Meta): Record<string, unknown> {
  const now = new Date();
  const metadata = { name: m.name, ...(m.namespace ? { namespace: m.namespace } : {}), creationTimestamp: stamp(now), ...(m.labels ? { labels: m.labels } : {}) };
  return { metadata, timestamp: stamp(now), window: '15s' };
}

function podMetrics(p: Pod): Record<string, unknown> {
  return { kind: 'PodMetrics', apiVersion, ...sample(p.metadata), containers: podUsage(p).map((c) => ({ name: c.name, usage: usageQuantities(c.usage) })) };
}

async function nodeMetrics(get: ApiGet, nodes: { metadata: Meta }[]): Promise<Record<string, unknown>[]> {
  const pods = ((await get('/api/v1/pods')).items ?? []) as Pod[];
  return nodes.map((n) => {
    const mine = pods.filter((p) => running(p) && p.spec.nodeName === n.metadata.name).flatMap((p) => podUsage(p).map((c) => c.usage));
    return { kind: 'NodeMetrics', apiVersion, ...sample(n.metadata), usage: usageQuantities(addUsage(systemShare, ...mine)) };
  });
}

/** Answers one GET under /apis/metrics.k8s.io. */
export async function answerMetrics(get: ApiGet, url: URL): Promise<MetricsAnswer> {
  const path = url.pathname.replace(/\/+$/, '');
  const selectors = { labelSelector: url.searchParams.get('labelSelector'), fieldSelector: url.searchParams.get('fieldSelector') };
  if (path === `/apis/${group}`) return { status: 200, body: groupDoc };
  if (path === `/apis/${apiVersion}`) return { status: 200, body: discovery };
  const nodes = new RegExp(`^/apis/${apiVersion}/nodes(?:/([^/]+))?$`).exec(path);
  if (nodes) {
    const name = nodes[1] && decodeURIComponent(nodes[1]);
    if (name) {
      const node = await get(`/api/v1/nodes/${encodeURIComponent(name)}`);
      if (node.status !== 200) return notFound(`nodemetrics.metrics.k8s.io "${name}" not found`, { name, kind: 'nodes' });
      return { status: 200, body: (await nodeMetrics(get, [node.object as { metadata: Meta }]))[0] };
    }
    const list = await get('/api/v1/nodes', { labelSelector: selectors.labelSelector });
    if (list.status !== 200) return { status: list.status, body: list.object };
    return { status: 200, body: { kind: 'NodeMetricsList', apiVersion, metadata: {}, items: await nodeMetrics(get, (list.items ?? []) as { metadata: Meta }[]) } };
  }
  const pods = new RegExp(`^/apis/${apiVersion}(?:/namespaces/([^/]+))?/pods(?:/([^/]+))?$`).exec(path);
  if (pods) {
    const ns = pods[1] && decodeURIComponent(pods[1]);
    const name = pods[2] && decodeURIComponent(pods[2]);
    const prefix = ns ? `/api/v1/namespaces/${encodeURIComponent(ns)}/pods` : '/api/v1/pods';
    if (name) {
      const pod = await get(`${prefix}/${encodeURIComponent(name)}`);
      if (pod.status !== 200 || !running(pod.object as Pod)) return notFound(`podmetrics.metrics.k8s.io "${ns ?? ''}/${name}" not found`, { name, kind: 'pods' });
      return { status: 200, body: podMetrics(pod.object as Pod) };
    }
    // The API server's answer to a bad selector is metrics-server's too.
    const list = await get(prefix, selectors);
    if (list.status !== 200) return { status: list.status, body: list.object };
    const items = ((list.items ?? []) as Pod[]).filter(running).map(podMetrics);
    return { status: 200, body: { kind: 'PodMetricsList', apiVersion, metadata: {}, items } };
  }
  return notFound('the server could not find the requested resource');
}
