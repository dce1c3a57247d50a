/** The attach session's detach keys: ctrl-p ctrl-q (even split across reads), ctrl-c only when nothing reads the keys. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detachKeys } from '../../src/kube/exec/attach.ts';

test('ctrl-p ctrl-q detaches, also across two reads; a lone ctrl-p is passed on; ctrl-c goes to a container that reads stdin', () => {
  const keys = detachKeys(true);
  assert.deepEqual(keys(Buffer.from('ls\r')), { forward: Buffer.from('ls\r'), detach: false });
  assert.deepEqual(keys(Buffer.from('\x03')), { forward: Buffer.from('\x03'), detach: false });
  assert.deepEqual(keys(Buffer.from('a\x10')), { forward: Buffer.from('a'), detach: false });
  // The ctrl-p held from the last read, then this read's ctrl-p and x.
  assert.deepEqual(keys(Buffer.from('\x10x')), { forward: Buffer.from('\x10\x10x'), detach: false });
  assert.deepEqual(keys(Buffer.from('b\x10')), { forward: Buffer.from('b'), detach: false });
  assert.deepEqual(keys(Buffer.from('\x11')), { forward: Buffer.from(''), detach: true });
});

test('ctrl-c detaches when the container reads no stdin', () => {
  assert.deepEqual(detachKeys(false)(Buffer.from('x\x03y')), { forward: Buffer.from('x'), detach: true });
});
