/** Core v1 Events, as `kubectl get events -A -o wide` prints them. */
import type { KubeObject } from '../kube/object.ts';
import { timed } from './cells.ts';
import { parseTime } from './duration.ts';
import { num, obj, str } from './json.ts';
import { caps, column, makeRow, namespaceColumn, wideColumn } from './row.ts';
import type { KindSpec, Row, TimeCell } from './types.ts';

function source(o: KubeObject): string {
  const src = obj(o['source']);
  // core/v1 spells ReportingController as reportingComponent on the wire.
  const component = str(src['component']) || str(o['reportingComponent']);
  const instance = str(src['host']) || str(o['reportingInstance']);
  return instance ? `${component}, ${instance}` : component;
}

function toRow(o: KubeObject, now: number): Row {
  const involved = obj(o['involvedObject']);
  const series = o['series'] === undefined || o['series'] === null ? undefined : obj(o['series']);
  let first = parseTime(o['firstTimestamp']);
  if (Number.isNaN(first)) first = parseTime(o['eventTime']);
  let last = parseTime(o['lastTimestamp']);
  if (Number.isNaN(last)) last = first;
  let count = num(o['count']);
  if (series) {
    last = parseTime(series['lastObservedTime']);
    count = num(series['count']);
  } else if (count === 0) {
    count = 1; // singleton events in the events.k8s.io API carry no count
  }
  const kind = str(involved['kind']).toLowerCase();
  const name = str(involved['name']);
  const cells = [
    o.metadata.namespace ?? '',
    '',
    str(o['type']),
    str(o['reason']),
    name ? `${kind}/${name}` : kind,
    str(involved['fieldPath']),
    source(o),
    str(o['message']).trim(),
    '',
    String(count),
    o.metadata.name,
  ];
  const timeCells: TimeCell[] = [];
  timed(cells, timeCells, { column: 1, kind: 'age', at: last }, now);
  timed(cells, timeCells, { column: 8, kind: 'age', at: first }, now);
  return makeRow('events', o, cells, timeCells);
}

/** The events kind. */
export const eventsKind: KindSpec = {
  resourceKey: 'events',
  kind: 'Event',
  namespaced: true,
  columns: [
    namespaceColumn,
    column('LAST SEEN', 9, 'age'),
    column('TYPE', 7, 'text', { status: true }),
    column('REASON', 20),
    column('OBJECT', 40),
    wideColumn('SUBOBJECT', 20),
    wideColumn('SOURCE', 20),
    column('MESSAGE', 60),
    wideColumn('FIRST SEEN', 10, 'age'),
    wideColumn('COUNT', 5, 'number'),
    wideColumn('NAME', 40),
  ],
  toRow,
  tone: (row) => (row.cells[2] === 'Warning' ? 'warn' : 'normal'),
  capabilities: caps({}),
};
