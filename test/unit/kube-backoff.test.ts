import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffCeiling, backoffDelay, sleep } from '../../src/kube/backoff.ts';

test('the ceiling doubles from base and stops at max', () => {
  const opts = { baseMs: 100, maxMs: 1000 };
  assert.deepEqual(
    [1, 2, 3, 4, 5, 6, 50].map((a) => backoffCeiling(a, opts)),
    [100, 200, 400, 800, 1000, 1000, 1000],
  );
  assert.equal(backoffCeiling(1), 500);
  assert.equal(backoffCeiling(100), 30_000);
});

test('full jitter spans [0, ceiling] and nothing outside it', () => {
  const opts = { baseMs: 100, maxMs: 1000 };
  assert.equal(backoffDelay(3, { ...opts, random: () => 0 }), 0);
  assert.equal(backoffDelay(3, { ...opts, random: () => 0.999999 }), 400);
  assert.equal(backoffDelay(9, { ...opts, random: () => 0.5 }), 500);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < 2000; i++) {
    const d = backoffDelay(4, opts);
    min = Math.min(min, d);
    max = Math.max(max, d);
  }
  assert.ok(min >= 0 && max <= 800, `${min}..${max}`);
  assert.ok(max - min > 400, 'delays are spread out, not fixed');
});

test('sleep ends early when aborted and leaves no timer', async () => {
  const ac = new AbortController();
  const started = Date.now();
  const done = sleep(60_000, ac.signal);
  ac.abort();
  await done;
  assert.ok(Date.now() - started < 1000);
});
