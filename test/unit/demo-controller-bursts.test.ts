import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { ScenarioContext } from '../../src/demo/scenario/context.ts';
import { syncJob } from '../../src/demo/scenario/controllers/job.ts';
import { isActive } from '../../src/demo/scenario/controllers/pod-factory.ts';
import { syncReplicaSet } from '../../src/demo/scenario/controllers/replicaset.ts';
import { slowStartBatch } from '../../src/demo/scenario/controllers/slow-start.ts';
import { syncStatefulSet } from '../../src/demo/scenario/controllers/statefulset.ts';
import { R } from '../../src/demo/scenario/refs.ts';
import { MemoryStore, ResourceCatalogue } from '../../src/demo/server/index.ts';
import type { KubeObject } from '../../src/kube/object.ts';

// A controller sync creates or deletes at most 500 pods, then that controller rests (2 s of scenario
// time) before its next burst: the demo used to create every missing pod in one synchronous loop,
// so 2147483647 replicas froze the process until it ran out of memory.

/** A scenario context on a fresh store whose work queue runs only when the test drains it. */
function setup(): { store: MemoryStore; ctx: ScenarioContext } {
  const store = new MemoryStore(new ResourceCatalogue());
  // Speed 1000: the pause between bursts is 2 ms of real time.
  const ctx = new ScenarioContext(store, 1000, 1);
  ctx.queue.hold = true;
  ctx.events.enabled = false;
  store.subscribe((change) => ctx.owners.apply(change));
  store.create(R.namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default', uid: '' } });
  return { store, ctx };
}

const labels = { app: 'big' };
const template = { metadata: { labels }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } };

function workload(kind: string, apiVersion: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion, kind, metadata: { name: 'big', namespace: 'default', uid: '' }, spec: { selector: { matchLabels: labels }, template, ...spec } };
}

/** Waits out the pacer's pause, then runs what it queued. */
async function nextBurst(ctx: ScenarioContext): Promise<void> {
  for (let i = 0; i < 100 && ctx.queue.size() === 0; i++) await sleep(5);
  assert.equal(ctx.queue.size(), 1, 'the resting controller is synced again after the pause');
  ctx.queue.drain();
}

test('slowStartBatch runs batches of 1, 2, 4, … and a batch with a failure is the last', () => {
  const ran: number[] = [];
  assert.equal(
    slowStartBatch(10, (i) => ran.push(i)),
    10,
  );
  assert.deepEqual(ran, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  ran.length = 0;
  assert.throws(
    () =>
      slowStartBatch(100, (i) => {
        ran.push(i);
        if (i === 4) throw new Error('quota exceeded');
      }),
    /quota exceeded/,
  );
  assert.deepEqual(ran, [0, 1, 2, 3, 4, 5, 6], 'the batch 3..6 finishes, no later one starts');
});

test('a ReplicaSet creates at most 500 pods a sync, rests between bursts, and deletes in bursts too', async () => {
  const { store, ctx } = setup();
  ctx.queue.register('ReplicaSet', (ns, name) => syncReplicaSet(ctx, ns, name));
  store.create(R.replicasets, workload('ReplicaSet', 'apps/v1', { replicas: 1234 }));
  const active = () => store.list(R.pods, 'default').filter(isActive).length;
  syncReplicaSet(ctx, 'default', 'big');
  assert.equal(active(), 500);
  syncReplicaSet(ctx, 'default', 'big');
  assert.equal(active(), 500, 'a sync while resting creates nothing');
  await nextBurst(ctx);
  assert.equal(active(), 1000);
  await nextBurst(ctx);
  assert.equal(active(), 1234);
  store.mutate(R.replicasets, 'default', 'big', (rs) => {
    (rs.spec as { replicas: number }).replicas = 0;
  });
  syncReplicaSet(ctx, 'default', 'big');
  assert.equal(active(), 734);
  await nextBurst(ctx);
  await nextBurst(ctx);
  assert.equal(active(), 0);
});

test('a Parallel StatefulSet and a Job are bounded the same way', async () => {
  const { store, ctx } = setup();
  store.create(R.statefulsets, workload('StatefulSet', 'apps/v1', { replicas: 1234, podManagementPolicy: 'Parallel', serviceName: 'big' }));
  syncStatefulSet(ctx, 'default', 'big');
  assert.equal(store.list(R.pods, 'default').length, 500);
  assert.deepEqual(
    store
      .list(R.pods, 'default')
      .map((p) => Number(p.metadata.name.slice(4)))
      .sort((a, b) => a - b)
      .slice(-2),
    [498, 499],
    'the lowest ordinals first',
  );
  const jobs = setup();
  jobs.store.create(R.jobs, workload('Job', 'batch/v1', { parallelism: 1234, completions: 5000 }));
  syncJob(jobs.ctx, 'default', 'big');
  assert.equal(jobs.store.list(R.pods, 'default').length, 500);
});
