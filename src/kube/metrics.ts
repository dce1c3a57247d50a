/** Reads the resource metrics API (metrics.k8s.io/v1beta1, served by metrics-server), as kubectl top does. */
import type { ApiClient } from './api-client.ts';
import { KxError } from './errors.ts';
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

// client-go's sentences for an answer without a Status body (apimachinery NewGenericServerResponse).
const genericByCode: Record<number, string> = {
  400: 'the server rejected our request for an unknown reason',
  404: 'the server could not find the requested resource',
  405: 'the server does not allow this method on the requested resource',
  429: 'the server has received too many requests and has asked us to try again later',
  503: 'the server is currently unable to handle the request',
  504: 'the server was unable to return a response in the time allotted, but may still be processing the request',
};

/**
 * An error without a Status body (the aggregator's plain-text 503 when metrics-server is down) in
 * kubectl's words, which name the request: `… unable to handle the request (get pods.metrics.k8s.io)`.
 */
function asGenericAnswer(err: unknown, resource: 'pods' | 'nodes', name: string | undefined): unknown {
  if (!(err instanceof KxError) || err.status !== undefined || err.code === undefined) return err;
  const text = genericByCode[err.code];
  if (text === undefined) return err;
  const what = `get ${resource}.${metricsGroup}${name === undefined ? '' : ` ${name}`}`;
  return new KxError(err.kind, `Error from server (${err.reason ?? 'Unknown'}): ${text} (${what})`, { code: err.code, ...(err.reason ? { reason: err.reason } : {}), cause: err });
}

/** PodMetrics for a namespace (or all), a label selector, or one pod. */
export async function listPodMetrics(client: ApiClient, q: PodMetricsQuery): Promise<PodMetrics[]> {
  try {
    return await readPodMetrics(client, q);
  } catch (err) {
    throw asGenericAnswer(err, 'pods', q.name);
  }
}

async function readPodMetrics(client: ApiClient, q: PodMetricsQuery): Promise<PodMetrics[]> {
  const prefix = q.namespace === undefined ? base : `${base}/namespaces/${encodeURIComponent(q.namespace)}`;
  const opts = q.signal ? { signal: q.signal } : {};
  if (q.name !== undefined) return [await client.get<PodMetrics>(`${prefix}/pods/${encodeURIComponent(q.name)}`, opts)];
  const list = await client.get<KubeList<PodMetrics>>(`${prefix}/pods`, { ...opts, query: { labelSelector: q.labelSelector || undefined, fieldSelector: q.fieldSelector || undefined } });
  return list.items ?? [];
}

/** NodeMetrics for every node (or a label selector), or one node. */
export async function listNodeMetrics(client: ApiClient, q: NodeMetricsQuery): Promise<NodeMetrics[]> {
  try {
    return await readNodeMetrics(client, q);
  } catch (err) {
    throw asGenericAnswer(err, 'nodes', q.name);
  }
}

/** Which node metrics to read: all, a label selector, or one node by name. */
export interface NodeMetricsQuery {
  name?: string | undefined;
  labelSelector?: string | undefined;
  signal?: AbortSignal;
}

async function readNodeMetrics(client: ApiClient, q: NodeMetricsQuery): Promise<NodeMetrics[]> {
  const opts = q.signal ? { signal: q.signal } : {};
  if (q.name !== undefined) return [await client.get<NodeMetrics>(`${base}/nodes/${encodeURIComponent(q.name)}`, opts)];
  const list = await client.get<KubeList<NodeMetrics>>(`${base}/nodes`, { ...opts, query: { labelSelector: q.labelSelector || undefined } });
  return list.items ?? [];
}
