/** Services, as `kubectl get services -A -o wide` prints them. */
import { formatLabels } from './format.ts';
import { at, num, obj, objs, str, strMap, strs } from './json.ts';
import { ageCol, defineKind, nameCol, namespaceCol } from './kind-module.ts';

/** Load-balancer ingress points: IPs, else hostnames, de-duplicated and sorted like kubectl's sets.String. */
export function loadBalancerText(status: unknown): string {
  const set = new Set<string>();
  for (const i of objs(at(status, 'loadBalancer', 'ingress'))) {
    const v = str(i['ip']) || str(i['hostname']);
    if (v) set.add(v);
  }
  return [...set].sort().join(',');
}

/** kubectl's getServiceExternalIP (wide, so never clipped). */
export function externalIP(spec: Record<string, unknown>, status: unknown): string {
  const externalIPs = strs(spec['externalIPs']);
  switch (str(spec['type']) || 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerText(status);
      if (externalIPs.length > 0) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return str(spec['externalName']);
    default:
      return '<unknown>';
  }
}

/** kubectl's makePortString: `80/TCP,443:30443/TCP`. */
export function portsText(ports: unknown): string {
  return objs(ports)
    .map((p) => {
      const protocol = str(p['protocol']) || 'TCP';
      const nodePort = num(p['nodePort']);
      return nodePort > 0 ? `${num(p['port'])}:${nodePort}/${protocol}` : `${num(p['port'])}/${protocol}`;
    })
    .join(',');
}

/** The services kind. */
export const servicesKind = defineKind<Prepared>({
  resourceKey: 'services',
  group: '',
  kind: 'Service',
  namespaced: true,
  prepare: (o) => {
    const spec = obj(o['spec']);
    return { spec, selectorMap: spec['selector'] === undefined ? undefined : strMap(spec['selector']) };
  },
  columns: [
    namespaceCol,
    nameCol,
    { name: 'TYPE', width: 12, value: (_o, p) => str(p.spec['type']) || 'ClusterIP' },
    { name: 'CLUSTER-IP', width: 15, value: (_o, p) => strs(p.spec['clusterIPs'])[0] ?? (str(p.spec['clusterIP']) || '<none>') },
    { name: 'EXTERNAL-IP', width: 15, value: (o, p) => externalIP(p.spec, o['status']) },
    { name: 'PORT(S)', width: 20, value: (_o, p) => portsText(p.spec['ports']) || '<none>' },
    ageCol,
    { name: 'SELECTOR', width: 30, wide: true, value: (_o, p) => formatLabels(p.selectorMap ?? {}) },
  ],
  // A Service without a selector selects no pods (its endpoints are managed by hand).
  extras: (_o, p) => ({ selector: p.selectorMap && Object.keys(p.selectorMap).length > 0 ? { matchLabels: p.selectorMap } : undefined }),
  tone: (cells) => (cells['EXTERNAL-IP'] === '<pending>' ? 'warn' : 'normal'),
  describe: () => import('./describe/describe-service.ts').then((m) => m.describeService),
  related: ['serviceEndpoints'],
  drill: { kind: 'selected-pods' },
  pods: { kind: 'service-selector' },
  rollout: undefined,
});

interface Prepared {
  spec: Record<string, unknown>;
  selectorMap: Record<string, string> | undefined;
}
