import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ResumePoint, splitTimestamp, timestampKey } from '../../../src/logs/log-timestamp.ts';

test('splitTimestamp separates the server timestamp from the text, keeping blank and spaced text', () => {
  assert.deepEqual(splitTimestamp('2024-05-01T10:00:00.123456789Z hello world'), { timestamp: '2024-05-01T10:00:00.123456789Z', text: 'hello world' });
  assert.deepEqual(splitTimestamp('2024-05-01T10:00:00Z '), { timestamp: '2024-05-01T10:00:00Z', text: '' });
  assert.deepEqual(splitTimestamp('2024-05-01T10:00:00Z   indented'), { timestamp: '2024-05-01T10:00:00Z', text: '  indented' });
  assert.deepEqual(splitTimestamp('2024-05-01T10:00:00Z'), { timestamp: '2024-05-01T10:00:00Z', text: '' });
  assert.deepEqual(splitTimestamp('no timestamp here at all'), { timestamp: '', text: 'no timestamp here at all' });
});

test('timestampKey orders instants whatever the fraction and zone', () => {
  const keys = ['2024-05-01T10:00:04.9Z', '2024-05-01T10:00:05Z', '2024-05-01T10:00:05.000000001Z', '2024-05-01T12:00:05.5+02:00'].map(timestampKey);
  assert.deepEqual(keys, ['2024-05-01T10:00:04.900000000', '2024-05-01T10:00:05.000000000', '2024-05-01T10:00:05.000000001', '2024-05-01T10:00:05.500000000']);
  assert.equal(timestampKey('yesterday'), undefined);
});

test('ResumePoint drops what a resumed stream sends again, including lines at the same instant', () => {
  const point = new ResumePoint();
  for (const ts of ['2024-05-01T10:00:00.1Z', '2024-05-01T10:00:01Z', '2024-05-01T10:00:01Z']) assert.equal(point.accept(ts), true);
  assert.equal(point.lastTimestamp, '2024-05-01T10:00:01Z');
  point.beginResume();
  // The server rounded sinceTime down to the second and also wrote the instant with zeros.
  assert.equal(point.accept('2024-05-01T10:00:00.1Z'), false, 'older line dropped');
  assert.equal(point.accept('2024-05-01T10:00:01Z'), false, 'first line at the instant was delivered before');
  assert.equal(point.accept('2024-05-01T10:00:01.000Z'), false, 'second one too, written differently');
  assert.equal(point.accept('2024-05-01T10:00:01Z'), true, 'a third line at that instant is new');
  assert.equal(point.accept('2024-05-01T10:00:02Z'), true);
  assert.equal(point.accept('2024-05-01T10:00:00.5Z'), true, 'past the resume point nothing is filtered any more');
});

test('ResumePoint with nothing delivered filters nothing', () => {
  const point = new ResumePoint();
  point.beginResume();
  assert.equal(point.accept('2024-05-01T10:00:00Z'), true);
  assert.equal(point.accept(''), true);
});
