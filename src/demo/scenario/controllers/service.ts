/** Services: cluster IP / node port / load balancer allocation, and Endpoints + EndpointSlices from ready pods. */
import type { KubeObject } from '../../../kube/object.ts';
import type { ScenarioContext } from '../context.ts';
import { matchesMap, ownerRef } from '../meta.ts';
import { R } from '../refs.ts';
import { canonicalJson } from '../rng.ts';
import { isReady } from './pod-factory.ts';

interface ServicePort {
  name?: string;
  port: number;
  targetPort?: number | string;
  protocol?: string;
  nodePort?: number;
}
interface ServiceSpec {
  type?: string;
  clusterIP?: string;
  clusterIPs?: string[];
  selector?: Record<string, string>;
  ports?: ServicePort[];
}

/** Allocates addresses the API server and the cloud controller would fill in. */
export class ServiceAllocator {
  private nextIP = 20;
  private nextPort = 30080;
  private nextLB = 200;

  constructor(private readonly ctx: ScenarioContext) {}

  /** Returns the spec/status a new or changed Service still needs, or undefined when complete. */
  allocate(svc: KubeObject): void {
    const spec = (svc.spec ?? {}) as ServiceSpec;
    const type = spec.type ?? 'ClusterIP';
    const needsIP = type !== 'ExternalName' && !spec.clusterIP;
    const needsPorts = (type === 'NodePort' || type === 'LoadBalancer') && (spec.ports ?? []).some((p) => !p.nodePort);
    const lbStatus = (svc.status as { loadBalancer?: { ingress?: unknown[] } } | undefined)?.loadBalancer?.ingress;
    const needsLB = type === 'LoadBalancer' && !lbStatus?.length;
    if (!needsIP && !needsPorts && !needsLB && spec.type) return;
    this.ctx.store.mutate(R.services, svc.metadata.namespace, svc.metadata.name, (d) => {
      const s = (d.spec ?? {}) as ServiceSpec & Record<string, unknown>;
      s.type = type;
      if (type !== 'ExternalName') {
        if (!s.clusterIP) {
          const n = this.nextIP++;
          s.clusterIP = `10.96.${Math.floor(n / 250)}.${(n % 250) + 2}`;
        }
        s.clusterIPs = s.clusterIP === 'None' ? ['None'] : [s.clusterIP];
        s.ipFamilies ??= ['IPv4'];
        s.ipFamilyPolicy ??= 'SingleStack';
        s.internalTrafficPolicy ??= 'Cluster';
        s.sessionAffinity ??= 'None';
        s.ports = (s.ports ?? []).map((p) => ({
          protocol: 'TCP',
          targetPort: p.port,
          ...p,
          ...((type === 'NodePort' || type === 'LoadBalancer') && !p.nodePort ? { nodePort: this.nextPort++ } : {}),
        }));
        if (type === 'NodePort' || type === 'LoadBalancer') s.externalTrafficPolicy ??= 'Cluster';
        if (type === 'LoadBalancer') s.allocateLoadBalancerNodePorts ??= true;
      }
      d.spec = s;
      d.status = type === 'LoadBalancer' && needsLB ? { loadBalancer: { ingress: [{ ip: `172.18.255.${this.nextLB++}`, ipMode: 'VIP' }] } } : (d.status ?? { loadBalancer: {} });
    });
  }
}

/**
 * Most addresses an Endpoints object (and the demo's one EndpointSlice) holds: the endpoints
 * controller's maxCapacity. It keeps a Service with thousands of pods from rewriting (and logging)
 * an ever larger object on every pod change.
 */
const maxEndpoints = 1000;

/** Rebuilds the Endpoints object and EndpointSlice of one Service. */
export function syncEndpoints(ctx: ScenarioContext, namespace: string, name: string): void {
  const svc = ctx.store.get(R.services, namespace, name);
  if (!svc || svc.metadata.deletionTimestamp) return;
  const spec = (svc.spec ?? {}) as ServiceSpec;
  if (!spec.selector || spec.type === 'ExternalName') return;
  const selected = ctx.store
    .list(R.pods, namespace)
    .filter((p) => matchesMap(spec.selector, p.metadata.labels) && (p.status as { podIP?: string } | undefined)?.podIP && !p.metadata.deletionTimestamp);
  // Over capacity the real controller keeps ready addresses first and marks the object truncated.
  const over = selected.length > maxEndpoints;
  const pods = (over ? [...selected.filter(isReady), ...selected.filter((p) => !isReady(p))].slice(0, maxEndpoints) : selected)
    .map((p) => ({ p, ip: ipNum(p) }))
    .sort((a, b) => a.ip - b.ip)
    .map(({ p }) => p);
  const address = (p: KubeObject) => ({
    ip: (p.status as { podIP: string }).podIP,
    nodeName: (p.spec as { nodeName?: string }).nodeName,
    targetRef: { kind: 'Pod', namespace, name: p.metadata.name, uid: p.metadata.uid },
  });
  const ports = (spec.ports ?? []).map((p) => ({ ...(p.name ? { name: p.name } : {}), port: typeof p.targetPort === 'number' ? p.targetPort : p.port, protocol: p.protocol ?? 'TCP' }));
  const ready = pods.filter(isReady).map(address);
  const notReady = pods.filter((p) => !isReady(p)).map(address);
  const subsets = ready.length || notReady.length ? [{ ...(ready.length ? { addresses: ready } : {}), ...(notReady.length ? { notReadyAddresses: notReady } : {}), ports }] : undefined;
  const labels = { ...(svc.metadata.labels ?? {}), 'endpoints.kubernetes.io/managed-by': 'endpoint-controller' };
  const existing = ctx.store.get(R.endpoints, namespace, name);
  const truncated = 'endpoints.kubernetes.io/over-capacity';
  const body = { metadata: { name, namespace, uid: '', labels, ...(over ? { annotations: { [truncated]: 'truncated' } } : {}) }, ...(subsets ? { subsets } : {}) };
  if (!existing) ctx.create(R.endpoints, { apiVersion: 'v1', kind: 'Endpoints', ...body });
  else if (canonicalJson(existing.subsets ?? null) !== canonicalJson(subsets ?? null) || (existing.metadata.annotations?.[truncated] === 'truncated') !== over) {
    ctx.store.mutate(R.endpoints, namespace, name, (d) => {
      if (subsets) d.subsets = subsets;
      else delete d.subsets;
      const annotations = { ...(d.metadata.annotations ?? {}) };
      if (over) annotations[truncated] = 'truncated';
      else delete annotations[truncated];
      if (Object.keys(annotations).length) d.metadata.annotations = annotations;
      else delete d.metadata.annotations;
    });
  }
  syncSlice(ctx, svc, pods, ports);
}

function syncSlice(ctx: ScenarioContext, svc: KubeObject, pods: KubeObject[], ports: { name?: string; port: number; protocol: string }[]): void {
  const endpoints = pods.map((p) => ({
    addresses: [(p.status as { podIP: string }).podIP],
    conditions: { ready: isReady(p), serving: isReady(p), terminating: false },
    nodeName: (p.spec as { nodeName?: string }).nodeName,
    targetRef: { kind: 'Pod', namespace: svc.metadata.namespace, name: p.metadata.name, uid: p.metadata.uid },
  }));
  const slice = ctx.dependents(svc, R.endpointslices)[0];
  if (!slice) {
    ctx.create(R.endpointslices, {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: ctx.generatedName(R.endpointslices, svc.metadata.namespace, svc.metadata.name),
        namespace: svc.metadata.namespace,
        uid: '',
        labels: { 'kubernetes.io/service-name': svc.metadata.name, 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' },
        ownerReferences: [ownerRef(svc)],
      },
      addressType: 'IPv4',
      endpoints,
      ports,
    });
  } else if (canonicalJson(slice.endpoints) !== canonicalJson(endpoints) || canonicalJson(slice.ports) !== canonicalJson(ports)) {
    ctx.store.mutate(R.endpointslices, slice.metadata.namespace, slice.metadata.name, (d) => {
      d.endpoints = endpoints;
      d.ports = ports;
    });
  }
}

function ipNum(p: KubeObject): number {
  const ip = (p.status as { podIP?: string } | undefined)?.podIP ?? '';
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}
