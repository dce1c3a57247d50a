/** Nodes, as `kubectl get nodes -o wide` prints them, plus a TAINTS summary kx adds. */
import { nodeProblems } from './problems/node-problems.ts';
import { someProblems } from './problems/problem.ts';
import type { KubeObject } from '../kube/object.ts';
import { at, obj, objs, str } from './json.ts';
import { ageCol, defineKind, nameCol, type CellsByName } from './kind-module.ts';
import { nodeAllocatable } from './resource-figures.ts';
import type { Tone } from './types.ts';

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

function tone(cells: CellsByName): Tone {
  const status = cells['STATUS'] ?? '';
  if (!status.startsWith('Ready')) return 'error';
  return status.includes('SchedulingDisabled') ? 'warn' : 'normal';
}

/** The nodes kind. */
export const nodesKind = defineKind<Prepared>({
  resourceKey: 'nodes',
  group: '',
  kind: 'Node',
  namespaced: false,
  prepare: (o) => ({ info: obj(at(o, 'status', 'nodeInfo')) }),
  columns: [
    nameCol,
    { name: 'STATUS', width: 26, value: (o) => nodeStatus(o) },
    { name: 'ROLES', width: 14, value: (o) => nodeRoles(o.metadata.labels ?? {}) },
    ageCol,
    { name: 'VERSION', width: 10, value: (_o, p) => str(p.info['kubeletVersion']) },
    { name: 'INTERNAL-IP', width: 15, wide: true, value: (o) => address(o, 'InternalIP') },
    { name: 'EXTERNAL-IP', width: 15, wide: true, value: (o) => address(o, 'ExternalIP') },
    { name: 'OS-IMAGE', width: 30, wide: true, value: (_o, p) => str(p.info['osImage']) || '<unknown>' },
    { name: 'KERNEL-VERSION', width: 20, wide: true, value: (_o, p) => str(p.info['kernelVersion']) || '<unknown>' },
    { name: 'CONTAINER-RUNTIME', width: 20, wide: true, value: (_o, p) => str(p.info['containerRuntimeVersion']) || '<unknown>' },
    { name: 'TAINTS', width: 30, value: (o) => taintsText(at(o, 'spec', 'taints')) },
  ],
  extras: (o) => ({ allocatable: nodeAllocatable(obj(o['status'])), ...someProblems(nodeProblems(o)) }),
  tone,
  describe: () => import('./describe/describe-node.ts').then((m) => m.describeNode),
  related: ['nodePodsAndLease'],
  drill: { kind: 'node-pods' },
  pods: undefined,
  rollout: undefined,
});

interface Prepared {
  info: Record<string, unknown>;
}
