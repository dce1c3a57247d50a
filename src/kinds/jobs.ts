/** Jobs, as `kubectl get jobs -A -o wide` prints them. */
import type { KubeObject } from '../kube/object.ts';
import { ageCell, timed } from './cells.ts';
import { humanDuration, parseTime } from './duration.ts';
import { containerCells, formatLabelSelector, readSelector } from './format.ts';
import { num, obj, objs } from './json.ts';
import { ageColumn, caps, column, makeRow, nameColumn, namespaceColumn, wideColumn } from './row.ts';
import type { KindSpec, Row, TimeCell, Tone } from './types.ts';

const STATUS = 2;

function condition(status: Record<string, unknown>, type: string): boolean {
  const c = objs(status['conditions']).find((x) => x['type'] === type);
  return c !== undefined && c['status'] === 'True';
}

/** kubectl's job STATUS column. */
export function jobStatus(o: KubeObject): string {
  const status = obj(o['status']);
  if (condition(status, 'Complete')) return 'Complete';
  if (condition(status, 'Failed')) return 'Failed';
  if (o.metadata.deletionTimestamp) return 'Terminating';
  if (condition(status, 'Suspended')) return 'Suspended';
  if (condition(status, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

function completions(spec: Record<string, unknown>, succeeded: number): string {
  if (typeof spec['completions'] === 'number') return `${succeeded}/${spec['completions']}`;
  const parallelism = num(spec['parallelism']);
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function toRow(o: KubeObject, now: number): Row {
  const spec = obj(o['spec']);
  const status = obj(o['status']);
  const selector = readSelector(spec['selector']);
  const [names, images] = containerCells(spec['template']);
  const cells = [
    o.metadata.namespace ?? '',
    o.metadata.name,
    jobStatus(o),
    completions(spec, num(status['succeeded'])),
    '',
    '',
    names,
    images,
    formatLabelSelector(selector),
  ];
  const timeCells: TimeCell[] = [];
  const start = parseTime(status['startTime']);
  const end = parseTime(status['completionTime']);
  if (!Number.isNaN(start)) {
    // A running job's duration grows with the clock; a finished one is fixed.
    if (Number.isNaN(end)) timed(cells, timeCells, { column: 4, kind: 'age', at: start }, now);
    else cells[4] = humanDuration(end - start);
  }
  ageCell(cells, timeCells, 5, o.metadata.creationTimestamp, now);
  return makeRow('jobs.batch', o, cells, timeCells, { selector });
}

function tone(row: Row): Tone {
  switch (row.cells[STATUS]) {
    case 'Complete':
      return 'muted';
    case 'Failed':
    case 'FailureTarget':
      return 'error';
    case 'Terminating':
    case 'Suspended':
      return 'muted';
    default:
      return 'normal';
  }
}

/** The jobs kind. */
export const jobsKind: KindSpec = {
  resourceKey: 'jobs.batch',
  kind: 'Job',
  namespaced: true,
  columns: [
    namespaceColumn,
    nameColumn,
    column('STATUS', 9),
    column('COMPLETIONS', 11, 'ratio'),
    column('DURATION', 8, 'age'),
    ageColumn,
    wideColumn('CONTAINERS', 20),
    wideColumn('IMAGES', 40),
    wideColumn('SELECTOR', 30),
  ],
  toRow,
  tone,
  capabilities: caps({ loggable: true }),
};
