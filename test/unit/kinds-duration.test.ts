import assert from 'node:assert/strict';
import { test } from 'node:test';
import { humanDuration, since } from '../../src/kinds/duration.ts';

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
