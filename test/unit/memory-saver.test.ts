import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getHeapStatistics } from 'node:v8';
import { saveMemory } from '../../src/cli/memory-saver.ts';

test('the memory saver is asked for only where V8 knows it (V8 13+, Node 24), and Node takes it', () => {
  assert.equal(saveMemory('12.4.254.21-node.33'), false, "Node 22's V8 would print an unknown-flag warning");
  assert.equal(saveMemory(process.versions.v8), Number(process.versions.v8.split('.')[0]) >= 13);
  // The process goes on working after the flag changed at run time.
  assert.ok(getHeapStatistics().used_heap_size > 0);
});
