import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startDiscovery, type DiscoveryCache } from '../../src/kube/discovery-cache.ts';
import { startListWatch } from '../../src/kube/list-watch.ts';
import type { KubeObject } from '../../src/kube/object.ts';
import type { TableRowObject } from '../../src/kube/stream-types.ts';
import { crdRef, crontabCrd } from '../support/crontab-crd.ts';
import { openDemo, type DemoFixture } from '../support/kube-demo.ts';
import { RecordingSink } from '../support/recording-sink.ts';

const crontabsRef = { group: 'stable.example.com', plural: 'crontabs' };
const crontab = (name: string, spec: string, replicas: number): KubeObject => ({
  apiVersion: 'stable.example.com/v1',
  kind: 'CronTab',
  metadata: { name, namespace: 'jobs', uid: '' },
  spec: { cronSpec: spec, replicas },
});

let demo: DemoFixture;
let discovery: DiscoveryCache;
before(async () => {
  demo = await openDemo();
  demo.server.store.create(crdRef, crontabCrd());
  for (let i = 0; i < 12; i++) demo.server.store.create(crontabsRef, crontab(`c${i}`, `${i} * * * *`, i));
  discovery = await startDiscovery(demo.session.client);
});
after(async () => {
  discovery.stop();
  await demo.close();
});

test("table mode: the CRD's printer columns come first, then rows with cells, paged and watched", { timeout: 20_000 }, async () => {
  const sink = new RecordingSink();
  const stream = startListWatch({ client: demo.session.client, resource: discovery.resolve('ct'), namespace: 'jobs', table: true, pageSize: 5 }, sink);
  try {
    await sink.until('live', () => sink.last?.phase === 'live');
    const names = sink.columnDefs?.map((c) => c.name) ?? [];
    assert.deepEqual(names.slice(0, 4), ['Name', 'Spec', 'Replicas', 'Age']);
    const firstColumns = sink.calls.findIndex((c) => c.call === 'columns');
    const firstRow = sink.calls.findIndex((c) => c.call === 'upsert');
    assert.ok(firstColumns >= 0 && firstColumns < firstRow, 'columns before the first row');
    assert.equal(sink.objects.size, 12);
    assert.equal(stream.stats().pages, 3);
    const c3 = sink.objects.get('jobs/c3') as TableRowObject;
    assert.equal(c3.kind, 'CronTab');
    assert.equal(c3.apiVersion, 'stable.example.com/v1');
    assert.ok(c3.metadata.uid, 'row metadata carries the uid');
    assert.deepEqual(c3.cells.slice(0, 3), ['c3', '3 * * * *', 3]);

    demo.server.store.mutate(crontabsRef, 'jobs', 'c3', (d) => {
      (d.spec as { replicas: number }).replicas = 42;
    });
    await sink.until('modified row', () => (sink.objects.get('jobs/c3') as TableRowObject | undefined)?.cells[2] === 42);
    demo.server.store.create(crontabsRef, crontab('fresh', '@daily', 1));
    await sink.until('added row', () => sink.objects.has('jobs/fresh'));
    assert.deepEqual((sink.objects.get('jobs/fresh') as TableRowObject).cells.slice(0, 3), ['fresh', '@daily', 1]);
    demo.server.store.delete(crontabsRef, 'jobs', 'c0');
    await sink.until('removed row', () => !sink.objects.has('jobs/c0'));
    assert.equal(sink.calls.filter((c) => c.call === 'columns').length, 1, 'unchanged columns are not sent again');
  } finally {
    stream.stop();
  }
});
