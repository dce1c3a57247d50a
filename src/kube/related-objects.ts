/**
 * The I/O half of describe: GET the object and list what kubectl lists beside it (events, pods,
 * ReplicaSets, EndpointSlices, Lease, quotas…), through the one ApiClient. Which of these a kind
 * needs is declared by the kind itself (its module's `related`); the describe functions stay pure.
 */
import type { ApiClient, Query } from './api-client.ts';
import { KxError } from './errors.ts';
import { parseLabelSelector, selectorString } from './label-selector.ts';
import { listPages } from './list-pager.ts';
import type { KubeObject } from './object.ts';
import { resourcePath, type ResourceInfo } from './resource-info.ts';

/**
 * What describe needs fetched beside the object, as kubectl's describers fetch it. Events are
 * always fetched.
 */
export type RelatedNeed = 'replicaSetsBySelector' | 'podsBySelector' | 'serviceEndpoints' | 'nodePodsAndLease' | 'namespaceQuotas' | 'podsInNamespace' | 'ingressBackends';

/**
 * Objects kubectl describe fetches besides the object itself. Each is optional: a kind uses only
 * the ones it needs, and a missing list reads as empty.
 */
export interface DescribeRelated {
  /** core/v1 Events whose involvedObject is the object. */
  events?: readonly KubeObject[];
  /** Pods: selected by a controller, on a node (not terminated), or using a PVC. */
  pods?: readonly KubeObject[];
  /** ReplicaSets selected by a Deployment (the describe keeps those it controls). */
  replicaSets?: readonly KubeObject[];
  /** discovery.k8s.io/v1 EndpointSlices of a Service, or of every Service an Ingress names. */
  endpointSlices?: readonly KubeObject[];
  /** The core/v1 Endpoints of a Service, used where the cluster serves no v1 EndpointSlices (before 1.21). */
  endpoints?: readonly KubeObject[];
  /** Services an Ingress routes to. */
  services?: readonly KubeObject[];
  /** A Node's Lease in kube-node-lease; `leaseError` says why there is none. */
  lease?: KubeObject;
  leaseError?: string;
  /** A Namespace's ResourceQuotas and LimitRanges. */
  resourceQuotas?: readonly KubeObject[];
  limitRanges?: readonly KubeObject[];
  /** A sentence when the pods could not be listed (kubectl: 'error in fetching pods: …'). */
  podsError?: string;
}

/** The API group of an object, from its apiVersion ('apps/v1' → 'apps', 'v1' → ''). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/**
 * kubectl's field selector for an object's events: involvedObject name and namespace, plus kind
 * and uid (a Pod's kind is left out, as kubectl does), keys sorted like fields.Set.
 */
export function eventFieldSelector(target: { name: string; namespace: string; kind?: string; uid?: string }): string {
  const terms: [string, string][] = [];
  if (target.kind) terms.push(['involvedObject.kind', target.kind]);
  terms.push(['involvedObject.name', target.name], ['involvedObject.namespace', target.namespace]);
  if (target.uid) terms.push(['involvedObject.uid', target.uid]);
  return terms.map(([k, v]) => `${k}=${escapeFieldValue(v)}`).join(',');
}

/** fields.EscapeValue: backslash, comma and equals are escaped in selector values. */
function escapeFieldValue(value: string): string {
  return value.replace(/[\\,=]/g, (ch) => `\\${ch}`);
}

const selectorOf = (object: KubeObject): string => selectorString(parseLabelSelector((object['spec'] as { selector?: unknown } | undefined)?.selector));
const field = (value: unknown, key: string): unknown => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined);
const list_ = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

type Resource = Pick<ResourceInfo, 'group' | 'version' | 'plural' | 'kind' | 'namespaced'>;

const r = (group: string, version: string, plural: string, kind: string, namespaced = true): Resource => ({ group, version, plural, kind, namespaced });
const pods = r('', 'v1', 'pods', 'Pod');
const events = r('', 'v1', 'events', 'Event');
const replicaSets = r('apps', 'v1', 'replicasets', 'ReplicaSet');
const endpointSlices = r('discovery.k8s.io', 'v1', 'endpointslices', 'EndpointSlice');
const services = r('', 'v1', 'services', 'Service');
const leases = r('coordination.k8s.io', 'v1', 'leases', 'Lease');
const resourceQuotas = r('', 'v1', 'resourcequotas', 'ResourceQuota');
const limitRanges = r('', 'v1', 'limitranges', 'LimitRange');

/** kubectl lists in chunks of 500. */
const pageSize = 500;
const timeoutMs = 30_000;

/** One events query: the namespace to list in and the field selector. */
export interface EventQuery {
  namespace: string;
  fieldSelector: string;
}

/**
 * How kubectl finds an object's events: by name, namespace, kind and uid (a Pod without its kind,
 * a mirror pod by its static pod's uid); a Node also by uid = its name, which the kubelet uses.
 */
export function eventQueries(object: KubeObject): EventQuery[] {
  const namespace = object.metadata.namespace ?? '';
  const isPod = object.kind === 'Pod' && groupOf(object.apiVersion) === '';
  const mirrorUid = isPod ? object.metadata.annotations?.['kubernetes.io/config.mirror'] : undefined;
  const base = { name: object.metadata.name, namespace, ...(isPod ? {} : { kind: object.kind }) };
  const queries = [{ namespace, fieldSelector: eventFieldSelector({ ...base, uid: mirrorUid ?? object.metadata.uid }) }];
  if (object.kind === 'Node' && groupOf(object.apiVersion) === '') {
    queries.push({ namespace, fieldSelector: eventFieldSelector({ ...base, uid: object.metadata.name }) });
  }
  return queries;
}

/** GETs the object raw. HPAs are read as autoscaling/v2 where served (else v1), as kubectl 1.32 does. */
export async function fetchObject(client: ApiClient, resource: Resource, namespace: string, name: string, signal?: AbortSignal): Promise<KubeObject> {
  const opts = signal ? { signal } : {};
  if (resource.group === 'autoscaling' && resource.plural === 'horizontalpodautoscalers') {
    for (const version of ['v2', 'v1']) {
      try {
        return await client.get<KubeObject>(resourcePath({ ...resource, version }, namespace, name), opts);
      } catch (err) {
        if (!(err instanceof KxError && err.kind === 'notFound' && version === 'v2')) throw err;
      }
    }
  }
  return client.get<KubeObject>(resourcePath(resource, namespace, name), opts);
}

/** Every event about the object (all queries merged, each event once). Failures read as no events, as in kubectl. */
export async function fetchEvents(client: ApiClient, object: KubeObject, signal: AbortSignal): Promise<KubeObject[]> {
  const byUid = new Map<string, KubeObject>();
  for (const q of eventQueries(object)) {
    const found = await list(client, events, q.namespace, { fieldSelector: q.fieldSelector }, signal).catch(() => []);
    for (const e of found) byUid.set(e.metadata.uid, e);
  }
  return [...byUid.values()];
}

/** Everything but the events that the object's describe needs (`needs`: its kind's declaration). */
export async function fetchRelatedObjects(client: ApiClient, object: KubeObject, needs: readonly RelatedNeed[], signal: AbortSignal): Promise<DescribeRelated> {
  const ns = object.metadata.namespace ?? '';
  const parts = await Promise.all(needs.map((need) => fetchNeed(client, object, ns, need, signal)));
  return Object.assign({}, ...parts) as DescribeRelated;
}

async function fetchNeed(client: ApiClient, object: KubeObject, ns: string, need: RelatedNeed, signal: AbortSignal): Promise<DescribeRelated> {
  switch (need) {
    case 'replicaSetsBySelector':
      return { replicaSets: await list(client, replicaSets, ns, { labelSelector: selectorOf(object) }, signal).catch(() => []) };
    case 'podsBySelector':
      return podsOrError(list(client, pods, ns, { labelSelector: selectorOf(object) }, signal));
    case 'serviceEndpoints':
      return fetchEndpoints(client, ns, [object.metadata.name], signal);
    case 'nodePodsAndLease':
      return fetchNodeRelated(client, object, signal);
    case 'namespaceQuotas':
      return {
        resourceQuotas: await optionalList(client, resourceQuotas, object.metadata.name, signal),
        limitRanges: await optionalList(client, limitRanges, object.metadata.name, signal),
      };
    case 'podsInNamespace':
      return { pods: await list(client, pods, ns, {}, signal).catch(() => []) };
    case 'ingressBackends':
      return fetchIngressRelated(client, object, signal);
    default: {
      const never: never = need;
      return never;
    }
  }
}

/** The object's describe inputs in one go (events included), for one-shot use and tests. */
export async function fetchRelated(client: ApiClient, object: KubeObject, needs: readonly RelatedNeed[], signal: AbortSignal): Promise<DescribeRelated> {
  const [related, found] = await Promise.all([fetchRelatedObjects(client, object, needs, signal), fetchEvents(client, object, signal)]);
  return { ...related, events: found };
}

async function fetchNodeRelated(client: ApiClient, node: KubeObject, signal: AbortSignal): Promise<DescribeRelated> {
  const fieldSelector = `spec.nodeName=${node.metadata.name},status.phase!=Succeeded,status.phase!=Failed`;
  const related = await podsOrError(list(client, pods, '', { fieldSelector }, signal));
  try {
    related.lease = await client.get<KubeObject>(resourcePath(leases, 'kube-node-lease', node.metadata.name), { signal });
  } catch (err) {
    // kubectl prints the server's own message here, without kx's 'Error from server' framing.
    related.leaseError = err instanceof KxError ? (err.status?.message ?? err.message) : String(err);
  }
  return related;
}

async function fetchIngressRelated(client: ApiClient, ing: KubeObject, signal: AbortSignal): Promise<DescribeRelated> {
  const ns = ing.metadata.namespace ?? '';
  const spec = field(ing, 'spec');
  const backends = [field(spec, 'defaultBackend'), ...list_(field(spec, 'rules')).flatMap((rule) => list_(field(field(rule, 'http'), 'paths')).map((p) => field(p, 'backend')))];
  const names = [...new Set(backends.map((b) => field(field(b, 'service'), 'name')).filter((n): n is string => typeof n === 'string' && n !== ''))];
  const found = await Promise.all(names.map((name) => client.get<KubeObject>(resourcePath(services, ns, name), { signal }).catch(() => undefined)));
  return { services: found.filter((s): s is KubeObject => s !== undefined), ...(await fetchEndpoints(client, ns, names, signal)) };
}

/** EndpointSlices of the named services; on a cluster without discovery.k8s.io/v1, their Endpoints. */
async function fetchEndpoints(client: ApiClient, ns: string, serviceNames: readonly string[], signal: AbortSignal): Promise<DescribeRelated> {
  try {
    const slices = await Promise.all(serviceNames.map((name) => list(client, endpointSlices, ns, { labelSelector: `kubernetes.io/service-name=${name}` }, signal)));
    return { endpointSlices: slices.flat() };
  } catch (err) {
    if (!(err instanceof KxError && err.kind === 'notFound')) return { endpointSlices: [] };
  }
  const endpoints = await Promise.all(serviceNames.map((name) => client.get<KubeObject>(resourcePath(r('', 'v1', 'endpoints', 'Endpoints'), ns, name), { signal }).catch(() => undefined)));
  return { endpoints: endpoints.filter((e): e is KubeObject => e !== undefined) };
}

async function podsOrError(found: Promise<KubeObject[]>): Promise<DescribeRelated> {
  try {
    return { pods: await found };
  } catch (err) {
    return { pods: [], podsError: err instanceof Error ? err.message : String(err) };
  }
}

/** A list that may not be served (404 → undefined, so the section is left out as kubectl does). */
async function optionalList(client: ApiClient, resource: Resource, ns: string, signal: AbortSignal): Promise<KubeObject[] | undefined> {
  try {
    return await list(client, resource, ns, {}, signal);
  } catch (err) {
    if (err instanceof KxError && err.kind === 'notFound') return undefined;
    return [];
  }
}

async function list(client: ApiClient, resource: Resource, namespace: string, query: Query, signal: AbortSignal): Promise<KubeObject[]> {
  const out: KubeObject[] = [];
  await listPages({ client, path: resourcePath(resource, namespace || undefined), resource, query, table: false, pageSize, signal, timeoutMs }, (page) => out.push(...page.objects));
  return out;
}
