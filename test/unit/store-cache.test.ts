import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { KubeList, KubeObject } from '../../src/kube/object.ts';
import { ManualScheduler } from '../../src/store/manual-scheduler.ts';
import { ObjectCache } from '../../src/store/object-cache.ts';

const T0 = Date.parse('2024-05-14T10:30:00Z');

function pod(name: string, ns: string, rv: string, uid = `uid-${ns}-${name}`, labels: Record<string, string> = { app: name }): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, uid, resourceVersion: rv, creationTimestamp: '2024-05-14T10:00:00Z', labels },
    spec: { containers: [{ name: 'c', image: 'nginx' }], nodeName: 'node-a' },
    status: { phase: 'Running', containerStatuses: [{ name: 'c', ready: true, restartCount: 0, state: { running: {} } }] },
  };
}

function setup(): { cache: ObjectCache; clock: ManualScheduler } {
  const clock = new ManualScheduler(T0);
  return { cache: new ObjectCache({ scheduler: clock }), clock };
}

const names = (cache: ObjectCache, ns?: string): string[] => cache.rows('pods', { namespace: ns, includeDeleted: false }).map((r) => `${r.namespace}/${r.name}`);

test('a list projects fixtures into rows keyed by uid and by namespace/name', () => {
  const { cache } = setup();
  const list = JSON.parse(readFileSync(new URL('../fixtures/objects/pods.json', import.meta.url), 'utf8')) as KubeList;
  const sink = cache.sinkFor('pods');
  sink.beginSync();
  for (const o of list.items) sink.upsert(o);
  sink.endSync();
  assert.equal(cache.rows('pods').length, list.items.length);
  const first = list.items[0]!;
  const byUid = cache.row(first.metadata.uid)!;
  assert.equal(byUid.name, first.metadata.name);
  assert.equal(cache.rowByName('pods', 'shop', first.metadata.name), byUid);
  assert.equal(cache.rowByName('pods', 'shop', 'nope'), undefined);
  // kubectl order: namespace, then name
  assert.deepEqual(names(cache).slice(0, 3), ['ml/gated-batch-1', 'ml/ml-train-0', 'ops/backup-28597140-q8z4n']);
  assert.deepEqual(names(cache, 'ops'), ['ops/backup-28597140-q8z4n', 'ops/etl-runner-9k2l3', 'ops/report-fail-x7c2d']);
  assert.equal(cache.kindOf('pods').resourceKey, 'pods');
});

test('a re-list after 410 removes objects it no longer lists: no ghosts', () => {
  const { cache, clock } = setup();
  const sink = cache.sinkFor('pods');
  sink.beginSync();
  for (const n of ['a', 'b', 'c']) sink.upsert(pod(n, 'ns', '1'));
  sink.endSync();
  sink.beginSync();
  sink.upsert(pod('a', 'ns', '1'));
  sink.upsert(pod('c', 'ns', '5'));
  sink.endSync();
  assert.deepEqual(names(cache), ['ns/a', 'ns/c']);
  assert.equal(cache.row('uid-ns-b'), undefined);
  // The vanished row flashes as deleted, then goes.
  assert.deepEqual(
    cache.rows('pods').map((r) => r.name),
    ['a', 'b', 'c'],
  );
  assert.equal(cache.markOf('uid-ns-b')?.kind, 'deleted');
  assert.equal(cache.markOf('uid-ns-c')?.kind, 'changed');
  assert.equal(cache.markOf('uid-ns-a'), undefined, 'an unchanged resourceVersion is not a change');
  clock.advance(1100);
  assert.deepEqual(
    cache.rows('pods').map((r) => r.name),
    ['a', 'c'],
  );
  assert.equal(cache.markOf('uid-ns-c'), undefined);
});

test('a restarted list (beginSync twice) still ends with exactly the listed rows', () => {
  const { cache } = setup();
  const sink = cache.sinkFor('pods');
  sink.beginSync();
  sink.upsert(pod('a', 'ns', '1'));
  sink.upsert(pod('b', 'ns', '1'));
  sink.beginSync(); // the list failed mid-way and started again
  sink.upsert(pod('b', 'ns', '2'));
  sink.endSync();
  assert.deepEqual(names(cache), ['ns/b']);
});

test('the same name with a new uid replaces the old row: no duplicates', () => {
  const { cache } = setup();
  const sink = cache.sinkFor('pods');
  sink.beginSync();
  sink.upsert(pod('web-0', 'ns', '1', 'old-uid'));
  sink.endSync();
  sink.upsert(pod('web-0', 'ns', '9', 'new-uid'));
  assert.deepEqual(names(cache), ['ns/web-0']);
  assert.equal(cache.row('old-uid'), undefined);
  assert.equal(cache.rowByName('pods', 'ns', 'web-0')?.uid, 'new-uid');
  sink.upsert(pod('web-0', 'ns', '10', 'new-uid'));
  assert.equal(cache.rows('pods').length, 1);
});

test('a namespace stream re-list only prunes its own namespace', () => {
  const { cache } = setup();
  const all = cache.sinkFor('pods');
  all.beginSync();
  all.upsert(pod('x', 'one', '1'));
  all.upsert(pod('y', 'two', '1'));
  all.endSync();
  const one = cache.sinkFor('pods', { namespace: 'one' });
  one.beginSync();
  one.endSync();
  assert.deepEqual(names(cache), ['two/y']);
});

test('watch DELETED removes by uid, or by name when the uid is unknown', () => {
  const { cache } = setup();
  const sink = cache.sinkFor('pods');
  sink.beginSync();
  sink.upsert(pod('a', 'ns', '1'));
  sink.upsert(pod('b', 'ns', '1'));
  sink.endSync();
  sink.remove(pod('a', 'ns', '2'));
  sink.remove({ ...pod('b', 'ns', '2'), metadata: { name: 'b', namespace: 'ns', uid: '' } });
  assert.deepEqual(names(cache), []);
});

test('stream states are kept per stream for the status line', () => {
  const { cache, clock } = setup();
  const sink = cache.sinkFor('pods', { namespace: 'shop' });
  sink.state({ phase: 'syncing', loaded: 500, total: 2000 });
  clock.advance(200);
  assert.deepEqual(cache.getSnapshot().streams.get('pods@shop'), { phase: 'syncing', loaded: 500, total: 2000 });
  assert.deepEqual(cache.streamState('pods', 'shop'), { phase: 'syncing', loaded: 500, total: 2000 });
  cache.release('pods', 'shop');
  clock.advance(200);
  assert.equal(cache.streamState('pods', 'shop'), undefined);
});

test('a stream state is the one published with the rows: live before the listed rows are out is not yet live', () => {
  const { cache, clock } = setup();
  const sink = cache.sinkFor('pods', { namespace: 'shop' });
  sink.state({ phase: 'syncing', loaded: 0 });
  clock.advance(200);
  sink.beginSync();
  sink.upsert(pod('a', 'shop', '1'));
  sink.endSync();
  sink.state({ phase: 'live', since: T0 });
  // Nothing published yet: a view sees the rows and the state of the last frame, together.
  assert.deepEqual(cache.streamState('pods', 'shop'), { phase: 'syncing', loaded: 0 });
  clock.advance(200);
  assert.deepEqual(cache.streamState('pods', 'shop'), { phase: 'live', since: T0 });
  assert.equal(cache.getSnapshot().streams.get('pods@shop')?.phase, 'live');
});

test('table-mode streams use the server columns and re-project rows when they change', () => {
  const { cache } = setup();
  const sink = cache.sinkFor('crontabs.stable.example.com', { kind: 'CronTab', namespaced: true });
  const defs = [
    { name: 'Name', type: 'string', format: 'name' },
    { name: 'Spec', type: 'string' },
  ];
  const meta = { name: 'n1', namespace: 'shop', uid: 'ct-1', resourceVersion: '7', creationTimestamp: '2024-05-14T10:00:00Z' };
  sink.beginSync();
  sink.columns?.(defs);
  sink.upsert({ apiVersion: 'stable.example.com/v1', kind: 'CronTab', metadata: meta, cells: ['n1', '* * * * *'] });
  sink.endSync();
  assert.deepEqual(
    cache.columnsOf('crontabs.stable.example.com').map((c) => c.name),
    ['NAMESPACE', 'NAME', 'SPEC'],
  );
  assert.deepEqual(cache.rows('crontabs.stable.example.com')[0]!.cells, ['shop', 'n1', '* * * * *']);
  sink.beginSync();
  sink.columns?.([...defs, { name: 'Replicas', type: 'integer' }]);
  sink.upsert({ apiVersion: 'stable.example.com/v1', kind: 'CronTab', metadata: meta, cells: ['n1', '* * * * *', 3] });
  sink.endSync();
  assert.deepEqual(cache.rows('crontabs.stable.example.com')[0]!.cells, ['shop', 'n1', '* * * * *', '3']);
});
