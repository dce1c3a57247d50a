import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatCount, streamStateText, streamStateTone } from '../../src/ui/status-text.ts';

test('stream states read as a person expects on the status line', () => {
  const now = 1_000_000;
  assert.equal(streamStateText({ phase: 'syncing', loaded: 3400, total: 10000 }, now), 'syncing 3,400 of 10,000');
  assert.equal(streamStateText({ phase: 'syncing', loaded: 500 }, now), 'syncing 500…');
  assert.equal(streamStateText({ phase: 'live', since: now }, now), 'live');
  assert.equal(streamStateText({ phase: 'reconnecting', since: now - 12_400, attempt: 3, reason: 'connection reset' }, now), 'reconnecting for 12 s: connection reset');
  assert.equal(streamStateText({ phase: 'forbidden', message: 'cannot list pods' }, now), 'forbidden: cannot list pods');
  assert.equal(streamStateTone({ phase: 'failed', reason: 'x' }), 'error');
  assert.equal(streamStateTone({ phase: 'live', since: 0 }), 'ok');
});

test('counts are grouped in thousands as en-US prints them, without ICU', () => {
  const en = new Intl.NumberFormat('en-US');
  for (const n of [0, 7, 999, 1000, 10_000, 123_456, 1_234_567, 1_000_000_000, -1234, -999]) assert.equal(formatCount(n), en.format(n), String(n));
  assert.equal(formatCount(1.5), '1.5');
});
