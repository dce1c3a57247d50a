/** ReplicaSets, as `kubectl get replicasets -A -o wide` prints them. */
import type { KubeObject } from '../kube/object.ts';
import { ageCell } from './cells.ts';
import { counter, replicaTone } from './deployments.ts';
import { containerCells, formatLabelSelector, readSelector } from './format.ts';
import { num, obj } from './json.ts';
import { ageColumn, caps, column, makeRow, nameColumn, namespaceColumn, wideColumn } from './row.ts';
import type { KindSpec, Row, TimeCell } from './types.ts';

function toRow(o: KubeObject, now: number): Row {
  const spec = obj(o['spec']);
  const selector = readSelector(spec['selector']);
  const [names, images] = containerCells(spec['template']);
  const cells = [
    o.metadata.namespace ?? '',
    o.metadata.name,
    String(num(spec['replicas'], 1)),
    String(counter(o, 'status', 'replicas')),
    String(counter(o, 'status', 'readyReplicas')),
    '',
    names,
    images,
    formatLabelSelector(selector),
  ];
  const timeCells: TimeCell[] = [];
  ageCell(cells, timeCells, 5, o.metadata.creationTimestamp, now);
  return makeRow('replicasets.apps', o, cells, timeCells, { selector });
}

/** The replicasets kind. */
export const replicaSetsKind: KindSpec = {
  resourceKey: 'replicasets.apps',
  kind: 'ReplicaSet',
  namespaced: true,
  columns: [
    namespaceColumn,
    nameColumn,
    column('DESIRED', 7, 'number'),
    column('CURRENT', 7, 'number'),
    column('READY', 5, 'number'),
    ageColumn,
    wideColumn('CONTAINERS', 20),
    wideColumn('IMAGES', 40),
    wideColumn('SELECTOR', 30),
  ],
  toRow,
  tone: (row) => replicaTone(Number(row.cells[4]), Number(row.cells[2])),
  capabilities: caps({ scalable: true, loggable: true }),
};
