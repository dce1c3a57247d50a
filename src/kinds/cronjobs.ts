/** CronJobs, as `kubectl get cronjobs -A -o wide` prints them. */
import type { KubeObject } from '../kube/object.ts';
import { ageCell, timed } from './cells.ts';
import { parseTime } from './duration.ts';
import { containerCells, formatLabelSelector, readSelector } from './format.ts';
import { at, obj, objs, str } from './json.ts';
import { ageColumn, caps, column, makeRow, nameColumn, namespaceColumn, wideColumn } from './row.ts';
import type { KindSpec, Row, TimeCell } from './types.ts';

function printBool(value: unknown): string {
  return typeof value === 'boolean' ? (value ? 'True' : 'False') : '<unset>';
}

function toRow(o: KubeObject, now: number): Row {
  const spec = obj(o['spec']);
  const status = obj(o['status']);
  const jobTemplate = obj(spec['jobTemplate']);
  const [names, images] = containerCells(at(jobTemplate, 'spec', 'template'));
  const cells = [
    o.metadata.namespace ?? '',
    o.metadata.name,
    str(spec['schedule']),
    str(spec['timeZone']) || '<none>',
    printBool(spec['suspend']),
    String(objs(status['active']).length),
    '<none>',
    '',
    names,
    images,
    formatLabelSelector(readSelector(at(jobTemplate, 'spec', 'selector'))),
  ];
  const timeCells: TimeCell[] = [];
  const last = parseTime(status['lastScheduleTime']);
  if (!Number.isNaN(last)) timed(cells, timeCells, { column: 6, kind: 'age', at: last }, now);
  ageCell(cells, timeCells, 7, o.metadata.creationTimestamp, now);
  return makeRow('cronjobs.batch', o, cells, timeCells);
}

/** The cronjobs kind. */
export const cronJobsKind: KindSpec = {
  resourceKey: 'cronjobs.batch',
  kind: 'CronJob',
  namespaced: true,
  columns: [
    namespaceColumn,
    nameColumn,
    column('SCHEDULE', 12),
    column('TIMEZONE', 8),
    column('SUSPEND', 7, 'text', { status: true }),
    column('ACTIVE', 6, 'number'),
    column('LAST SCHEDULE', 13, 'age'),
    ageColumn,
    wideColumn('CONTAINERS', 20),
    wideColumn('IMAGES', 40),
    wideColumn('SELECTOR', 30),
  ],
  toRow,
  tone: (row) => (row.cells[4] === 'True' ? 'muted' : 'normal'),
  capabilities: caps({}),
};
