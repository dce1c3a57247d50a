import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { KubeConfig, Watch } from '@kubernetes/client-node';
import type { KubeObject, KubeTable, WatchEvent } from '../../src/kube/object.ts';
import { api } from '../support/demo-http.ts';
import { pod } from '../support/demo-fixtures.ts';
import { startDemoSetup, type DemoSetup } from '../support/demo-server-setup.ts';

let demo: DemoSetup;
const pods = { group: '', plural: 'pods' };

before(async () => {
  demo = await startDemoSetup({ bookmarkIntervalMs: 50, compactionWindow: 50 });
});
after(() => demo.close());

/** Opens a raw watch and collects its events; `until` decides when to stop reading. */
async function watch(path: string, until: (events: WatchEvent[]) => boolean, accept?: string): Promise<{ events: WatchEvent[]; ended: boolean }> {
  const controller = new AbortController();
  const res = await fetch(demo.server.url + path, { headers: { authorization: `Bearer ${demo.server.token}`, ...(accept ? { accept } : {}) }, signal: controller.signal });
  assert.equal(res.status, 200);
  const events: WatchEvent[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  let ended = true;
  const reader = res.body!.getReader() as ReadableStreamDefaultReader<Uint8Array>;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      events.push(JSON.parse(buffer.slice(0, nl)) as WatchEvent);
      buffer = buffer.slice(nl + 1);
    }
    if (until(events)) {
      ended = false;
      controller.abort();
      break;
    }
  }
  return { events, ended };
}

const names = (events: WatchEvent[]) => events.map((e) => `${e.type}:${(e.object as KubeObject).metadata?.name ?? ''}`);

test('a watch without resourceVersion starts with ADDED for every object, then live changes', async () => {
  demo.server.store.create(pods, pod('default', 'w-a'));
  demo.server.store.create(pods, pod('default', 'w-b'));
  const done = watch('/api/v1/namespaces/default/pods?watch=true', (ev) => ev.length >= 4);
  setTimeout(() => {
    demo.server.store.mutate(pods, 'default', 'w-a', (p) => {
      p.metadata.labels = { changed: 'yes' };
    });
    demo.server.store.delete(pods, 'default', 'w-b', { gracePeriodSeconds: 0 });
  }, 50);
  const { events } = await done;
  assert.deepEqual(names(events), ['ADDED:w-a', 'ADDED:w-b', 'MODIFIED:w-a', 'DELETED:w-b']);
  const deleted = events[3]?.object as KubeObject;
  assert.equal(deleted.metadata.resourceVersion, String(demo.server.store.currentResourceVersion()), 'a DELETED event carries the deletion revision');
});

test('resuming from a resourceVersion sends only later changes; selectors filter', async () => {
  const rv = demo.server.store.currentResourceVersion();
  demo.server.store.create(pods, pod('default', 'w-c', { labels: { pick: 'me' } }));
  demo.server.store.create(pods, pod('default', 'w-d', { labels: { pick: 'no' } }));
  demo.server.store.create(pods, pod('kube-system', 'w-e', { labels: { pick: 'me' } }));
  const all = await watch(`/api/v1/pods?watch=1&resourceVersion=${rv}`, (ev) => ev.length >= 3);
  assert.deepEqual(names(all.events), ['ADDED:w-c', 'ADDED:w-d', 'ADDED:w-e']);
  const picked = await watch(`/api/v1/pods?watch=1&resourceVersion=${rv}&labelSelector=pick%3Dme`, (ev) => ev.length >= 2);
  assert.deepEqual(names(picked.events), ['ADDED:w-c', 'ADDED:w-e']);
  const legacy = await watch(`/api/v1/watch/namespaces/kube-system/pods?resourceVersion=${rv}`, (ev) => ev.length >= 1);
  assert.deepEqual(names(legacy.events), ['ADDED:w-e']);
});

test('a resourceVersion older than the kept history gets one ERROR event with 410 Expired, then the stream ends', async () => {
  const rv = demo.server.store.currentResourceVersion();
  demo.server.store.create(pods, pod('default', 'w-f'));
  demo.server.compact();
  const { events, ended } = await watch(`/api/v1/pods?watch=true&resourceVersion=${rv}`, () => false);
  assert.equal(ended, true);
  assert.equal(events.length, 1);
  assert.equal(events[0]?.type, 'ERROR');
  assert.deepEqual([events[0]?.object.kind, (events[0]?.object as { code: number }).code, (events[0]?.object as { reason: string }).reason], ['Status', 410, 'Expired']);
  // The window also expires on its own after `compactionWindow` changes.
  const rv2 = demo.server.store.currentResourceVersion();
  for (let i = 0; i < 60; i++) demo.server.store.create(pods, pod('kube-system', `churn-${i}`));
  const old = await watch(`/api/v1/pods?watch=true&resourceVersion=${rv2}`, () => false);
  assert.equal((old.events[0]?.object as { code: number }).code, 410);
});

test('bookmarks arrive when asked for, carrying only the resourceVersion', async () => {
  const rv = demo.server.store.currentResourceVersion();
  const { events } = await watch(`/api/v1/pods?watch=true&resourceVersion=${rv}&allowWatchBookmarks=true`, (ev) => ev.some((e) => e.type === 'BOOKMARK'));
  const bm = events.find((e) => e.type === 'BOOKMARK')?.object as KubeObject;
  assert.deepEqual(Object.keys(bm).sort(), ['apiVersion', 'kind', 'metadata']);
  assert.equal(bm.kind, 'Pod');
  assert.equal(bm.metadata.resourceVersion, String(rv));
});

test('timeoutSeconds ends the watch cleanly', async () => {
  const { ended } = await watch(`/api/v1/pods?watch=true&resourceVersion=${demo.server.store.currentResourceVersion()}&timeoutSeconds=1`, () => false);
  assert.equal(ended, true);
});

test('as=Table lists and watches: columns once, one row per event, PartialObjectMetadata rows', async () => {
  const accept = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';
  const list = await api<KubeTable>(demo.server, '/api/v1/namespaces/default/pods?limit=2', { accept });
  assert.equal(list.body.kind, 'Table');
  assert.deepEqual(
    list.body.columnDefinitions.map((c) => c.name),
    ['Name', 'Ready', 'Status', 'Restarts', 'Age', 'IP', 'Node', 'Nominated Node', 'Readiness Gates'],
  );
  assert.equal(list.body.columnDefinitions.find((c) => c.name === 'IP')?.priority, 1);
  assert.equal(list.body.rows.length, 2);
  assert.ok(list.body.metadata.continue);
  const row = list.body.rows[0]!;
  assert.equal(row.object?.kind, 'PartialObjectMetadata');
  assert.ok(row.object?.metadata.uid);
  assert.deepEqual(row.cells.slice(1, 4), ['1/1', 'Running', '0']);
  assert.match(String(row.cells[4]), /^\d+(s|m)/);
  const rv = demo.server.store.currentResourceVersion();
  demo.server.store.create(pods, pod('default', 't-1'));
  demo.server.store.create(pods, pod('default', 't-2'));
  const { events } = await watch(`/api/v1/namespaces/default/pods?watch=true&resourceVersion=${rv}`, (ev) => ev.length >= 2, 'application/json;v=v1;g=meta.k8s.io;as=Table');
  const t1 = events[0]?.object as unknown as KubeTable;
  const t2 = events[1]?.object as unknown as KubeTable;
  assert.equal(t1.kind, 'Table');
  assert.equal(t1.columnDefinitions.length, 9);
  assert.equal(t2.columnDefinitions, null, 'later events leave headers out, like the real server');
  assert.equal(t2.rows[0]?.cells[0], 't-2');
  const none = await api<KubeTable>(demo.server, '/api/v1/namespaces/default/pods/t-1?includeObject=None', { accept });
  assert.equal(none.body.rows[0]?.object, undefined);
  const deflt = await api<KubeTable>(demo.server, '/api/v1/configmaps', { accept });
  assert.deepEqual(
    deflt.body.columnDefinitions.map((c) => c.name),
    ['Name', 'Data', 'Age'],
  );
  const fallback = await api<KubeTable>(demo.server, '/apis/rbac.authorization.k8s.io/v1/clusterroles', { accept });
  assert.deepEqual(
    fallback.body.columnDefinitions.map((c) => c.name),
    ['Name', 'Created At'],
  );
});

test('client-node Watch streams through the kubeconfig (https)', async () => {
  const kc = new KubeConfig();
  kc.loadFromFile(demo.kubeconfig);
  const seen: string[] = [];
  const rv = String(demo.server.store.currentResourceVersion());
  await new Promise<void>((resolve, reject) => {
    void new Watch(kc)
      .watch(
        '/api/v1/namespaces/default/pods',
        { resourceVersion: rv },
        (type, obj: KubeObject) => {
          seen.push(`${type}:${obj.metadata.name}`);
          if (seen.length === 1) resolve();
        },
        (err: unknown) => (err ? reject(err as Error) : undefined),
      )
      .then((ctl) => {
        demo.server.store.create(pods, pod('default', 'via-client-node'));
        setTimeout(() => ctl.abort(), 1000);
      });
  });
  assert.deepEqual(seen, ['ADDED:via-client-node']);
});

test('stallWatches holds events back and dropConnections cuts every watch', async () => {
  const rv = demo.server.store.currentResourceVersion();
  demo.server.stallWatches(true);
  const got: WatchEvent[] = [];
  const pending = watch(`/api/v1/pods?watch=true&resourceVersion=${rv}&allowWatchBookmarks=true`, (ev) => {
    got.splice(0, got.length, ...ev);
    return false;
  });
  demo.server.store.create(pods, pod('default', 'stalled'));
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(got.length, 0, 'nothing, not even bookmarks, while stalled');
  demo.server.stallWatches(false);
  await new Promise((r) => setTimeout(r, 100));
  assert.ok(names(got).includes('ADDED:stalled'));
  demo.server.dropConnections();
  const outcome = await pending.then(
    () => 'ended cleanly',
    () => 'cut off',
  );
  assert.equal(outcome, 'cut off');
  const after = await api(demo.server, '/version');
  assert.equal(after.status, 200, 'the server still accepts new connections');
});
