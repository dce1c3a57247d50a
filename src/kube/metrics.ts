/** Reads the resource metrics API (metrics.k8s.io/v1beta1, served by metrics-server), as kubectl top does. */
import type { ApiClient } from './api-client.ts';
import { withRequestContext } from './errors.ts';
import type { KubeList, KubeObject } from './object.ts';

/** The metrics group and the versions kubectl top accepts. */
const metricsGroup = 'metrics.k8s.io';
const supportedVersions = ['v1beta1'];

/** Usage as the API gives it: quantity strings by resource name (cpu, memory). */
export type ResourceUsage = Record<string, string>;

/** One container's usage in a PodMetrics. */
export interface ContainerMetrics {
  name: string;
  usage: ResourceUsage;
}

/** A PodMetrics object. */
export interface PodMetrics extends KubeObject {
  timestamp?: string;
  window?: string;
  containers: ContainerMetrics[];
}

/** A NodeMetrics object. */
export interface NodeMetrics extends KubeObject {
  timestamp?: string;
  window?: string;
  usage: ResourceUsage;
}

const base = `/apis/${metricsGroup}/${supportedVersions[0]}`;

/** True when discovery lists metrics.k8s.io in a version kubectl top can read (its SupportedMetricsAPIVersionAvailable). */
export async function metricsApiAvailable(client: ApiClient, signal?: AbortSignal): Promise<boolean> {
  const list = await client.get<{ groups?: { name: string; versions?: { version: string }[] }[] }>('/apis', signal ? { signal } : {});
  return (list.groups ?? []).some((g) => g.name === metricsGroup && (g.versions ?? []).some((v) => supportedVersions.includes(v.version)));
}

/** Which pod metrics to read: one namespace (undefined: all), one pod by name, or a label selector. */
export interface PodMetricsQuery {
  namespace?: string | undefined;
  name?: string | undefined;
  labelSelector?: string | undefined;
  fieldSelector?: string | undefined;
  signal?: AbortSignal;
}

/** PodMetrics for a namespace (or all), a label selector, or one pod. */
export async function listPodMetrics(client: ApiClient, q: PodMetricsQuery): Promise<PodMetrics[]> {
  const prefix = q.namespace === undefined ? base : `${base}/namespaces/${encodeURIComponent(q.namespace)}`;
  const opts = q.signal ? { signal: q.signal } : {};
  try {
    if (q.name !== undefined) return [await client.get<PodMetrics>(`${prefix}/pods/${encodeURIComponent(q.name)}`, opts)];
    const list = await client.get<KubeList<PodMetrics>>(`${prefix}/pods`, { ...opts, query: { labelSelector: q.labelSelector || undefined, fieldSelector: q.fieldSelector || undefined } });
    return list.items ?? [];
  } catch (err) {
    throw withRequestContext(err, 'get', 'pods.metrics.k8s.io', q.name);
  }
}

/** NodeMetrics for every node (or a label selector), or one node. */
export async function listNodeMetrics(client: ApiClient, q: { name?: string | undefined; labelSelector?: string | undefined; signal?: AbortSignal }): Promise<NodeMetrics[]> {
  const opts = q.signal ? { signal: q.signal } : {};
  try {
    if (q.name !== undefined) return [await client.get<NodeMetrics>(`${base}/nodes/${encodeURIComponent(q.name)}`, opts)];
    const list = await client.get<KubeList<NodeMetrics>>(`${base}/nodes`, { ...opts, query: { labelSelector: q.labelSelector || undefined } });
    return list.items ?? [];
  } catch (err) {
    throw withRequestContext(err, 'get', 'nodes.metrics.k8s.io', q.name);
  }
}
