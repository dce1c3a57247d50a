/** StatefulSets, as `kubectl get statefulsets -A -o wide` prints them. */
import type { KubeObject } from '../kube/object.ts';
import { ageCell } from './cells.ts';
import { counter, replicaTone } from './deployments.ts';
import { containerCells, readSelector } from './format.ts';
import { num, obj } from './json.ts';
import { ageColumn, caps, column, makeRow, nameColumn, namespaceColumn, wideColumn } from './row.ts';
import type { KindSpec, Row, TimeCell } from './types.ts';

function toRow(o: KubeObject, now: number): Row {
  const spec = obj(o['spec']);
  const [names, images] = containerCells(spec['template']);
  const cells = [
    o.metadata.namespace ?? '',
    o.metadata.name,
    `${counter(o, 'status', 'readyReplicas')}/${num(spec['replicas'], 1)}`,
    '',
    names,
    images,
  ];
  const timeCells: TimeCell[] = [];
  ageCell(cells, timeCells, 3, o.metadata.creationTimestamp, now);
  return makeRow('statefulsets.apps', o, cells, timeCells, { selector: readSelector(spec['selector']) });
}

/** The statefulsets kind. */
export const statefulSetsKind: KindSpec = {
  resourceKey: 'statefulsets.apps',
  kind: 'StatefulSet',
  namespaced: true,
  columns: [
    namespaceColumn,
    nameColumn,
    column('READY', 5, 'ratio'),
    ageColumn,
    wideColumn('CONTAINERS', 20),
    wideColumn('IMAGES', 40),
  ],
  toRow,
  tone: (row) => {
    const [ready, desired] = (row.cells[2] ?? '0/0').split('/').map(Number);
    return replicaTone(ready ?? 0, desired ?? 0);
  },
  capabilities: caps({ scalable: true, loggable: true, rollbackable: true, restartable: true }),
};
