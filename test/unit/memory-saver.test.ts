import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getHeapStatistics } from 'node:v8';
import { saveMemory } from '../../src/cli/memory-saver.ts';

test('the memory saver is asked for only where V8 knows it (V8 13+, Node 24), Node takes it and lets it go', () => {
  assert.equal(saveMemory('12.4.254.21-node.33'), undefined, "Node 22's V8 would print an unknown-flag warning");
  const stop = saveMemory(process.versions.v8);
  assert.equal(stop !== undefined, Number(process.versions.v8.split('.')[0]) >= 13);
  // The process goes on working after the flag changed at run time, both ways.
  assert.ok(getHeapStatistics().used_heap_size > 0);
  stop?.();
  stop?.();
  const garbage = Array.from({ length: 100_000 }, (_, i) => ({ i, s: `row ${i}` }));
  assert.equal(garbage.length, 100_000);
  assert.ok(getHeapStatistics().used_heap_size > 0);
});
