/** Nodes, as `kubectl get nodes -o wide` prints them, plus a TAINTS summary kx adds. */
import type { KubeObject } from '../kube/object.ts';
import { ageCell } from './cells.ts';
import { at, obj, objs, str } from './json.ts';
import { ageColumn, caps, column, makeRow, nameColumn, wideColumn } from './row.ts';
import type { KindSpec, Row, TimeCell, Tone } from './types.ts';

/** kubectl's node STATUS: Ready / NotReady / Unknown, plus ',SchedulingDisabled' when cordoned. */
export function nodeStatus(o: KubeObject): string {
  const ready = objs(at(o, 'status', 'conditions')).find((c) => c['type'] === 'Ready');
  const status = [ready === undefined ? 'Unknown' : ready['status'] === 'True' ? 'Ready' : 'NotReady'];
  if (at(o, 'spec', 'unschedulable') === true) status.push('SchedulingDisabled');
  return status.join(',');
}

/** kubectl's findNodeRoles: node-role.kubernetes.io/<role> keys and kubernetes.io/role values, sorted. */
export function nodeRoles(labels: Readonly<Record<string, string>>): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels)) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v !== '') {
      roles.add(v);
    }
  }
  return [...roles].sort().join(',') || '<none>';
}

/** Taints as `key=value:Effect`, the first one spelled out and the rest counted. */
export function taintsText(taints: unknown): string {
  const list = objs(taints).map((t) => {
    const value = str(t['value']);
    return `${str(t['key'])}${value ? `=${value}` : ''}:${str(t['effect'])}`;
  });
  if (list.length === 0) return '<none>';
  return list.length === 1 ? list[0]! : `${list[0]} +${list.length - 1}`;
}

function address(o: KubeObject, type: string): string {
  return str(objs(at(o, 'status', 'addresses')).find((a) => a['type'] === type)?.['address']) || '<none>';
}

function toRow(o: KubeObject, now: number): Row {
  const info = obj(at(o, 'status', 'nodeInfo'));
  const cells = [
    o.metadata.name,
    nodeStatus(o),
    nodeRoles(o.metadata.labels ?? {}),
    '',
    str(info['kubeletVersion']),
    address(o, 'InternalIP'),
    address(o, 'ExternalIP'),
    str(info['osImage']) || '<unknown>',
    str(info['kernelVersion']) || '<unknown>',
    str(info['containerRuntimeVersion']) || '<unknown>',
    taintsText(at(o, 'spec', 'taints')),
  ];
  const timeCells: TimeCell[] = [];
  ageCell(cells, timeCells, 3, o.metadata.creationTimestamp, now);
  return makeRow('nodes', o, cells, timeCells);
}

function tone(row: Row): Tone {
  const status = row.cells[1] ?? '';
  if (!status.startsWith('Ready')) return 'error';
  return status.includes('SchedulingDisabled') ? 'warn' : 'normal';
}

/** The nodes kind. */
export const nodesKind: KindSpec = {
  resourceKey: 'nodes',
  kind: 'Node',
  namespaced: false,
  columns: [
    nameColumn,
    column('STATUS', 26),
    column('ROLES', 14),
    ageColumn,
    column('VERSION', 10),
    wideColumn('INTERNAL-IP', 15),
    wideColumn('EXTERNAL-IP', 15),
    wideColumn('OS-IMAGE', 30),
    wideColumn('KERNEL-VERSION', 20),
    wideColumn('CONTAINER-RUNTIME', 20),
    column('TAINTS', 30),
  ],
  toRow,
  tone,
  capabilities: caps({ deletable: true }),
};
