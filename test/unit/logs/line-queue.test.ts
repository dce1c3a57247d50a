import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineQueue } from '../../../src/logs/line-queue.ts';

test('block mode: a full queue makes push return a promise that settles when the consumer takes a batch', async () => {
  const queue = new LineQueue<number>({ capacity: 3 });
  assert.equal(queue.push(1), undefined);
  assert.equal(queue.push(2), undefined);
  const wait = queue.push(3);
  assert.ok(wait instanceof Promise, 'the third item fills the queue');
  let released = false;
  void wait.then(() => (released = true));
  await new Promise((r) => setImmediate(r));
  assert.equal(released, false, 'still blocked before the consumer takes');
  assert.deepEqual(await queue.take(), [1, 2, 3]);
  await wait;
  assert.equal(released, true);
  assert.equal(queue.dropped, 0);
});

test('drop-oldest mode never blocks, keeps the newest items and counts the dropped ones', async () => {
  const queue = new LineQueue<number>({ capacity: 3, overflow: 'drop-oldest' });
  for (let i = 1; i <= 10; i++) assert.equal(queue.push(i), undefined);
  assert.equal(queue.size, 3);
  assert.equal(queue.dropped, 7);
  assert.deepEqual(await queue.take(), [8, 9, 10]);
});

test('a waiting consumer gets everything pushed in the same turn as one batch', async () => {
  const queue = new LineQueue<number>();
  const batch = queue.take();
  for (let i = 0; i < 100; i++) void queue.push(i);
  assert.equal((await batch)?.length, 100);
});

test('close hands over the rest, then undefined; close(error) rejects after the rest', async () => {
  const queue = new LineQueue<string>();
  void queue.push('a');
  queue.close();
  assert.deepEqual(await queue.take(), ['a']);
  assert.equal(await queue.take(), undefined);
  assert.equal(queue.push('late'), undefined);

  const failing = new LineQueue<string>();
  void failing.push('b');
  failing.close(new Error('gone'));
  assert.deepEqual(await failing.take(), ['b']);
  await assert.rejects(failing.take(), /gone/);

  const waiting = new LineQueue<string>();
  const pending = waiting.take();
  waiting.close(new Error('failed while waiting'));
  await assert.rejects(pending, /failed while waiting/);
});

test('close releases producers blocked on a full queue', async () => {
  const queue = new LineQueue<number>({ capacity: 1 });
  const wait = queue.push(1);
  assert.ok(wait);
  queue.close();
  await wait;
});
