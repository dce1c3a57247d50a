/** The logs pane's filter: include, exclude, smart case, bad regexes, and a view that follows the ring. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogBuffer } from '../../../src/ui/panes/logs/log-buffer.ts';
import { FilteredLog, filterSummary, keepsLine, parseLogFilter, type LogFilter } from '../../../src/ui/panes/logs/log-filter.ts';
import type { LogLine, LogOrigin } from '../../../src/logs/log-types.ts';

const origin: LogOrigin = { namespace: 'shop', pod: 'web-1', container: 'app', kind: 'regular' };
const line = (text: string): LogLine => ({ origin, timestamp: '', text });

function filter(text: string): LogFilter {
  const parsed = parseLogFilter(text);
  assert.ok(parsed.ok && parsed.filter, `${text} parses to a filter`);
  return parsed.filter;
}

const texts = (view: FilteredLog): string[] => Array.from({ length: view.size }, (_, i) => view.at(i)!.text);

test('a filter keeps the lines that match; ! in front keeps those that do not', () => {
  const lines = ['GET /healthz 200', 'ERROR payment declined', 'GET /cart 200'].map(line);
  assert.deepEqual(
    lines.filter((l) => keepsLine(filter('error'), l)).map((l) => l.text),
    ['ERROR payment declined'],
  );
  assert.deepEqual(
    lines.filter((l) => keepsLine(filter('!healthz'), l)).map((l) => l.text),
    ['ERROR payment declined', 'GET /cart 200'],
  );
  assert.deepEqual(
    lines.filter((l) => keepsLine(filter('cart|healthz'), l)).map((l) => l.text),
    ['GET /healthz 200', 'GET /cart 200'],
  );
});

test('smart case: lower case matches any case, a capital letter makes it exact; \\! matches a literal !', () => {
  assert.equal(keepsLine(filter('error'), line('ERROR x')), true);
  assert.equal(keepsLine(filter('Error'), line('ERROR x')), false);
  assert.equal(keepsLine(filter('Error'), line('Error x')), true);
  assert.equal(keepsLine(filter('\\!'), line('done!')), true);
  assert.equal(filter('\\!').exclude, false);
});

test('colours do not stop a match: the filter looks at the plain text', () => {
  assert.equal(keepsLine(filter('error: boom'), line('\x1b[31merror\x1b[0m: boom')), true);
});

test('empty text, or a lone !, clears the filter', () => {
  assert.deepEqual(parseLogFilter(''), { ok: true, filter: undefined });
  assert.deepEqual(parseLogFilter('!'), { ok: true, filter: undefined });
});

test('a bad regular expression is one sentence that names it and says the previous filter is kept', () => {
  const parsed = parseLogFilter('(oops');
  assert.equal(parsed.ok, false);
  assert.equal(!parsed.ok && parsed.error, 'Invalid regular expression "(oops": unterminated group, so the previous filter is kept.');
});

test('the header says what is hidden, with thousands separators', () => {
  assert.equal(filterSummary(filter('error'), 1204, 5000), 'filter: error · 1,204 of 5,000 lines hidden');
  assert.equal(filterSummary(filter('!debug'), 0, 1), 'filter: !debug · 0 of 1 line hidden');
});

test('the filtered view follows the ring: new lines are filtered, evicted ones leave, counts add up', () => {
  const buffer = new LogBuffer(5);
  buffer.append(['a error', 'b', 'c error'].map(line));
  const view = new FilteredLog(buffer, filter('error'));
  assert.deepEqual(texts(view), ['a error', 'c error']);
  assert.equal(view.hidden, 1);

  // Lines arriving while filtered are filtered too.
  buffer.append(['d', 'e error'].map(line));
  view.sync();
  assert.deepEqual(texts(view), ['a error', 'c error', 'e error']);
  assert.equal(view.hidden, 2);

  // 'a error' and 'b' fall off the ring.
  buffer.append(['f error', 'g'].map(line));
  view.sync();
  assert.deepEqual(texts(view), ['c error', 'e error', 'f error']);
  assert.equal(buffer.size - view.size, 2);
});

test('lines that arrived and fell off between two syncs are never shown', () => {
  const buffer = new LogBuffer(2);
  const view = new FilteredLog(buffer, filter('x'));
  buffer.append(['x1', 'x2', 'x3', 'y'].map(line));
  view.sync();
  assert.deepEqual(texts(view), ['x3']);
});

test('a cleared buffer (a new query) starts the view again', () => {
  const buffer = new LogBuffer(10);
  buffer.append(['x old', 'y'].map(line));
  const view = new FilteredLog(buffer, filter('x'));
  buffer.clear();
  buffer.append(['x new', 'x newer', 'z'].map(line));
  view.sync();
  assert.deepEqual(texts(view), ['x new', 'x newer']);
});

test('a paused view ends where it was: countBefore counts kept lines by sequence number', () => {
  const buffer = new LogBuffer(4);
  buffer.append(['x0', 'y1', 'x2'].map(line));
  const view = new FilteredLog(buffer, filter('x'));
  const pausedAt = buffer.total;
  buffer.append(['x3', 'x4'].map(line));
  view.sync();
  // x0 fell off; of x2, x3, x4 only x2 came before the pause.
  assert.equal(view.countBefore(pausedAt), 1);
  assert.equal(buffer.countBefore(pausedAt), 2);
});

test('search inside the filtered view finds kept lines only, wrapping around', () => {
  const buffer = new LogBuffer(10);
  buffer.append(['error a', 'info needle', 'error needle', 'error b'].map(line));
  const view = new FilteredLog(buffer, filter('error'));
  assert.equal(view.find('needle', 0, 1), 1);
  assert.equal(view.find('needle', 2, 1), 1);
  assert.equal(view.find('info', 0, 1), undefined);
});

test('a long flood keeps the view bounded by the ring', () => {
  const buffer = new LogBuffer(100);
  const view = new FilteredLog(buffer, filter('!noise'));
  for (let i = 0; i < 200; i++) {
    buffer.append(Array.from({ length: 100 }, (_, j) => line(j % 10 === 0 ? `signal ${i}.${j}` : 'noise')));
    view.sync();
  }
  assert.equal(view.size, 10);
  assert.equal(view.at(9)!.text, 'signal 199.90');
  assert.equal(view.hidden, 90);
});
