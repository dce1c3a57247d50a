import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { openLineStream, splitLines } from '../../src/kube/line-stream.ts';

test('splitLines keeps the unfinished rest, skips empty lines and cuts a trailing CR', () => {
  assert.deepEqual(splitLines('a\r\n\nb\nhalf'), { lines: ['a', 'b'], rest: 'half' });
  assert.deepEqual(splitLines('no newline yet'), { lines: [], rest: 'no newline yet' });
  assert.deepEqual(splitLines('x\n'), { lines: ['x'], rest: '' });
  assert.deepEqual(splitLines('\r\n'), { lines: [], rest: '' });
});

test('a line stream hands over the lines of each chunk in order, across chunk and UTF-8 boundaries', async () => {
  const bytes = new TextEncoder().encode('eins\nzwei ü\r\n\ndrei\nvier (no newline)');
  // Cut inside "ü" (two bytes) and inside words, so lines and characters span chunks.
  const cuts = [3, 11, 12, 20, bytes.length];
  let from = 0;
  const body = Readable.from(
    cuts.map((to) => Buffer.from(bytes.slice(from, (from = to)))),
    { objectMode: false },
  );
  const batches: string[][] = [];
  for await (const batch of openLineStream(body, new AbortController().signal)) batches.push(batch);
  assert.deepEqual(batches.flat(), ['eins', 'zwei ü', 'drei', 'vier (no newline)']);
  assert.ok(
    batches.every((b) => b.length > 0),
    'no empty batch',
  );
});
