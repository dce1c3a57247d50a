import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Row } from '../../src/kinds/types.ts';
import { filterRows, parseFilter } from '../../src/ui/filter/row-filter.ts';

function row(namespace: string, name: string, status: string, node: string): Row {
  return {
    uid: `${namespace}/${name}`,
    resourceKey: 'pods',
    namespace,
    name,
    resourceVersion: '1',
    createdAt: 0,
    deleting: false,
    cells: [namespace, name, '1/1', status, '0', '1d', '10.244.0.1', node],
    timeCells: [],
    labels: {},
    ownerRefs: [],
  };
}

const rows = [
  row('kube-system', 'metrics-server-57448cd87f-z4wkv', 'Running', 'kx-worker2'),
  row('shop', 'redis-0', 'Running', 'kx-worker2'),
  row('shop', 'cart-6dff8d5c94-jg7x8', 'CrashLoopBackOff', 'kx-worker'),
  row('payments', 'payments-api-6688f657dc-ds8xm', 'Running', 'kx-gpu'),
];
const names = (r: readonly Row[]) => r.map((x) => x.name);

test('fuzzy on the name, in table order', () => {
  assert.deepEqual(names(filterRows(rows, parseFilter('redis'))), ['redis-0'], 'no match through letters scattered over other cells');
  assert.deepEqual(names(filterRows(rows, parseFilter('payapi'))), ['payments-api-6688f657dc-ds8xm']);
  assert.deepEqual(names(filterRows(rows, parseFilter('e'))), names(rows), 'order kept');
});

test('plain text anywhere in the other cells, case-insensitive', () => {
  assert.deepEqual(names(filterRows(rows, parseFilter('crashloop'))), ['cart-6dff8d5c94-jg7x8']);
  assert.deepEqual(names(filterRows(rows, parseFilter('kx-gpu'))), ['payments-api-6688f657dc-ds8xm']);
});

test('/!text keeps the rows that do not match; blank is no filter', () => {
  assert.deepEqual(names(filterRows(rows, parseFilter('!Running'))), ['cart-6dff8d5c94-jg7x8']);
  assert.equal(parseFilter('  '), undefined);
  assert.equal(parseFilter('!'), undefined);
  assert.equal(filterRows(rows, undefined), rows);
});

test('10,000 rows filter to the right count', () => {
  const many = Array.from({ length: 10_000 }, (_, i) => row('load', `web-${i}`, i % 10 === 0 ? 'Pending' : 'Running', `node-${i % 7}`));
  assert.equal(filterRows(many, parseFilter('pending')).length, 1000);
  const hits = names(filterRows(many, parseFilter('web-999')));
  for (const exact of ['web-999', 'web-9990', 'web-9999']) assert.ok(hits.includes(exact), exact);
  const subsequence = (name: string) => /^web-\d*9\d*9\d*9\d*$/.test(name);
  assert.ok(hits.every(subsequence), 'every fuzzy hit has the typed characters in order');
  assert.equal(hits.length, many.filter((r) => subsequence(r.name)).length);
});
