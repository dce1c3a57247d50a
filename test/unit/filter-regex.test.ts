import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Row } from '../../src/kinds/types.ts';
import { applyFilter } from '../../src/explorer/filter/filter-rows.ts';
import { parseFilterInput } from '../../src/explorer/filter/filter-query.ts';

// Columns: NAMESPACE NAME READY STATUS RESTARTS AGE NODE (AGE is a time cell).
function row(namespace: string, name: string, status: string, node: string, age = '1d'): Row {
  return {
    uid: `${namespace}/${name}`,
    resourceKey: 'pods',
    namespace,
    name,
    resourceVersion: '1',
    createdAt: 0,
    deleting: false,
    cells: [namespace, name, '1/1', status, '0', age, node],
    timeCells: [{ column: 5, kind: 'age', at: 0 }],
    labels: {},
    ownerRefs: [],
  };
}

const rows = [
  row('shop', 'web-5d8f-abcde', 'Running', 'kx-worker'),
  row('shop', 'redis-0', 'Running', 'kx-worker2'),
  row('shop', 'cart-6dff-jg7x8', 'CrashLoopBackOff', 'kx-worker'),
  row('payments', 'payments-api-66-ds8xm', 'Running', 'kx-gpu', '42d'),
];
const names = (r: readonly Row[]) => r.map((x) => x.name);

test('~ makes the filter a case-insensitive regular expression; ! before it inverts it', () => {
  const q = parseFilterInput('~^(web|redis)-');
  assert.equal(q.kind, 'regex');
  assert.deepEqual(names(applyFilter(rows, q).rows), ['web-5d8f-abcde', 'redis-0']);
  assert.deepEqual(names(applyFilter(rows, parseFilterInput('!~^(web|redis)-')).rows), ['cart-6dff-jg7x8', 'payments-api-66-ds8xm']);
  assert.deepEqual(names(applyFilter(rows, parseFilterInput('~CRASH.*off$')).rows), ['cart-6dff-jg7x8'], 'any cell, any case');
  assert.deepEqual(names(applyFilter(rows, parseFilterInput('~worker$')).rows), ['web-5d8f-abcde', 'cart-6dff-jg7x8'], '$ ends a cell: kx-worker2 does not match');
});

test('a regex is not fuzzy and never matches ticking time cells', () => {
  assert.deepEqual(names(applyFilter(rows, parseFilterInput('~wbd')).rows), [], 'fuzzy would find w-e-b-…-d');
  assert.deepEqual(names(applyFilter(rows, parseFilterInput('wbd')).rows), ['web-5d8f-abcde'], 'plain text stays fuzzy');
  assert.deepEqual(names(applyFilter(rows, parseFilterInput('~42d')).rows), []);
});

test('a regex highlights each match in each cell; an inverse highlights nothing', () => {
  const hit = applyFilter(rows, parseFilterInput('~r.d'));
  assert.deepEqual(names(hit.rows), ['redis-0']);
  assert.deepEqual(hit.matchOf(hit.rows[0]!)!.cells.get(1), [0, 1, 2]);
  const many = applyFilter(rows, parseFilterInput('~kx'));
  assert.deepEqual(many.matchOf(many.rows[0]!)!.cells.get(6), [0, 1]);
  const empty = applyFilter(rows, parseFilterInput('~^'));
  assert.equal(empty.rows.length, rows.length, 'an empty match matches');
  assert.ok(empty.matchOf(rows[0]!), 'and is a match without characters to highlight');
  const inverse = applyFilter(rows, parseFilterInput('!~redis'));
  assert.equal(inverse.matchOf(inverse.rows[0]!), undefined);
});

test('a regex that does not compile is one sentence; a lone ~ or !~ is no filter', () => {
  const bad = parseFilterInput('~web[');
  assert.equal(bad.kind, 'invalid');
  assert.match(bad.kind === 'invalid' ? bad.message : '', /^"web\[" is not a valid regular expression: [^\n]+\.$/);
  assert.equal(parseFilterInput('!~(a').kind, 'invalid');
  assert.equal(parseFilterInput('~').kind, 'none');
  assert.equal(parseFilterInput('!~ ').kind, 'none');
});

test('-f and ! keep ~ as typed text (fuzzy), so the old forms mean what they meant', () => {
  const q = parseFilterInput('-f ~web');
  assert.deepEqual(q, { kind: 'text', text: '~web', inverse: false });
  assert.deepEqual(parseFilterInput('!web'), { kind: 'text', text: 'web', inverse: true });
});
