import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join, dirname } from 'node:path';
import { ClusterConnection } from '../../src/kube/cluster-connection.ts';
import { KxError } from '../../src/kube/errors.ts';
import { loadKubeconfig } from '../../src/kube/kubeconfig.ts';
import { startListWatch } from '../../src/kube/list-watch.ts';
import { openSession } from '../../src/kube/session.ts';
import type { KubeSession } from '../../src/kube/session.ts';
import { openDemo, type DemoFixture } from '../support/kube-demo.ts';
import { RecordingSink } from '../support/recording-sink.ts';

const nsRef = { group: '', plural: 'namespaces' };
const ns = (name: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, uid: '' } });
const podsInfo = { group: '', version: 'v1', plural: 'pods', kind: 'Pod', namespaced: true };

let a: DemoFixture;
let b: DemoFixture;
let merged: string;

before(async () => {
  a = await openDemo({ namespace: 'team-a' });
  b = await openDemo();
  for (const name of ['default', 'team-a']) a.server.store.create(nsRef, ns(name));
  for (const name of ['default', 'blue', 'green']) b.server.store.create(nsRef, ns(name));
  // B's kubeconfig under other names, so that the merge keeps both clusters.
  const other = join(dirname(b.kubeconfig), 'other');
  writeFileSync(other, readFileSync(b.kubeconfig, 'utf8').replaceAll('kx-demo', 'other'));
  merged = [a.kubeconfig, other].join(delimiter);
});
after(async () => {
  await a.close();
  await b.close();
});

test('namespaces come from the API; an unknown one is one clear sentence', { timeout: 20_000 }, async () => {
  assert.deepEqual(await b.session.listNamespaces(), ['blue', 'default', 'green']);
  await b.session.checkNamespace('blue');
  await assert.rejects(b.session.checkNamespace('nope'), (err: unknown) => {
    assert.ok(err instanceof KxError);
    assert.equal(err.kind, 'config');
    assert.equal(err.message, 'namespace "nope" not found in context "kx-demo"');
    return true;
  });
});

test("the context's namespace is the default; -n overrides it", { timeout: 20_000 }, async () => {
  assert.equal(a.session.namespace, 'team-a');
  assert.equal(a.session.namespaceSource, 'context');
  const s = await openSession(loadKubeconfig({ kubeconfig: a.kubeconfig }), { namespace: 'default' });
  try {
    assert.equal(s.namespace, 'default');
    assert.equal(s.namespaceSource, 'flag');
  } finally {
    await s.close();
  }
});

test('ClusterConnection switches context and namespace at runtime and tells subscribers', { timeout: 20_000 }, async () => {
  const conn = await ClusterConnection.open({ env: { KUBECONFIG: merged } });
  const seen: KubeSession[] = [];
  conn.subscribe((s) => seen.push(s));
  try {
    assert.deepEqual(
      conn.contexts().map((c) => [c.name, c.current]),
      [
        ['kx-demo', true],
        ['other', false],
      ],
    );
    assert.deepEqual(await conn.session.listNamespaces(), ['default', 'team-a']);
    await conn.useContext('other');
    assert.equal(conn.session.context.name, 'other');
    assert.equal(conn.session.namespace, 'default');
    assert.deepEqual(await conn.session.listNamespaces(), ['blue', 'default', 'green']);
    assert.deepEqual(
      conn.contexts().map((c) => [c.name, c.current]),
      [
        ['kx-demo', false],
        ['other', true],
      ],
    );
    await assert.rejects(conn.useNamespace('nope'), /namespace "nope" not found in context "other"/);
    await conn.useNamespace('green');
    assert.equal(conn.session.namespace, 'green');
    assert.deepEqual(
      seen.map((s) => `${s.context.name}/${s.namespace}`),
      ['other/default', 'other/green'],
    );
    await assert.rejects(conn.useContext('x'), /context "x" not found in kubeconfig; known contexts: kx-demo, other/);
    assert.equal(conn.session.context.name, 'other', 'a failed switch keeps the current session');
  } finally {
    await conn.close();
  }
});

test('a wrong token: requests say "You must be logged in", streams fail with that reason', { timeout: 20_000 }, async () => {
  const bad = join(dirname(a.kubeconfig), 'bad-token');
  const wrongToken = 'wrong-token-abcdefghijklmnop';
  writeFileSync(bad, readFileSync(a.kubeconfig, 'utf8').replace(a.server.token, wrongToken));
  const session = await openSession(loadKubeconfig({ kubeconfig: bad }));
  const sink = new RecordingSink();
  const stream = startListWatch({ client: session.client, resource: podsInfo }, sink);
  try {
    await assert.rejects(session.client.get('/api/v1/pods'), (err: unknown) => {
      assert.ok(err instanceof KxError);
      assert.equal(err.kind, 'unauthorized');
      assert.equal(err.code, 401);
      assert.equal(err.message, 'You must be logged in to the server (Unauthorized)');
      return true;
    });
    await sink.until('failed', () => sink.last?.phase === 'failed');
    assert.deepEqual(sink.last, { phase: 'failed', reason: 'You must be logged in to the server (Unauthorized)' });
    const text = JSON.stringify(sink.states);
    assert.ok(!text.includes(wrongToken) && !text.includes(a.server.token));
    // retry() tries again (and fails again, with the same sentence).
    const before = sink.states.length;
    stream.retry();
    await sink.until('failed again', () => sink.states.length > before + 1 && sink.last?.phase === 'failed');
  } finally {
    stream.stop();
    await session.close();
  }
});

test('a removed resource (404) fails the stream instead of retrying forever', { timeout: 20_000 }, async () => {
  const sink = new RecordingSink();
  const stream = startListWatch({ client: a.session.client, resource: { group: 'gone.example.com', version: 'v1', plural: 'things', kind: 'Thing', namespaced: true } }, sink);
  try {
    await sink.until('failed', () => sink.last?.phase === 'failed');
    const last = sink.last;
    assert.ok(last?.phase === 'failed');
    assert.match(last.reason, /^Error from server \(NotFound\): /);
  } finally {
    stream.stop();
  }
});
