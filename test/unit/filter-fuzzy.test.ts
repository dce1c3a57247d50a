import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Row } from '../../src/kinds/types.ts';
import { podsKind } from '../../src/kinds/pods.ts';
import { applyFilter, filterRowsByText } from '../../src/explorer/filter/filter-rows.ts';
import { parseFilterInput } from '../../src/explorer/filter/filter-query.ts';
import { matchRow } from '../../src/explorer/filter/row-match.ts';
import { readFileSync } from 'node:fs';
import type { KubeList } from '../../src/kube/object.ts';

// Columns: NAMESPACE NAME READY STATUS RESTARTS AGE IP NODE (AGE is a time cell).
function row(namespace: string, name: string, status: string, node: string, age = 0): Row {
  return {
    uid: `${namespace}/${name}`,
    resourceKey: 'pods',
    namespace,
    name,
    resourceVersion: '1',
    createdAt: 0,
    deleting: false,
    cells: [namespace, name, '1/1', status, '0', age ? `${age}d` : '1d', '10.244.0.1', node],
    timeCells: [{ column: 5, kind: 'age', at: 0 }],
    labels: {},
    ownerRefs: [],
  };
}

const rows = [
  row('kube-system', 'metrics-server-57448cd87f-z4wkv', 'Running', 'kx-worker2'),
  row('shop', 'redis-0', 'Running', 'kx-worker2'),
  row('shop', 'cart-6dff8d5c94-jg7x8', 'CrashLoopBackOff', 'kx-worker'),
  row('payments', 'payments-api-6688f657dc-ds8xm', 'Running', 'kx-gpu'),
  row('shop', 'web-redis-proxy', 'Running', 'kx-worker'),
];
const names = (r: readonly Row[]) => r.map((x) => x.name);

test('table order is kept by default; score order puts the best name match first', () => {
  const table = filterRowsByText(rows, 'redis');
  assert.deepEqual(names(table.rows), ['redis-0', 'web-redis-proxy'], 'no match through letters scattered over other cells');
  const scored = filterRowsByText([...rows].reverse(), 'redis', { order: 'score' });
  assert.deepEqual(names(scored.rows), ['redis-0', 'web-redis-proxy'], 'a match at the start of the name scores higher');
  assert.deepEqual(names(filterRowsByText([...rows].reverse(), 'redis').rows), ['web-redis-proxy', 'redis-0']);
});

test('the name matches fuzzily, other cells as typed; every word must match', () => {
  assert.deepEqual(names(filterRowsByText(rows, 'payapi').rows), ['payments-api-6688f657dc-ds8xm']);
  assert.deepEqual(names(filterRowsByText(rows, 'CRASHLOOP').rows), ['cart-6dff8d5c94-jg7x8']);
  assert.deepEqual(names(filterRowsByText(rows, 'crsh').rows), [], 'no fuzzy matching outside the name');
  assert.deepEqual(names(filterRowsByText(rows, 'redis kx-worker').rows), ['redis-0', 'web-redis-proxy']);
  assert.deepEqual(names(filterRowsByText(rows, 'shop running').rows), ['redis-0', 'web-redis-proxy']);
});

test('ticking time cells are never matched (their stored text is stale)', () => {
  const aged = [row('a', 'x', 'Running', 'n1', 42), row('a', 'y', 'Running', 'n1')];
  assert.deepEqual(names(filterRowsByText(aged, '42d').rows), []);
});

test('an inverse filter keeps the rows that do not match and highlights nothing', () => {
  const result = applyFilter(rows, parseFilterInput('!running'));
  assert.deepEqual(names(result.rows), ['cart-6dff8d5c94-jg7x8']);
  assert.equal(result.matchOf(result.rows[0]!), undefined);
  assert.deepEqual(names(applyFilter(rows, parseFilterInput('!redis')).rows), ['metrics-server-57448cd87f-z4wkv', 'cart-6dff8d5c94-jg7x8', 'payments-api-6688f657dc-ds8xm']);
});

test('no text, a label selector or an invalid filter leave the rows alone', () => {
  for (const input of ['', '  ', '!', '-l app=web', '-l app in web']) {
    assert.equal(applyFilter(rows, parseFilterInput(input)).rows, rows, input);
  }
});

test('match indexes point at the matched characters of each cell', () => {
  const m = matchRow(rows[2]!, ['cart', 'loop'])!;
  assert.ok(m);
  assert.deepEqual(m.cells.get(1), [0, 1, 2, 3], 'NAME column, fuzzy indexes');
  assert.deepEqual(m.cells.get(3), [5, 6, 7, 8], "'loop' inside CrashLoopBackOff");
  assert.equal(m.cells.get(0), undefined);
  // A word found in several cells is highlighted in each.
  const both = matchRow(rows[1]!, ['worker'])!;
  assert.deepEqual(both.cells.get(7), [3, 4, 5, 6, 7, 8]);
  assert.equal(matchRow(rows[1]!, ['nothing-here']), undefined);
  // Highlights are read before fuzzysort reuses its buffer for another search on the same row.
  const first = matchRow(rows[3]!, ['pay'])!;
  matchRow(rows[3]!, ['ds8']);
  assert.deepEqual(first.cells.get(1), [0, 1, 2]);
});

test('a namespace equal to the name does not steal the name highlight', () => {
  const m = matchRow(row('web', 'web', 'Running', 'n'), ['web'])!;
  assert.deepEqual(m.cells.get(1), [0, 1, 2]);
  assert.deepEqual(m.cells.get(0), [0, 1, 2], 'the namespace cell contains the text too');
});

test('a changed row (a new Row object) is matched on its new text', () => {
  const before = row('shop', 'cart-1', 'Running', 'n');
  const after: Row = { ...before, resourceVersion: '2', cells: before.cells.map((c, i) => (i === 3 ? 'Error' : c)) };
  assert.deepEqual(names(filterRowsByText([before], 'error').rows), []);
  assert.deepEqual(names(filterRowsByText([after], 'error').rows), ['cart-1']);
});

test('rows projected by the real pods kind filter on their visible cells', () => {
  const list = JSON.parse(readFileSync(new URL('../fixtures/objects/pods.json', import.meta.url), 'utf8')) as KubeList;
  const projected = list.items.map((o) => podsKind.toRow(o, Date.now()));
  const running = projected.filter((r) => r.cells.some((c) => c === 'Running'));
  assert.ok(running.length > 0 && running.length < projected.length, 'fixture has running and other pods');
  const hit = filterRowsByText(projected, 'running');
  assert.deepEqual(names(hit.rows), names(running));
  const m = hit.matchOf(hit.rows[0]!)!;
  const statusColumn = podsKind.columns.findIndex((c) => c.name === 'STATUS');
  assert.deepEqual(m.cells.get(statusColumn), [0, 1, 2, 3, 4, 5, 6]);
});

test('10,000 rows: the right rows in table order, and highlights only on request', () => {
  const many = Array.from({ length: 10_000 }, (_, i) => row('load', `web-${i}`, i % 10 === 0 ? 'Pending' : 'Running', `node-${i % 7}`));
  assert.equal(filterRowsByText(many, 'pending').rows.length, 1000);
  const typed = 'web-7';
  const subsequence = (name: string): boolean => /^web-\d*7\d*$/.test(name);
  for (let k = 1; k <= typed.length; k++) filterRowsByText(many, typed.slice(0, k));
  const result = filterRowsByText(many, typed);
  assert.deepEqual(names(result.rows), names(many.filter((r) => subsequence(r.name))));
  assert.equal(names(filterRowsByText(many, typed, { inverse: true }).rows).length, 10_000 - result.rows.length);
  const m = result.matchOf(result.rows[0]!)!;
  assert.deepEqual(m.cells.get(1), [0, 1, 2, 3, 4], "'web-7' in 'web-7'");
  assert.equal(result.matchOf(result.rows[0]!), m, 'remembered for re-renders');
});
