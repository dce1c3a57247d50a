/**
 * The heap one cache of 10,000 pod rows holds: two caches are built from the same list (the
 * demo's pods, parsed afresh each time), and the second one's growth of the heap is the figure.
 * Strings both caches share (interned, or short ones JSON.parse shares) are counted once, in the
 * first: so the figure is a row's own weight. Run:
 *   node --expose-gc --import tsx bench/row-memory.ts
 */
import { startDemoApiServer } from '../src/demo/server/index.ts';
import { startScenario } from '../src/demo/scenario/index.ts';
import { ObjectCache } from '../src/store/object-cache.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const server = await startDemoApiServer({ metrics: false });
const scenario = startScenario(server.store, { extraPods: 10_000, churn: false });
// The store's own objects, as a list answer would carry them.
const text = JSON.stringify(server.store.list({ group: '', plural: 'pods' }));
scenario.stop();
await server.close();

const build = (): ObjectCache => {
  const cache = new ObjectCache();
  for (const o of JSON.parse(text) as Parameters<ObjectCache['upsert']>[1][]) cache.upsert('pods', o, false);
  cache.flush();
  return cache;
};
const started = performance.now();
const first = build();
const ms = performance.now() - started;
gc();
gc();
const base = process.memoryUsage().heapUsed;
const second = build();
gc();
gc();
const grown = process.memoryUsage().heapUsed - base;
const rows = second.rows('pods').length;
console.log(`${rows} pod rows: ${(grown / rows).toFixed(0)} B of heap a row, ${(grown / 1e6).toFixed(1)} MB in all; the first build took ${ms.toFixed(0)} ms`);
void first;
