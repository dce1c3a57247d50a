import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../src/kube/object.ts';
import { ManualScheduler } from '../../src/store/manual-scheduler.ts';
import { ObjectCache } from '../../src/store/object-cache.ts';

function pod(i: number, rv: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `p-${i}`, namespace: 'ns', uid: `u-${i}`, resourceVersion: String(rv), labels: { app: 'a' } },
    spec: { containers: [{ name: 'c', image: 'i' }] },
    status: { phase: 'Running' },
  };
}

function setup(): { cache: ObjectCache; clock: ManualScheduler; publishes: number[] } {
  const clock = new ManualScheduler(1_000_000);
  const cache = new ObjectCache({ scheduler: clock });
  const publishes: number[] = [];
  cache.subscribe(() => publishes.push(clock.now()));
  return { cache, clock, publishes };
}

test('a burst of 1,000 events gives one publish, promptly after idle', () => {
  const { cache, clock, publishes } = setup();
  const sink = cache.sinkFor('pods');
  for (let i = 0; i < 1000; i++) sink.upsert(pod(i, 1));
  assert.equal(publishes.length, 0, 'nothing is published synchronously');
  clock.advance(16);
  assert.equal(publishes.length, 1);
  assert.equal(publishes[0], 1_000_016);
  assert.equal(cache.getSnapshot().resources.get('pods')?.count, 1000);
  clock.advance(5000);
  assert.equal(publishes.length, 1, 'no further frames without further changes');
});

test('sustained events publish at most ~10 times a second', () => {
  const { cache, clock, publishes } = setup();
  const sink = cache.sinkFor('pods');
  // 500 events a second for 3 seconds, one every 2 ms.
  for (let t = 0; t < 3000; t += 2) {
    sink.upsert(pod(t % 200, t + 2));
    clock.advance(2);
  }
  const during = publishes.filter((p) => p < 1_003_000).length;
  assert.ok(during <= 31, `${during} publishes in 3 s`);
  assert.ok(during >= 25, `${during} publishes in 3 s: frames keep coming while events do`);
  for (let i = 1; i < publishes.length; i++) assert.ok(publishes[i]! - publishes[i - 1]! >= 100, 'frames are at least 100 ms apart');
});

test('snapshot identity changes only when something changed', () => {
  const { cache, clock } = setup();
  const first = cache.getSnapshot();
  assert.equal(cache.getSnapshot(), first);
  const sink = cache.sinkFor('pods');
  sink.beginSync();
  sink.upsert(pod(1, 1));
  sink.endSync();
  assert.equal(cache.getSnapshot(), first, 'unchanged until the frame publishes');
  clock.advance(20);
  const second = cache.getSnapshot();
  assert.notEqual(second, first);
  assert.equal(second.frame, first.frame + 1);
  const podsView = second.resources.get('pods')!;
  // Repeating an object with the same resourceVersion is not a change: no new snapshot.
  sink.upsert(pod(1, 1));
  clock.advance(500);
  assert.equal(cache.getSnapshot(), second);
  // A change to another resource keeps the pods entry's identity.
  const deps = cache.sinkFor('deployments.apps');
  deps.upsert({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'ns', uid: 'd1', resourceVersion: '1' } });
  clock.advance(200);
  const third = cache.getSnapshot();
  assert.notEqual(third, second);
  assert.equal(third.resources.get('pods'), podsView);
  assert.notEqual(third.resources.get('deployments.apps'), undefined);
});

test('views are memoised per resource version, so renders between changes are free', () => {
  const { cache } = setup();
  const sink = cache.sinkFor('pods');
  for (let i = 0; i < 10; i++) sink.upsert(pod(i, 1));
  const a = cache.rows('pods');
  assert.equal(cache.rows('pods'), a);
  assert.ok(Object.isFrozen(a));
  sink.upsert(pod(3, 2));
  const b = cache.rows('pods');
  assert.notEqual(b, a);
  assert.equal(a.length, 10, 'an earlier view is not mutated');
});

test('change marks: none for the first sync, then added / changed / deleted for about a second', () => {
  const { cache, clock } = setup();
  const sink = cache.sinkFor('pods');
  sink.beginSync();
  sink.upsert(pod(1, 1));
  sink.upsert(pod(2, 1));
  sink.endSync();
  assert.equal(cache.markOf('u-1'), undefined);
  sink.upsert(pod(3, 1));
  sink.upsert(pod(1, 2));
  sink.remove(pod(2, 3));
  assert.equal(cache.markOf('u-3')?.kind, 'added');
  assert.equal(cache.markOf('u-1')?.kind, 'changed');
  assert.equal(cache.markOf('u-2')?.kind, 'deleted');
  assert.deepEqual(
    cache.rows('pods').map((r) => r.name),
    ['p-1', 'p-2', 'p-3'],
    'the deleted row still shows',
  );
  assert.equal(cache.row('u-2'), undefined, 'but it is gone from the keys and indexes');
  const frames = cache.getSnapshot().frame;
  clock.advance(1001);
  assert.equal(cache.markOf('u-3'), undefined);
  assert.deepEqual(
    cache.rows('pods').map((r) => r.name),
    ['p-1', 'p-3'],
  );
  assert.ok(cache.getSnapshot().frame > frames, 'a frame is published when flashes end');
});

test('dispose leaves no timers behind', () => {
  const { cache, clock } = setup();
  cache.sinkFor('pods').upsert(pod(1, 1));
  cache.dispose();
  assert.equal(clock.pending, 0);
});
