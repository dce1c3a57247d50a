import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../src/kube/object.ts';
import { startListWatch, type ListWatchHandle, type ListWatchOptions } from '../../src/kube/list-watch.ts';
import { firstPageSize } from '../../src/kube/list-pager.ts';
import { openDemo, type DemoFixture } from '../support/kube-demo.ts';
import { RecordingSink } from '../support/recording-sink.ts';
import { waitFor } from '../support/wait-for.ts';

const podsRef = { group: '', plural: 'pods' };
const configMapsRef = { group: '', plural: 'configmaps' };
const podsInfo = { group: '', version: 'v1', plural: 'pods', kind: 'Pod', namespaced: true };

let demo: DemoFixture;
const streams: ListWatchHandle[] = [];

before(async () => {
  demo = await openDemo();
});
after(async () => {
  for (const s of streams) s.stop();
  await demo.close();
});

function pod(namespace: string, name: string, labels: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, uid: '', labels },
    spec: { containers: [{ name: 'main', image: 'busybox' }] },
  };
}

function start(sink: RecordingSink, opts: Partial<ListWatchOptions> = {}): ListWatchHandle {
  const handle = startListWatch({ client: demo.session.client, resource: podsInfo, backoff: { baseMs: 20, maxMs: 200 }, ...opts }, sink);
  streams.push(handle);
  return handle;
}

test('the initial list is paged (a screenful first, then full pages): rows reach the sink page by page with totals, and the count is exact', { timeout: 20_000 }, async () => {
  for (let i = 0; i < 2300; i++) demo.server.store.create(podsRef, pod('paging', `p-${String(i).padStart(4, '0')}`));
  const sink = new RecordingSink();
  const stream = start(sink, { namespace: 'paging', pageSize: 500 });
  await sink.until('live', () => sink.last?.phase === 'live');
  stream.stop();
  assert.equal(sink.objects.size, 2300);
  assert.equal(stream.stats().pages, 6);
  const syncing = sink.states.filter((s) => s.phase === 'syncing' && s.loaded > 0);
  assert.deepEqual(
    syncing.map((s) => (s.phase === 'syncing' ? [s.loaded, s.total] : [])),
    [
      [100, 2300],
      [600, 2300],
      [1100, 2300],
      [1600, 2300],
      [2100, 2300],
      [2300, 2300],
    ],
  );
  // The first page is in the sink (and announced) while 2,200 objects are still to come.
  const firstState = sink.calls.findIndex((c) => c.call === 'state' && c.state.phase === 'syncing' && c.state.loaded === 100);
  assert.equal(sink.calls.slice(0, firstState).filter((c) => c.call === 'upsert').length, 100);
  const order = sink.calls.filter((c) => c.call !== 'state' && c.call !== 'upsert').map((c) => c.call);
  assert.deepEqual(order, ['beginSync', 'endSync']);
  assert.ok(sink.calls.findIndex((c) => c.call === 'beginSync') < sink.calls.findIndex((c) => c.call === 'upsert'));
});

test('an expired continue token mid-list falls back to one unpaged list, with an exact result', { timeout: 20_000 }, async () => {
  for (let i = 0; i < 1200; i++) demo.server.store.create(podsRef, pod('expire', `e-${i}`));
  const sink = new RecordingSink();
  let compacted = false;
  const compacting = Object.assign(sink, {
    state(this: RecordingSink, st: Parameters<RecordingSink['state']>[0]) {
      RecordingSink.prototype.state.call(this, st);
      // After the first page, forget history: the next continue token is now too old.
      if (!compacted && st.phase === 'syncing' && st.loaded === firstPageSize) {
        compacted = true;
        demo.server.store.delete(podsRef, 'expire', 'e-1199', { gracePeriodSeconds: 0 });
        demo.server.compact();
      }
    },
  });
  const stream = start(compacting, { namespace: 'expire', pageSize: 500 });
  await sink.until('live', () => sink.last?.phase === 'live');
  assert.ok(compacted);
  assert.equal(stream.stats().lists, 2);
  assert.equal(stream.stats().pages, 2, 'one page, then one unpaged list');
  assert.equal(sink.objects.size, 1199);
  assert.equal(sink.objects.has('expire/e-1199'), false);
  assert.deepEqual(
    sink.calls.filter((c) => c.call === 'beginSync' || c.call === 'endSync').map((c) => c.call),
    ['beginSync', 'beginSync', 'endSync'],
  );
  stream.stop();
});

test('watch events reach the sink; bookmarks only move the resume resourceVersion', { timeout: 20_000 }, async () => {
  const sink = new RecordingSink();
  const stream = start(sink, { namespace: 'watched' });
  await sink.until('live', () => sink.last?.phase === 'live');
  demo.server.store.create(podsRef, pod('watched', 'w1'));
  demo.server.store.create(podsRef, pod('elsewhere', 'not-mine'));
  await sink.until('w1 added', () => sink.objects.has('watched/w1'));
  demo.server.store.mutate(podsRef, 'watched', 'w1', (d) => {
    d.metadata.labels = { changed: 'yes' };
  });
  await sink.until('w1 modified', () => sink.objects.get('watched/w1')?.metadata.labels?.['changed'] === 'yes');
  demo.server.store.delete(podsRef, 'watched', 'w1', { gracePeriodSeconds: 0 });
  await sink.until('w1 removed', () => !sink.objects.has('watched/w1'));
  assert.equal(sink.objects.has('elsewhere/not-mine'), false);
  assert.equal(String(stream.resourceVersion()), String(demo.server.store.currentResourceVersion()));
  stream.stop();
});

test('bookmarks advance the resume point without touching the sink', { timeout: 20_000 }, async () => {
  const local = await openDemo({ bookmarkIntervalMs: 50 });
  try {
    const sink = new RecordingSink();
    const stream = startListWatch({ client: local.session.client, resource: podsInfo }, sink);
    await sink.until('live', () => sink.last?.phase === 'live');
    const before = stream.resourceVersion();
    const callsBefore = sink.calls.length;
    for (let i = 0; i < 5; i++) local.server.store.create(configMapsRef, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm${i}`, namespace: 'x', uid: '' } });
    const target = String(local.server.store.currentResourceVersion());
    await waitFor('a bookmark at the new resourceVersion', () => stream.resourceVersion() === target);
    assert.notEqual(before, target);
    assert.equal(sink.calls.length, callsBefore, 'a bookmark is not an object');
    stream.stop();
  } finally {
    await local.close();
  }
});

test('a watch the server ends normally is resumed without a re-list', { timeout: 20_000 }, async () => {
  const sink = new RecordingSink();
  const stream = start(sink, { namespace: 'resume', watchTimeoutSeconds: 1 });
  await sink.until('live', () => sink.last?.phase === 'live');
  await waitFor('a second watch', () => stream.stats().watches >= 2);
  demo.server.store.create(podsRef, pod('resume', 'after-timeout'));
  await sink.until('event after resume', () => sink.objects.has('resume/after-timeout'));
  assert.equal(stream.stats().lists, 1);
  assert.deepEqual(
    sink.states.map((s) => s.phase).filter((p) => p === 'reconnecting'),
    [],
  );
  stream.stop();
});

test('after the server drops every connection the stream reconnects and resumes from its resourceVersion', { timeout: 20_000 }, async () => {
  const sink = new RecordingSink();
  const stream = start(sink, { namespace: 'drop', random: () => 0.5 });
  await sink.until('live', () => sink.last?.phase === 'live');
  demo.server.dropConnections();
  // Synchronous store changes land before the stream can possibly be back.
  demo.server.store.create(podsRef, pod('drop', 'while-down'));
  await sink.until('reconnecting', () => sink.last?.phase === 'reconnecting');
  const reconnecting = sink.last;
  assert.ok(reconnecting?.phase === 'reconnecting' && reconnecting.attempt === 1 && reconnecting.reason.length > 0);
  await sink.until('live again', () => sink.last?.phase === 'live');
  await sink.until('missed event', () => sink.objects.has('drop/while-down'));
  demo.server.store.create(podsRef, pod('drop', 'after'));
  await sink.until('new event', () => sink.objects.has('drop/after'));
  assert.equal(stream.stats().lists, 1, 'resumed, not re-listed');
  stream.stop();
});

test('410 Gone after compaction while disconnected: a full re-list with no ghost or duplicate rows', { timeout: 20_000 }, async () => {
  for (let i = 0; i < 30; i++) demo.server.store.create(podsRef, pod('gone', `g${i}`));
  const sink = new RecordingSink();
  const stream = start(sink, { namespace: 'gone', pageSize: 7 });
  await sink.until('live', () => sink.last?.phase === 'live');
  assert.equal(sink.objects.size, 30);
  demo.server.dropConnections();
  for (let i = 0; i < 10; i++) demo.server.store.delete(podsRef, 'gone', `g${i}`, { gracePeriodSeconds: 0 });
  demo.server.store.create(podsRef, pod('gone', 'fresh'));
  demo.server.compact();
  await sink.until('second sync', () => sink.syncs === 2);
  await sink.until('live', () => sink.last?.phase === 'live');
  const expected = demo.server.store
    .list(podsRef, 'gone')
    .map((o) => `gone/${o.metadata.name}`)
    .sort();
  assert.deepEqual([...sink.objects.keys()].sort(), expected);
  assert.equal(expected.length, 21);
  const lastBegin = sink.calls.map((c) => c.call).lastIndexOf('beginSync');
  const upserts = sink.calls
    .slice(lastBegin)
    .filter((c) => c.call === 'upsert')
    .map((c) => (c.call === 'upsert' ? c.key : ''));
  assert.equal(new Set(upserts).size, upserts.length, 'no object delivered twice in the re-list');
  assert.ok(stream.stats().relists >= 1);
  stream.stop();
});

test('a silent (stalled) watch is detected and re-opened from the last resourceVersion', { timeout: 20_000 }, async () => {
  const sink = new RecordingSink();
  const stream = start(sink, { namespace: 'stall', stallTimeoutMs: 300 });
  await sink.until('live', () => sink.last?.phase === 'live');
  const watchesBefore = stream.stats().watches;
  demo.server.stallWatches(true);
  try {
    demo.server.store.create(podsRef, pod('stall', 'held-back'));
    await waitFor('stall detected', () => stream.stats().stalls >= 1 && stream.stats().watches > watchesBefore);
    assert.equal(sink.objects.has('stall/held-back'), false, 'the stalled server sent nothing');
  } finally {
    demo.server.stallWatches(false);
  }
  await sink.until('event after the stall', () => sink.objects.has('stall/held-back'));
  assert.equal(stream.stats().lists, 1);
  stream.stop();
});

test('label and field selectors narrow the stream', { timeout: 20_000 }, async () => {
  demo.server.store.create(podsRef, pod('sel', 'a', { app: 'web' }));
  demo.server.store.create(podsRef, pod('sel', 'b', { app: 'db' }));
  const sink = new RecordingSink();
  const stream = start(sink, { namespace: 'sel', labelSelector: 'app=web' });
  await sink.until('live', () => sink.last?.phase === 'live');
  assert.deepEqual([...sink.objects.keys()], ['sel/a']);
  stream.stop();
  const byName = new RecordingSink();
  const s2 = start(byName, { fieldSelector: 'metadata.name=b,metadata.namespace=sel' });
  await byName.until('live', () => byName.last?.phase === 'live');
  assert.deepEqual([...byName.objects.keys()], ['sel/b']);
  s2.stop();
});
