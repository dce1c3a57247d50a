/**
 * Events of a 1.20 control plane's scheduler (events.k8s.io recorder): no count, no first/last
 * timestamps, an eventTime and a series. kubectl's printEvent reads COUNT and LAST SEEN from the series.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { eventAge } from '../../src/kinds/describe/events-section.ts';
import { cellsAt } from '../../src/kinds/cells.ts';
import { kindFor } from '../../src/kinds/registry.ts';
import type { KubeList } from '../../src/kube/object.ts';
import { eventColumns } from '../../src/demo/server/table/core-columns.ts';
import { columnsFor } from '../../src/demo/server/table/registry.ts';
import type { ResourceDef } from '../../src/demo/server/resource-def.ts';

const NOW = Date.parse('2024-05-14T10:30:00Z');
const [core, eventsV1] = (JSON.parse(readFileSync(new URL('../fixtures/objects/events-series.json', import.meta.url), 'utf8')) as KubeList).items;

test('the events kind reads COUNT and LAST SEEN from the series', () => {
  const kind = kindFor('events')!;
  const cells = cellsAt(kind.toRow(core!, NOW), NOW);
  const cell = (name: string) => cells[kind.columns.findIndex((c) => c.name === name)];
  assert.deepEqual([cell('LAST SEEN'), cell('FIRST SEEN'), cell('COUNT')], ['4m59s', '9m59s', '2']);
});

test("describe's Events Age says the series count over the event time", () => {
  assert.equal(eventAge(core!, NOW), '4m59s (x2 over 9m59s)');
});

test('the demo server prints a series event like printEvent: COUNT and LAST SEEN from the series', () => {
  const cells = eventColumns.cells(core!, NOW);
  assert.deepEqual(cells, [
    '4m59s',
    'Warning',
    'FailedScheduling',
    'pod/web-7d4b9c8f6d-q2x8z',
    '',
    'default-scheduler, default-scheduler-kx-control-plane',
    '0/3 nodes are available: 3 Insufficient cpu.',
    '9m59s',
    2,
    'web-7d4b9c8f6d-q2x8z.17c1d1d0a1b2c3d4',
  ]);
});

test('the demo server prints a series event read through core/v1 with a stale lastTimestamp from the series', () => {
  const stale = { ...core!, lastTimestamp: '2024-05-14T10:21:00Z', count: 1 };
  const cells = eventColumns.cells(stale, NOW);
  assert.deepEqual([cells[0], cells[8]], ['4m59s', 2]);
});

test('the demo server prints events.k8s.io/v1 Events with the same columns as core/v1', () => {
  const def = { group: 'events.k8s.io', plural: 'events' } as ResourceDef;
  const set = columnsFor(def);
  assert.deepEqual(
    set.columns.map((c) => c.name),
    eventColumns.columns.map((c) => c.name),
  );
  assert.deepEqual(set.cells(eventsV1!, NOW), eventColumns.cells(core!, NOW));
});

test('the demo server prints an event without any time as <unknown>, not its creation age', () => {
  const bare = { ...core!, eventTime: null, series: null };
  const cells = eventColumns.cells(bare, NOW);
  assert.deepEqual([cells[0], cells[7], cells[8]], ['<unknown>', '<unknown>', 1]);
});
