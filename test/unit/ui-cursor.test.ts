import { test } from 'node:test';
import assert from 'node:assert/strict';
import { followCursor, moveCursor } from '../../src/ui/table/cursor.ts';

test('moveCursor stays inside the table', () => {
  assert.equal(moveCursor(0, 'up', 10, 5), 0);
  assert.equal(moveCursor(9, 'down', 10, 5), 9);
  assert.equal(moveCursor(2, 'pageDown', 10, 5), 7);
  assert.equal(moveCursor(7, 'pageDown', 10, 5), 9);
  assert.equal(moveCursor(3, 'pageUp', 10, 5), 0);
  assert.equal(moveCursor(4, 'end', 10, 5), 9);
  assert.equal(moveCursor(4, 'home', 10, 5), 0);
  assert.equal(moveCursor(4, 'down', 0, 5), 0);
});

test('followCursor keeps the same object selected when rows move around it', () => {
  assert.equal(followCursor(['a', 'b', 'c'], 'b', 1), 1, 'unchanged');
  assert.equal(followCursor(['x', 'a', 'b', 'c'], 'b', 1), 2, 'a row was inserted above');
  assert.equal(followCursor(['c', 'b', 'a'], 'b', 0), 1, 're-sorted');
  assert.equal(followCursor(['a', 'c'], 'b', 1), 1, 'the object is gone: same position');
  assert.equal(followCursor(['a'], 'b', 5), 0, 'clamped to the new length');
  assert.equal(followCursor([], 'b', 3), 0);
});
