/**
 * Store benchmark: 50,000 pods through the cache (initial list, then a stream of updates), with
 * heap use and the cost of the views a table asks for. Prints figures; asserts nothing.
 * Run: node --expose-gc --import tsx bench/store-bench.ts [pods]
 */
import type { KubeObject } from '../src/kube/object.ts';
import { ManualScheduler } from '../src/store/manual-scheduler.ts';
import { ObjectCache } from '../src/store/object-cache.ts';

const N = Number(process.argv[2] ?? 50_000);
const NAMESPACES = 50;
const gc = (globalThis as { gc?: () => void }).gc;

function pod(i: number, rv: number, restarts = 0): KubeObject {
  const ns = `team-${i % NAMESPACES}`;
  const app = `app-${i % 500}`;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${app}-7d9c5b7f4-${i.toString(36).padStart(5, '0')}`,
      namespace: ns,
      uid: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      resourceVersion: String(rv),
      creationTimestamp: '2024-05-14T10:00:00Z',
      labels: { app, 'pod-template-hash': '7d9c5b7f4', tier: i % 2 ? 'frontend' : 'backend' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${app}-7d9c5b7f4`, uid: `rs-${ns}-${app}`, controller: true }],
    },
    spec: {
      nodeName: `node-${i % 200}`,
      containers: [
        { name: 'app', image: 'ghcr.io/acme/app:1.0.0' },
        { name: 'proxy', image: 'envoyproxy/envoy:v1.29.1' },
      ],
    },
    status: {
      phase: 'Running',
      podIP: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      conditions: [{ type: 'Ready', status: 'True' }],
      containerStatuses: [
        {
          name: 'app',
          ready: true,
          restartCount: restarts,
          state: { running: { startedAt: '2024-05-14T10:00:05Z' } },
          lastState: restarts ? { terminated: { exitCode: 1, reason: 'Error', finishedAt: '2024-05-14T10:20:00Z' } } : {},
        },
        { name: 'proxy', ready: true, restartCount: 0, state: { running: { startedAt: '2024-05-14T10:00:05Z' } } },
      ],
    },
  };
}

function heapMb(): number {
  gc?.();
  return process.memoryUsage().heapUsed / 1e6;
}

function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const out = fn();
  return [out, performance.now() - t];
}

const clock = new ManualScheduler(Date.parse('2024-05-14T10:30:00Z'));
const before = heapMb();
const cache = new ObjectCache({ scheduler: clock });
const sink = cache.sinkFor('pods');

const objects = Array.from({ length: N }, (_, i) => pod(i, 1));
const [, listMs] = time(() => {
  sink.beginSync();
  for (const o of objects) sink.upsert(o);
  sink.endSync();
});
objects.length = 0;
const after = heapMb();

const EVENTS = 100_000;
const updates = Array.from({ length: EVENTS }, (_, k) => pod((k * 7919) % N, 2 + k, 1 + (k % 5)));
const [, updMs] = time(() => {
  for (const o of updates) sink.upsert(o);
});
const [, frameMs] = time(() => clock.advance(20));
const [view, viewMs] = time(() => cache.rows('pods'));
const [, nsViewMs] = time(() => cache.rows('pods', { namespace: 'team-7' }));
const [, sortMs] = time(() => cache.rows('pods', { sortBy: 4, descending: true }));
const [, textSortMs] = time(() => cache.rows('pods', { sortBy: 1 }));
const svc = { matchLabels: { app: 'app-42', tier: 'backend' } };
const [matched, selMs] = time(() => cache.podsMatching('team-42', svc));
const [onNode, nodeMs] = time(() => cache.podsOnNode('node-7'));
const [, resyncMs] = time(() => {
  sink.beginSync();
  for (const o of updates.slice(0, 1000)) sink.upsert(o);
  sink.endSync();
});

const rows: [string, string][] = [
  ['pods', N.toLocaleString('en')],
  ['initial list (upsert + project + index)', `${listMs.toFixed(0)} ms, ${Math.round(N / (listMs / 1000)).toLocaleString('en')} objects/s`],
  ['heap for the cache', `${(after - before).toFixed(1)} MB (${(((after - before) * 1e6) / N).toFixed(0)} B/pod)${gc ? '' : ' (run with --expose-gc for a steadier figure)'}`],
  ['watch updates', `${Math.round(EVENTS / (updMs / 1000)).toLocaleString('en')} events/s (${((updMs * 1000) / EVENTS).toFixed(1)} µs each)`],
  ['publish one frame', `${frameMs.toFixed(2)} ms`],
  ['default view (ns/name order)', `${viewMs.toFixed(1)} ms for ${view.length.toLocaleString('en')} rows`],
  ['one namespace view', `${nsViewMs.toFixed(1)} ms`],
  ['sorted by RESTARTS (numeric)', `${sortMs.toFixed(1)} ms`],
  ['sorted by NAME (text)', `${textSortMs.toFixed(1)} ms`],
  ['Service → Pods selector', `${selMs.toFixed(2)} ms (${matched.length} pods)`],
  ['Node → Pods', `${nodeMs.toFixed(2)} ms (${onNode.length} pods)`],
  ['re-list keeping 1,000 of them', `${resyncMs.toFixed(0)} ms (${cache.rows('pods', { includeDeleted: false }).length} rows left)`],
];
const w = Math.max(...rows.map(([k]) => k.length));
for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
cache.dispose();
