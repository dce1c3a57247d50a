/**
 * A stream never says "live" over rows it cannot vouch for: a server that comes back at the same
 * address with another store gets a full re-list (no ghost rows, no missing ones; kubectl is the
 * oracle), a 504 "Too large resource version" gets one too, and a watch that goes silent is shown
 * as stale since its last byte until the server answers again.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeObject } from '../../src/kube/object.ts';
import { startListWatch, type ListWatchHandle } from '../../src/kube/list-watch.ts';
import { loadKubeconfig } from '../../src/kube/kubeconfig.ts';
import { openSession, type KubeSession } from '../../src/kube/session.ts';
import { startDemoApiServer, type DemoServer } from '../../src/demo/server/index.ts';
import { openDemo } from '../support/kube-demo.ts';
import { RecordingSink } from '../support/recording-sink.ts';
import { waitFor } from '../support/wait-for.ts';
import { kubectlOk } from '../support/kubectl.ts';

const podsRef = { group: '', plural: 'pods' };
const podsInfo = { group: '', version: 'v1', plural: 'pods', kind: 'Pod', namespaced: true };
const dir = mkdtempSync(join(tmpdir(), 'kx-trust-'));
const cleanups: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
  rmSync(dir, { recursive: true, force: true });
});

function pod(namespace: string, name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, uid: '' }, spec: { containers: [{ name: 'main', image: 'busybox' }] } };
}

function ns(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, uid: '' } };
}

/** A session through a kubeconfig naming the server's plain-HTTP address, so a new server on the port is the same cluster to kx. */
async function sessionFor(url: string, token: string): Promise<KubeSession> {
  const file = join(dir, `config-${url.replace(/\W/g, '')}`);
  writeFileSync(
    file,
    `apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: ${url}\ncontexts:\n- name: c\n  context:\n    cluster: c\n    user: u\ncurrent-context: c\nusers:\n- name: u\n  user:\n    token: ${token}\n`,
  );
  const session = await openSession(loadKubeconfig({ kubeconfig: file }));
  cleanups.push(() => session.close());
  return session;
}

async function kubectlPods(server: DemoServer, namespace: string): Promise<string[]> {
  const file = join(dir, `kubectl-${Date.now()}`);
  server.writeKubeconfig(file);
  const stdout = await kubectlOk(['get', 'pods', '-n', namespace, '-o', 'jsonpath={.items[*].metadata.name}'], { kubeconfig: file });
  return stdout.split(' ').filter(Boolean).sort();
}

test("a new server with another store at the same address: re-listed, rows equal kubectl's", { timeout: 40_000 }, async () => {
  const token = 'trust-token';
  const first = await startDemoApiServer({ token });
  const port = new URL(first.url).port;
  for (const name of ['default', 'reset']) first.store.create({ group: '', plural: 'namespaces' }, ns(name));
  for (const name of ['old-1', 'old-2', 'old-3', 'kept']) first.store.create(podsRef, pod('reset', name));
  const session = await sessionFor(first.url, token);
  const sink = new RecordingSink();
  const stream: ListWatchHandle = startListWatch({ client: session.client, resource: podsInfo, namespace: 'reset', backoff: { baseMs: 20, maxMs: 200 } }, sink);
  cleanups.push(() => stream.stop());
  await sink.until('live on the first server', () => sink.last?.phase === 'live' && sink.objects.size === 4);
  await first.close();

  // The second server's history runs past the first's resourceVersion, so it accepts the old
  // resourceVersion: only a re-list can tell that old-1..3 are gone and new-1, new-2 exist.
  const second = await startDemoApiServer({ token, port: Number(port) });
  cleanups.push(() => second.close());
  for (const name of ['default', 'reset']) second.store.create({ group: '', plural: 'namespaces' }, ns(name));
  for (let i = 0; i < 50; i++) second.store.create({ group: '', plural: 'configmaps' }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `pad-${i}`, namespace: 'reset', uid: '' } });
  for (const name of ['kept', 'new-1', 'new-2']) second.store.create(podsRef, pod('reset', name));
  const expected = await kubectlPods(second, 'reset');
  assert.deepEqual(expected, ['kept', 'new-1', 'new-2']);
  await waitFor(
    "rows equal kubectl's on the new server",
    () =>
      sink.last?.phase === 'live' &&
      [...sink.objects.keys()]
        .map((k) => k.split('/')[1])
        .sort()
        .join() === expected.join(),
  );
  assert.ok(stream.stats().relists >= 1, 'a full re-list, not a resumed watch');
});

test('504 Too large resource version (a store behind ours): the stream re-lists', { timeout: 20_000 }, async () => {
  // A server that lists fine but answers every watch as a 1.20 apiserver answers a resourceVersion
  // it has not reached.
  let lists = 0;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    res.setHeader('content-type', 'application/json');
    if (url.searchParams.get('watch') === 'true') {
      res.writeHead(504);
      res.end(
        JSON.stringify({
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: 'Too large resource version: 900, current: 12',
          reason: 'Timeout',
          details: { causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }], retryAfterSeconds: 1 },
          code: 504,
        }),
      );
      return;
    }
    if (!url.pathname.endsWith('/pods')) {
      res.writeHead(404);
      res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 }));
      return;
    }
    lists++;
    res.end(JSON.stringify({ kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '900' }, items: [pod('x', `p${lists}`)] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
  const session = await sessionFor(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 't');
  const sink = new RecordingSink();
  const stream = startListWatch({ client: session.client, resource: podsInfo, namespace: 'x', backoff: { baseMs: 20, maxMs: 100 } }, sink);
  cleanups.push(() => stream.stop());
  await waitFor('a second list', () => lists >= 2);
  assert.ok(stream.stats().relists >= 1);
  await sink.until('the re-list replaced the rows', () => !sink.objects.has('x/p1'));
});

test('a silent watch is shown stale since its last byte, then live again when the server speaks', { timeout: 20_000 }, async () => {
  const demo = await openDemo();
  cleanups.push(() => demo.close());
  const sink = new RecordingSink();
  const stream = startListWatch({ client: demo.session.client, resource: podsInfo, namespace: 'quiet', stallTimeoutMs: 400, backoff: { baseMs: 20, maxMs: 200 } }, sink);
  cleanups.push(() => stream.stop());
  await sink.until('live', () => sink.last?.phase === 'live');
  const stalledAt = Date.now();
  demo.server.stallWatches(true);
  await sink.until('stale', () => sink.last?.phase === 'reconnecting');
  const stale = sink.last;
  assert.ok(stale?.phase === 'reconnecting');
  assert.match(stale.reason, /^no data from the server since \d\d:\d\d:\d\d$/);
  assert.ok(stale.since <= stalledAt + 50, 'stale since the last byte, not since it was noticed');
  demo.server.stallWatches(false);
  demo.server.store.create(podsRef, pod('quiet', 'spoken'));
  await sink.until('live again with the new row', () => sink.last?.phase === 'live' && sink.objects.has('quiet/spoken'));
});
