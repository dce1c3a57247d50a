import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitIndexes, highlightSegments, lineSegments } from '../../src/explorer/filter/highlight.ts';
import { fit } from '../../src/ui/text-fit.ts';

test('a cell splits into unmatched and matched runs', () => {
  assert.deepEqual(highlightSegments('web-7d9c', [0, 1, 2, 4]), [
    ['web', true],
    ['-', false],
    ['7', true],
    ['d9c', false],
  ]);
  assert.deepEqual(highlightSegments('redis', undefined), [['redis', false]]);
  assert.deepEqual(highlightSegments('redis', [0, 1, 2, 3, 4]), [['redis', true]]);
  assert.deepEqual(highlightSegments('', [0]), []);
  // Every character comes back exactly once, in order.
  const text = 'metrics-server-57448cd87f';
  const segs = highlightSegments(text, [1, 3, 5, 6, 20]);
  assert.equal(segs.map(([t]) => t).join(''), text);
  assert.equal(
    segs
      .filter(([, m]) => m)
      .map(([t]) => t)
      .join(''),
    'ercsc',
  );
});

test('indexes follow the table: right-aligned cells shift, truncated ones drop what was cut', () => {
  assert.deepEqual(fitIndexes('42', fit('42', 6, 'right'), [1]), [5]);
  assert.deepEqual(fitIndexes('web', fit('web', 6), [0, 2]), [0, 2]);
  const cut = fit('payments-api-6688f657dc', 10);
  assert.equal(cut, 'payments-…');
  assert.deepEqual(fitIndexes('payments-api-6688f657dc', cut, [0, 1, 9, 10]), [0, 1]);
  assert.deepEqual(fitIndexes('x', 'x', undefined), []);
});

test('a table line carries the highlights of each cell at the right place', () => {
  const cells = [
    { original: 'redis-0', fitted: fit('redis-0', 10), indexes: [0, 1, 2, 3, 4] },
    { original: 'Running', fitted: fit('Running', 8) },
    { original: '3', fitted: fit('3', 3, 'right'), indexes: [0] },
  ];
  const segs = lineSegments(cells, '  ');
  assert.equal(segs.map(([t]) => t).join(''), 'redis-0     Running     3');
  assert.deepEqual(
    segs.filter(([, m]) => m).map(([t]) => t),
    ['redis', '3'],
  );
  assert.ok(
    segs.every((s, i) => i === 0 || s[1] !== segs[i - 1]![1]),
    'adjacent runs are merged',
  );
});
