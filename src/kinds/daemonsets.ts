/** DaemonSets, as `kubectl get daemonsets -A -o wide` prints them. */
import type { KubeObject } from '../kube/object.ts';
import { ageCell } from './cells.ts';
import { counter, replicaTone } from './deployments.ts';
import { containerCells, formatLabels, formatLabelSelector, readSelector } from './format.ts';
import { at, obj, strMap } from './json.ts';
import { ageColumn, caps, column, makeRow, nameColumn, namespaceColumn, wideColumn } from './row.ts';
import type { KindSpec, Row, TimeCell } from './types.ts';

function toRow(o: KubeObject, now: number): Row {
  const spec = obj(o['spec']);
  const selector = readSelector(spec['selector']);
  const [names, images] = containerCells(spec['template']);
  const cells = [
    o.metadata.namespace ?? '',
    o.metadata.name,
    String(counter(o, 'status', 'desiredNumberScheduled')),
    String(counter(o, 'status', 'currentNumberScheduled')),
    String(counter(o, 'status', 'numberReady')),
    String(counter(o, 'status', 'updatedNumberScheduled')),
    String(counter(o, 'status', 'numberAvailable')),
    formatLabels(strMap(at(spec, 'template', 'spec', 'nodeSelector'))),
    '',
    names,
    images,
    formatLabelSelector(selector),
  ];
  const timeCells: TimeCell[] = [];
  ageCell(cells, timeCells, 8, o.metadata.creationTimestamp, now);
  return makeRow('daemonsets.apps', o, cells, timeCells, { selector });
}

/** The daemonsets kind. */
export const daemonSetsKind: KindSpec = {
  resourceKey: 'daemonsets.apps',
  kind: 'DaemonSet',
  namespaced: true,
  columns: [
    namespaceColumn,
    nameColumn,
    column('DESIRED', 7, 'number'),
    column('CURRENT', 7, 'number'),
    column('READY', 5, 'number'),
    column('UP-TO-DATE', 10, 'number'),
    column('AVAILABLE', 9, 'number'),
    column('NODE SELECTOR', 20),
    ageColumn,
    wideColumn('CONTAINERS', 20),
    wideColumn('IMAGES', 40),
    wideColumn('SELECTOR', 30),
  ],
  toRow,
  tone: (row) => replicaTone(Number(row.cells[4]), Number(row.cells[2])),
  capabilities: caps({ loggable: true, rollbackable: true, restartable: true }),
};
