/** Ingresses, as `kubectl get ingresses -A -o wide` prints them. */
import type { KubeObject } from '../kube/object.ts';
import { ageCell } from './cells.ts';
import { listWithMore } from './format.ts';
import { obj, objs, str } from './json.ts';
import { ageColumn, caps, column, makeRow, nameColumn, namespaceColumn } from './row.ts';
import { loadBalancerText } from './services.ts';
import type { KindSpec, Row, TimeCell } from './types.ts';

/** kubectl's formatHosts: up to three rule hosts, '*' when none. */
export function hostsText(rules: unknown): string {
  const list = objs(rules);
  const hosts: string[] = [];
  let more = false;
  for (const r of list) {
    if (hosts.length === 3) more = true;
    if (!more && str(r['host'])) hosts.push(str(r['host']));
  }
  if (hosts.length === 0) return '*';
  return more ? `${hosts.join(',')} + ${list.length - 3} more...` : listWithMore(hosts, 3);
}

function toRow(resourceKey: string, o: KubeObject, now: number): Row {
  const spec = obj(o['spec']);
  const cells = [
    o.metadata.namespace ?? '',
    o.metadata.name,
    str(spec['ingressClassName']) || '<none>',
    hostsText(spec['rules']),
    loadBalancerText(o['status']),
    objs(spec['tls']).length > 0 ? '80, 443' : '80',
    '',
  ];
  const timeCells: TimeCell[] = [];
  ageCell(cells, timeCells, 6, o.metadata.creationTimestamp, now);
  return makeRow(resourceKey, o, cells, timeCells);
}

/** An ingresses kind for one API group (networking.k8s.io, or extensions on old servers). */
export function ingressKindFor(resourceKey: string): KindSpec {
  return {
  resourceKey,
  kind: 'Ingress',
  namespaced: true,
  columns: [
    namespaceColumn,
    nameColumn,
    column('CLASS', 10),
    column('HOSTS', 30),
    column('ADDRESS', 15),
    column('PORTS', 7),
    ageColumn,
  ],
  toRow: (o, now) => toRow(resourceKey, o, now),
  tone: (row) => (row.cells[4] === '' ? 'warn' : 'normal'),
  capabilities: caps({}),
  };
}

/** The ingresses kind (networking.k8s.io). */
export const ingressesKind: KindSpec = ingressKindFor('ingresses.networking.k8s.io');
