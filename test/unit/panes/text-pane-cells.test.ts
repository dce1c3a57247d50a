/** Long lines in the text pane: a window of cells for horizontal scrolling, and wrapping, colours kept. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columnOf, maxOffset, sliceCells, wrapCells, wrappedRowCount } from '../../../src/ui/panes/text-pane-cells.ts';
import { markRanges, plainText } from '../../../src/ui/panes/text-pane-ansi.ts';

const value = 'x'.repeat(20) + 'MIDDLE' + 'y'.repeat(20) + 'END';

test('windows of a long line, side by side, give back the whole line', () => {
  const width = 10;
  let seen = '';
  for (let start = 0; start < value.length; start += width) seen += sliceCells(value, start, width);
  assert.equal(seen, value);
  assert.equal(sliceCells(value, 20, 6), 'MIDDLE');
});

test('a line that goes on past the right edge ends in the marker; the last window does not', () => {
  assert.equal(sliceCells('abcdefghij', 0, 5, '…'), 'abcd…');
  assert.equal(sliceCells('abcdefghij', 5, 5, '…'), 'fghij');
  assert.equal(sliceCells('short', 0, 10, '…'), 'short');
  assert.equal(sliceCells('short', 3, 10, '…'), 'rt');
});

test('colours active where a window starts open it, and the window ends with a reset', () => {
  const line = '\x1b[32mgreen-text\x1b[0m plain';
  const cut = sliceCells(line, 6, 8);
  assert.equal(plainText(cut), 'text pla');
  assert.ok(cut.startsWith('\x1b[32m'), JSON.stringify(cut));
  assert.ok(cut.endsWith('\x1b[0m'));
});

test('a search mark cut by the window edge is still drawn on its visible part', () => {
  const marked = markRanges('aaaaNEEDLEbbbb', [{ start: 4, end: 10, current: true }], true);
  const cut = sliceCells(marked, 7, 7);
  assert.equal(plainText(cut), 'DLEbbbb');
  assert.ok(cut.startsWith('\x1b[7;1;33m'), JSON.stringify(cut));
});

test('a wide character cut by an edge becomes a space, so the cells still add up', () => {
  assert.equal(sliceCells('ab日本', 3, 3), ' 本');
  assert.equal(sliceCells('ab日本', 0, 3), 'ab ');
});

test('wrapping cuts rows of the width and loses nothing', () => {
  const rows = wrapCells(value, 20);
  assert.deepEqual(rows, [value.slice(0, 20), value.slice(20, 40), value.slice(40)]);
  assert.equal(rows.join(''), value);
  assert.equal(wrappedRowCount(value, 20), 3);
  assert.equal(wrappedRowCount('short', 20), 1);
  assert.deepEqual(wrapCells('', 20), ['']);
});

test('a wide character that does not fit moves to the next row', () => {
  assert.deepEqual(wrapCells('abc日本', 4), ['abc', '日本']);
  assert.equal(wrappedRowCount('abc日本', 4), 2);
});

test('wrapped rows carry their colours: a row opens with the colour active at its first character', () => {
  const rows = wrapCells('\x1b[33mkey: \x1b[32mvalue-long\x1b[0m', 6);
  assert.deepEqual(rows.map(plainText), ['key: v', 'alue-l', 'ong']);
  assert.ok(rows[1]!.startsWith('\x1b[33m\x1b[32m'), JSON.stringify(rows[1]));
  assert.ok(rows.every((r) => r.endsWith('\x1b[0m')));
});

test('the furthest scroll shows the end of the widest line; a match’s column counts cells', () => {
  assert.equal(maxOffset(['short', value], 10), value.length - 10);
  assert.equal(maxOffset(['short'], 10), 0);
  assert.equal(columnOf('日本 x', 3), 5);
});
