import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGoDuration } from '../../../src/logs/go-duration.ts';

test('parseGoDuration reads what Go time.ParseDuration reads', () => {
  const ms = (text: string): number | undefined => {
    const r = parseGoDuration(text);
    return r.ok ? r.ms : undefined;
  };
  assert.equal(ms('5m'), 300_000);
  assert.equal(ms('1h30m'), 5_400_000);
  assert.equal(ms('1.5h'), 5_400_000);
  assert.equal(ms('300ms'), 300);
  assert.equal(ms('.5s'), 500);
  assert.equal(ms('10s'), 10_000);
  assert.equal(ms('0'), 0);
  assert.equal(ms('-2s'), -2000);
  assert.equal(ms('1500us'), 1.5);
});

test('parseGoDuration says what is wrong in Go words', () => {
  const message = (text: string): string | undefined => {
    const r = parseGoDuration(text);
    return r.ok ? undefined : r.message;
  };
  assert.equal(message('5x'), 'time: unknown unit "x" in duration "5x"');
  assert.equal(message('5'), 'time: missing unit in duration "5"');
  assert.equal(message('abc'), 'time: invalid duration "abc"');
  assert.equal(message(''), 'time: invalid duration ""');
  assert.equal(message('m'), 'time: invalid duration "m"');
});
