/** Services, as `kubectl get services -A -o wide` prints them. */
import type { KubeObject } from '../kube/object.ts';
import { ageCell } from './cells.ts';
import { formatLabels } from './format.ts';
import { at, num, obj, objs, str, strMap, strs } from './json.ts';
import { ageColumn, caps, column, makeRow, nameColumn, namespaceColumn, wideColumn } from './row.ts';
import type { KindSpec, Row, TimeCell } from './types.ts';

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

function toRow(o: KubeObject, now: number): Row {
  const spec = obj(o['spec']);
  const clusterIPs = strs(spec['clusterIPs']);
  const clusterIP = clusterIPs[0] ?? (str(spec['clusterIP']) || '<none>');
  const selectorMap = spec['selector'] === undefined ? undefined : strMap(spec['selector']);
  const cells = [
    o.metadata.namespace ?? '',
    o.metadata.name,
    str(spec['type']) || 'ClusterIP',
    clusterIP,
    externalIP(spec, o['status']),
    portsText(spec['ports']) || '<none>',
    '',
    formatLabels(selectorMap ?? {}),
  ];
  const timeCells: TimeCell[] = [];
  ageCell(cells, timeCells, 6, o.metadata.creationTimestamp, now);
  // A Service without a selector selects no pods (its endpoints are managed by hand).
  const selector = selectorMap && Object.keys(selectorMap).length > 0 ? { matchLabels: selectorMap } : undefined;
  return makeRow('services', o, cells, timeCells, { selector });
}

/** The services kind. */
export const servicesKind: KindSpec = {
  resourceKey: 'services',
  kind: 'Service',
  namespaced: true,
  columns: [
    namespaceColumn,
    nameColumn,
    column('TYPE', 12),
    column('CLUSTER-IP', 15),
    column('EXTERNAL-IP', 15),
    column('PORT(S)', 20),
    ageColumn,
    wideColumn('SELECTOR', 30),
  ],
  toRow,
  tone: (row) => (row.cells[4] === '<pending>' ? 'warn' : 'normal'),
  capabilities: caps({}),
};
