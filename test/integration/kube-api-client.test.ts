import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { tableAccept } from '../../src/kube/api-client.ts';
import { KxError } from '../../src/kube/errors.ts';
import type { KubeObject, KubeTable } from '../../src/kube/object.ts';
import { openDemo, type DemoFixture } from '../support/kube-demo.ts';

let demo: DemoFixture;
before(async () => {
  demo = await openDemo();
  demo.server.store.create({ group: '', plural: 'namespaces' }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', uid: '' } });
});
after(async () => {
  await demo.close();
});

const path = '/apis/apps/v1/namespaces/shop/deployments';
const deployment = (name: string): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'shop', uid: '', labels: { app: name } },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'nginx:1' }] } },
    futureField: { kept: true },
  },
});

function kxError(kind: KxError['kind'], message?: string | RegExp) {
  return (err: unknown): boolean => {
    assert.ok(err instanceof KxError, String(err));
    assert.equal(err.kind, kind);
    if (typeof message === 'string') assert.equal(err.message, message);
    else if (message) assert.match(err.message, message);
    return true;
  };
}

test('POST, GET, the three patch types and DELETE, raw JSON in and out', { timeout: 20_000 }, async () => {
  const { client } = demo.session;
  const created = await client.post<KubeObject>(path, deployment('web'));
  assert.ok(created.metadata.uid);
  const got = await client.get<KubeObject>(`${path}/web`);
  assert.deepEqual((got.spec as { futureField?: unknown }).futureField, { kept: true }, 'fields unknown to client-node survive');

  const merged = await client.patch<KubeObject>(`${path}/web`, 'merge', { spec: { replicas: 3 } });
  assert.equal((merged.spec as { replicas: number }).replicas, 3);
  // Strategic merge: containers merge by name instead of being replaced.
  const strategic = await client.patch<KubeObject>(`${path}/web`, 'strategic', {
    spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:2' }] } } },
  });
  const containers = (strategic.spec as { template: { spec: { containers: { name: string; image: string }[] } } }).template.spec.containers;
  assert.deepEqual(
    containers.map((c) => `${c.name}=${c.image}`),
    ['web=nginx:2'],
  );
  const jsonPatched = await client.patch<KubeObject>(`${path}/web`, 'json', [{ op: 'replace', path: '/spec/replicas', value: 5 }]);
  assert.equal((jsonPatched.spec as { replicas: number }).replicas, 5);

  await client.delete(`${path}/web`);
  await assert.rejects(client.get(`${path}/web`), kxError('notFound', 'Error from server (NotFound): deployments.apps "web" not found'));
});

test("server errors keep kubectl's wording (409 AlreadyExists)", { timeout: 20_000 }, async () => {
  const { client } = demo.session;
  await client.post(path, deployment('twice'));
  await assert.rejects(client.post(path, deployment('twice')), kxError('conflict', /^Error from server \(AlreadyExists\): deployments\.apps "twice" already exists$/));
});

test('a custom Accept gets a server-side Table', { timeout: 20_000 }, async () => {
  const table = await demo.session.client.get<KubeTable>(path, { accept: tableAccept });
  assert.equal(table.kind, 'Table');
  assert.ok(table.columnDefinitions.some((c) => c.name === 'Ready'));
  assert.ok(table.rows.some((r) => r.cells[0] === 'twice'));
});

test('an aborted request rejects with kind "aborted"', { timeout: 20_000 }, async () => {
  const ac = new AbortController();
  ac.abort();
  await assert.rejects(demo.session.client.get('/api/v1/pods', { signal: ac.signal }), kxError('aborted'));
});

test('a stream that gets no bytes ends with a timeout error naming the silence', { timeout: 20_000 }, async () => {
  demo.server.stallWatches(true);
  try {
    const lines = await demo.session.client.stream('/api/v1/pods', { query: { watch: 'true' }, idleTimeoutMs: 200 });
    await assert.rejects(
      (async () => {
        for await (const _ of lines) void _;
      })(),
      kxError('timeout', 'no data from the server for 200 ms'),
    );
  } finally {
    demo.server.stallWatches(false);
  }
});

test('a request that does not finish in time rejects with kind "timeout"', { timeout: 20_000 }, async () => {
  demo.server.stallWatches(true);
  try {
    // A watch never ends by itself, so its body is a reliable way to make a request too slow.
    await assert.rejects(demo.session.client.get('/api/v1/pods', { query: { watch: 'true' }, timeoutMs: 200 }), kxError('timeout', 'the request timed out after 200 ms (GET /api/v1/pods)'));
  } finally {
    demo.server.stallWatches(false);
  }
});
