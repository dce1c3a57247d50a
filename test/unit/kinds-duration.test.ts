import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellsAt } from '../../src/kinds/cells.ts';
import { humanDuration, since } from '../../src/kinds/duration.ts';
import { kindFor } from '../../src/kinds/registry.ts';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;
const y = 365 * d;

test('AGE follows apimachinery HumanDuration at every boundary', () => {
  const table: [number, string][] = [
    [-2 * s, '<invalid>'],
    [-1500, '0s'], // up to a second of clock skew reads as now
    [0, '0s'],
    [999, '0s'],
    [45 * s, '45s'],
    [119 * s, '119s'], // seconds up to two minutes
    [2 * m, '2m'],
    [5 * m + 12 * s, '5m12s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m + 30 * s, '10m'], // from ten minutes seconds are dropped
    [179 * m, '179m'],
    [3 * h, '3h'],
    [7 * h + 5 * m, '7h5m'],
    [8 * h + 5 * m, '8h'],
    [47 * h + 59 * m, '47h'],
    [48 * h, '2d'],
    [3 * d + 4 * h, '3d4h'],
    [7 * d + 23 * h, '7d23h'],
    [8 * d + 5 * h, '8d'],
    [729 * d, '729d'],
    [2 * y, '2y'],
    [3 * y + 12 * d, '3y12d'],
    [8 * y + 100 * d, '8y'],
  ];
  for (const [ms, want] of table) assert.equal(humanDuration(ms), want, `${ms} ms`);
});

test('a missing timestamp reads <unknown>', () => {
  assert.equal(since(Number.NaN, 0), '<unknown>');
  assert.equal(since(1000, 61_000), '60s');
});

test("an age a few seconds in the future reads 0s; further is <invalid>, and HumanDuration itself stays kubectl's", () => {
  const at = Date.parse('2024-05-14T10:30:00Z');
  assert.equal(since(at, at - 3 * s), '0s');
  assert.equal(since(at, at - 5 * s), '0s');
  assert.equal(since(at, at - 6 * s), '<invalid>');
  assert.equal(humanDuration(-3 * s), '<invalid>');
});

test('a new row drawn with a view clock that ticked before it arrived shows AGE 0s, not <invalid>', () => {
  const created = Date.parse('2024-05-14T10:30:00Z');
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web-1', namespace: 'shop', uid: 'u1', resourceVersion: '9', creationTimestamp: '2024-05-14T10:30:00Z' },
    spec: { containers: [{ name: 'app', image: 'nginx' }] },
    status: { phase: 'Pending' },
  };
  const kind = kindFor('pods')!;
  const age = kind.columns.findIndex((c) => c.name === 'AGE');
  const row = kind.toRow(pod, created + 300);
  // An idle view ticks every 30 s: its clock can be 20 s behind the store that projected the row.
  assert.equal(cellsAt(row, created - 20 * s)[age], '0s');
  assert.equal(cellsAt(row, created + 42 * s)[age], '42s');
});
