/** Pods, as `kubectl get pods -A -o wide` prints them. */
import type { KubeObject } from '../kube/object.ts';
import { timed } from './cells.ts';
import { obj, objs, str } from './json.ts';
import { podSummary } from './pod-status.ts';
import { ageColumn, caps, column, makeRow, nameColumn, namespaceColumn, wideColumn } from './row.ts';
import type { KindSpec, Row, TimeCell, Tone } from './types.ts';

const READY = 2;
const STATUS = 3;
const RESTARTS = 4;
const AGE = 5;

/** Reasons that mean the pod is broken rather than on its way. */
const errorReasons = new Set([
  'CrashLoopBackOff', 'Error', 'ImagePullBackOff', 'ErrImagePull', 'InvalidImageName', 'CreateContainerConfigError',
  'CreateContainerError', 'RunContainerError', 'OOMKilled', 'ContainerCannotRun', 'Evicted', 'Failed', 'Unknown',
  'NodeLost', 'DeadlineExceeded', 'UnexpectedAdmissionError', 'OutOfcpu', 'OutOfmemory', 'NodeAffinity',
]);

function readinessGates(spec: Record<string, unknown>, status: Record<string, unknown>): string {
  const gates = objs(spec['readinessGates']);
  if (gates.length === 0) return '<none>';
  const conditions = objs(status['conditions']);
  let passing = 0;
  for (const g of gates) {
    const c = conditions.find((x) => x['type'] === g['conditionType']);
    if (c?.['status'] === 'True') passing++;
  }
  return `${passing}/${gates.length}`;
}

function podIP(status: Record<string, unknown>): string {
  const ips = objs(status['podIPs']);
  return str(ips[0]?.['ip']) || str(status['podIP']) || '<none>';
}

function toRow(o: KubeObject, now: number): Row {
  const spec = obj(o['spec']);
  const status = obj(o['status']);
  const s = podSummary(o);
  const nodeName = str(spec['nodeName']);
  const cells = [
    o.metadata.namespace ?? '',
    o.metadata.name,
    `${s.ready}/${s.total}`,
    s.reason,
    '',
    '',
    podIP(status),
    nodeName || '<none>',
    str(status['nominatedNodeName']) || '<none>',
    readinessGates(spec, status),
  ];
  const timeCells: TimeCell[] = [];
  if (s.restarts !== 0 && !Number.isNaN(s.lastRestart)) {
    timed(cells, timeCells, { column: RESTARTS, kind: 'restarts', count: s.restarts, at: s.lastRestart }, now);
  } else {
    cells[RESTARTS] = String(s.restarts);
  }
  timed(cells, timeCells, { column: AGE, kind: 'age', at: Date.parse(o.metadata.creationTimestamp ?? '') }, now);
  return makeRow('pods', o, cells, timeCells, { nodeName });
}

/** The tone of a pod row from its STATUS and READY cells. */
export function podTone(row: Row): Tone {
  const reason = row.cells[STATUS] ?? '';
  if (reason === 'Terminating') return 'muted';
  if (reason === 'Completed' || reason === 'Succeeded') return 'muted';
  if (errorReasons.has(reason) || reason.startsWith('Init:') && !/^Init:\d+\/\d+$/.test(reason)) return 'error';
  if (reason.startsWith('ExitCode:') || reason.startsWith('Signal:')) return 'error';
  if (reason === 'Running') {
    const [ready, total] = (row.cells[READY] ?? '0/0').split('/');
    return ready === total ? 'normal' : 'warn';
  }
  return 'warn';
}

/** The pods kind. */
export const podsKind: KindSpec = {
  resourceKey: 'pods',
  kind: 'Pod',
  namespaced: true,
  columns: [
    namespaceColumn,
    nameColumn,
    column('READY', 5, 'ratio'),
    column('STATUS', 16),
    column('RESTARTS', 12, 'number'),
    ageColumn,
    wideColumn('IP', 15),
    wideColumn('NODE', 20),
    wideColumn('NOMINATED NODE', 14),
    wideColumn('READINESS GATES', 15),
  ],
  toRow,
  tone: podTone,
  capabilities: caps({ loggable: true, execable: true }),
};
