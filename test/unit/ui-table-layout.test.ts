import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columnWidths, joinCells, windowStart } from '../../src/ui/table/layout.ts';
import { fit, cellWidth } from '../../src/ui/text-fit.ts';

test('windowStart scrolls only as far as needed to keep the cursor visible', () => {
  assert.equal(windowStart(0, 5, 10, 100), 0, 'cursor inside the window: no scroll');
  assert.equal(windowStart(0, 10, 10, 100), 1, 'one past the bottom: scroll by one');
  assert.equal(windowStart(50, 20, 10, 100), 20, 'above the window: cursor becomes the top row');
  assert.equal(windowStart(95, 99, 10, 100), 90, 'never leaves empty space below the last row');
  assert.equal(windowStart(40, 3, 10, 5), 0, 'a list shorter than the window starts at 0');
  assert.equal(windowStart(3, 0, 0, 10), 0);
});

test('columnWidths fits natural widths and drops optional columns first when narrow', () => {
  const columns = [{ title: 'NAME' }, { title: 'STATUS' }, { title: 'IP', priority: 1 }, { title: 'NODE', priority: 2 }];
  const rows = [['web-7d9f8c6b5d-abcde', 'Running', '10.244.1.17', 'node-a']];
  assert.deepEqual(columnWidths(columns, rows, 200), [20, 7, 11, 6]);
  // 20+2+7+2+11 = 42: NODE (priority 2) goes first.
  assert.deepEqual(columnWidths(columns, rows, 42), [20, 7, 11, 0]);
  // 20+2+7 = 29: IP goes next; then NAME shrinks to fit.
  assert.deepEqual(columnWidths(columns, rows, 29), [20, 7, 0, 0]);
  assert.deepEqual(columnWidths(columns, rows, 25), [16, 7, 0, 0]);
});

test('joinCells skips dropped columns', () => {
  assert.equal(joinCells(['a', 'b', 'c'], [1, 0, 1]), 'a  c');
});

test('fit pads, aligns and truncates by terminal cells, wide characters included', () => {
  assert.equal(fit('abc', 5), 'abc  ');
  assert.equal(fit('42', 4, 'right'), '  42');
  assert.equal(fit('abcdefgh', 5), 'abcd…');
  assert.equal(cellWidth('日本'), 4);
  assert.equal(fit('日本語テキスト', 6), '日本 …');
  assert.equal(cellWidth(fit('日本語テキスト', 6)), 6);
});
