/** The logs pane's ring buffer and line layout. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogBuffer } from '../../../src/ui/panes/logs/log-buffer.ts';
import { colourOf, displayRows, expandTabs, prettyJson } from '../../../src/ui/panes/logs/log-display.ts';
import type { LogLine, LogOrigin } from '../../../src/logs/log-types.ts';

const origin: LogOrigin = { namespace: 'shop', pod: 'web-1', container: 'app', kind: 'regular' };
const line = (text: string, o: LogOrigin = origin): LogLine => ({ origin: o, timestamp: '2026-11-22T10:00:00Z', text });

test('the ring keeps the last N lines in order and counts what fell off', () => {
  const b = new LogBuffer(3);
  b.append([line('a'), line('b')]);
  b.append([line('c'), line('d'), line('e')]);
  assert.equal(b.size, 3);
  assert.deepEqual(
    [...b.lines()].map((l) => l.text),
    ['c', 'd', 'e'],
  );
  assert.equal(b.evicted, 2);
  assert.equal(b.at(0)!.text, 'c');
  assert.equal(b.at(3), undefined);
  b.clear();
  assert.equal(b.size, 0);
});

test('a million appended lines leave the buffer at its capacity', () => {
  const b = new LogBuffer(1000);
  const batch = Array.from({ length: 1000 }, (_, i) => line(`line ${i}`));
  for (let i = 0; i < 1000; i++) b.append(batch);
  assert.equal(b.size, 1000);
  assert.equal(b.evicted, 999_000);
});

test('find searches case-insensitively, in both directions, wrapping around', () => {
  const b = new LogBuffer(10);
  b.append(['start', 'ERROR one', 'ok', 'error two', 'end'].map((t) => line(t)));
  assert.equal(b.find('error', 0, 1), 1);
  assert.equal(b.find('error', 2, 1), 3);
  assert.equal(b.find('error', 4, 1), 1, 'wraps to the top');
  assert.equal(b.find('error', 2, -1), 1);
  assert.equal(b.find('nothing', 0, 1), undefined);
});

test('rows carry a prefix per source when asked, timestamps on request, wrap and JSON pretty-print', () => {
  const opts = { prefix: true, timestamps: false, wrap: false, json: false, width: 40 };
  const [row] = displayRows(line('hello'), opts);
  assert.equal(row!.prefix, 'web-1 app ');
  assert.equal(row!.colour, colourOf(origin));
  assert.equal(displayRows(line('hello'), { ...opts, timestamps: true })[0]!.prefix, 'web-1 app 2026-11-22T10:00:00Z ');
  const long = 'x'.repeat(75);
  assert.equal(displayRows(line(long), { ...opts, wrap: true }).length, 3, '75 cells in 30-cell pieces');
  assert.equal(displayRows(line(long), opts).length, 1, 'no wrap: one row, cut by the terminal');
  assert.deepEqual(prettyJson('{"a":1,"b":[2]}'), ['{', '  "a": 1,', '  "b": [', '    2', '  ]', '}']);
  assert.deepEqual(prettyJson('not json {'), ['not json {']);
  assert.equal(displayRows(line('{"a":1}'), { ...opts, json: true }).length, 3);
});

test('tabs expand to the next multiple of 8 columns', () => {
  assert.equal(expandTabs('\tmain.go:57'), '        main.go:57');
  assert.equal(expandTabs('ab\tc'), 'ab      c');
});
