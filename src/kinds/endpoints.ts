/** Endpoints, as `kubectl get endpoints -A` prints them. */
import type { KubeObject } from '../kube/object.ts';
import { ageCell } from './cells.ts';
import { listWithMore } from './format.ts';
import { num, objs, str } from './json.ts';
import { ageColumn, caps, column, makeRow, nameColumn, namespaceColumn } from './row.ts';
import type { KindSpec, Row, TimeCell } from './types.ts';

function hostPort(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/** kubectl's formatEndpoints: the first three ip:port pairs, then ' + N more...'; '<none>' without subsets. */
export function endpointsText(subsets: unknown): string {
  const list = objs(subsets);
  if (list.length === 0) return '<none>';
  const shown: string[] = [];
  let count = 0;
  for (const ss of list) {
    const addresses = objs(ss['addresses']).map((a) => str(a['ip']));
    const ports = objs(ss['ports']);
    if (ports.length === 0) {
      count += addresses.length;
      for (const ip of addresses) if (shown.length < 3) shown.push(ip);
      continue;
    }
    for (const p of ports) {
      count += addresses.length;
      for (const ip of addresses) if (shown.length < 3) shown.push(hostPort(ip, num(p['port'])));
    }
  }
  return listWithMore(shown, 3, count);
}

function toRow(o: KubeObject, now: number): Row {
  const cells = [o.metadata.namespace ?? '', o.metadata.name, endpointsText(o['subsets']), ''];
  const timeCells: TimeCell[] = [];
  ageCell(cells, timeCells, 3, o.metadata.creationTimestamp, now);
  return makeRow('endpoints', o, cells, timeCells);
}

/** The endpoints kind. */
export const endpointsKind: KindSpec = {
  resourceKey: 'endpoints',
  kind: 'Endpoints',
  namespaced: true,
  columns: [namespaceColumn, nameColumn, column('ENDPOINTS', 40), ageColumn],
  toRow,
  tone: (row) => (row.cells[2] === '<none>' ? 'warn' : 'normal'),
  capabilities: caps({}),
};
