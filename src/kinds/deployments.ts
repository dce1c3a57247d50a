/** Deployments, as `kubectl get deployments -A -o wide` prints them. */
import type { KubeObject } from '../kube/object.ts';
import { ageCell } from './cells.ts';
import { containerCells, readSelector, selectorString } from './format.ts';
import { at, num, obj } from './json.ts';
import { ageColumn, caps, column, makeRow, nameColumn, namespaceColumn, wideColumn } from './row.ts';
import type { KindSpec, Row, TimeCell, Tone } from './types.ts';

function toRow(o: KubeObject, now: number): Row {
  const spec = obj(o['spec']);
  const status = obj(o['status']);
  const desired = num(spec['replicas'], 1);
  const selector = readSelector(spec['selector']);
  const [names, images] = containerCells(spec['template']);
  const cells = [
    o.metadata.namespace ?? '',
    o.metadata.name,
    `${num(status['readyReplicas'])}/${desired}`,
    String(num(status['updatedReplicas'])),
    String(num(status['availableReplicas'])),
    '',
    names,
    images,
    selectorString(selector),
  ];
  const timeCells: TimeCell[] = [];
  ageCell(cells, timeCells, 5, o.metadata.creationTimestamp, now);
  return makeRow('deployments.apps', o, cells, timeCells, { selector });
}

/** Ready and available replicas against the desired count; a stalled rollout reads as an error. */
export function replicaTone(ready: number, desired: number): Tone {
  if (desired === 0) return 'muted';
  if (ready >= desired) return 'normal';
  return ready === 0 ? 'error' : 'warn';
}

function tone(row: Row): Tone {
  const [ready, desired] = (row.cells[2] ?? '0/0').split('/').map(Number);
  return replicaTone(ready ?? 0, desired ?? 0);
}

/** The deployments kind. */
export const deploymentsKind: KindSpec = {
  resourceKey: 'deployments.apps',
  kind: 'Deployment',
  namespaced: true,
  columns: [
    namespaceColumn,
    nameColumn,
    column('READY', 5, 'ratio'),
    column('UP-TO-DATE', 10, 'number'),
    column('AVAILABLE', 9, 'number'),
    ageColumn,
    wideColumn('CONTAINERS', 20),
    wideColumn('IMAGES', 40),
    wideColumn('SELECTOR', 30),
  ],
  toRow,
  tone,
  capabilities: caps({ scalable: true, loggable: true, rollbackable: true, restartable: true }),
};

/** Reads status.* counters the way Go's zero values do (absent = 0). */
export function counter(o: KubeObject, ...path: string[]): number {
  return num(at(o, ...path));
}
