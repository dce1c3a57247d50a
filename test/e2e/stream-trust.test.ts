/**
 * Can kx's list+watch rows be trusted when the path or the store behind a real 1.20 API server
 * changes under it? A frozen network path (no byte, no FIN) must turn the view stale and then live
 * again; a store reset behind the API server (etcd restored from a snapshot, or wiped) must end in
 * a re-list, with no ghost rows and none missing. kubectl 1.32 is the oracle.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import type { ApiClient } from '../../src/kube/api-client.ts';
import { loadKubeconfig } from '../../src/kube/kubeconfig.ts';
import { startListWatch, type ListWatchHandle } from '../../src/kube/list-watch.ts';
import type { ResourceInfo } from '../../src/kube/resource-info.ts';
import { openSession, type KubeSession } from '../../src/kube/session.ts';
import { RecordingSink } from '../support/recording-sink.ts';
import { startControlPlane, type ControlPlane } from './cluster/control-plane.ts';
import { writeKubeconfig } from './cluster/credentials.ts';
import { rawRequest } from './cluster/raw-http.ts';
import { startFreezableProxy, type FreezableProxy } from './support/freezable-proxy.ts';
import { kubectlOk } from './support/kubectl.ts';
import { timeWatch } from './support/watch-timing.ts';

const configmaps: Pick<ResourceInfo, 'group' | 'version' | 'plural' | 'kind' | 'namespaced'> = {
  group: '',
  version: 'v1',
  plural: 'configmaps',
  kind: 'ConfigMap',
  namespaced: true,
};

let cp: ControlPlane;
let proxy: FreezableProxy | undefined;
const sessions: KubeSession[] = [];
const handles: ListWatchHandle[] = [];

before(async () => {
  cp = await startControlPlane({ fakeKubelet: false });
});

after(async () => {
  for (const h of handles) h.stop();
  for (const s of sessions) await s.close();
  await proxy?.close();
  await cp?.stop();
});

async function session(kubeconfig: string): Promise<KubeSession> {
  const s = await openSession(loadKubeconfig({ kubeconfig }));
  sessions.push(s);
  return s;
}

/**
 * The session's client, noting each read of namespace default (kx's store identity check) with
 * its time and outcome, so a test can tell what that check saw.
 */
function noteIdentityReads(client: ApiClient, log: string[]): ApiClient {
  const get: ApiClient['get'] = async (path, opts) => {
    if (path !== '/api/v1/namespaces/default') return client.get(path, opts);
    const at = new Date().toTimeString().slice(0, 8);
    try {
      const ns = await client.get<{ metadata?: { uid?: string } }>(path, opts);
      log.push(`${at} uid ${ns.metadata?.uid ?? '?'}`);
      return ns as never;
    } catch (err) {
      log.push(`${at} ${err instanceof Error ? err.message : String(err)}`);
      throw err;
    }
  };
  return { ...client, get };
}

function stream(s: KubeSession, namespace: string, sink: RecordingSink, opts: { fastBackoff?: boolean; identityLog?: string[] } = {}): ListWatchHandle {
  const client = opts.identityLog ? noteIdentityReads(s.client, opts.identityLog) : s.client;
  const h = startListWatch({ client, resource: configmaps, namespace, ...(opts.fastBackoff ? { backoff: { baseMs: 200, maxMs: 2000 } } : {}) }, sink);
  handles.push(h);
  return h;
}

const kc = (): string => cp.kubeconfigPath;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** kubectl's configmaps in `namespace`, as `configmap/name`, sorted. */
async function kubectlNames(namespace: string): Promise<string[]> {
  const out = await kubectlOk(['get', 'configmaps', '-n', namespace, '-o', 'name'], { kubeconfig: kc() });
  return out.split('\n').filter(Boolean).sort();
}

/** kx's rows in the sink, named like kubectl -o name. */
function kxNames(sink: RecordingSink): string[] {
  return [...sink.objects.values()].map((o) => `configmap/${o.metadata.name}`).sort();
}

/** Polls until kx's rows equal kubectl's (read afresh each time) or `timeoutMs` passes; returns the last of both. */
async function untilRowsMatch(sink: RecordingSink, namespace: string, timeoutMs: number): Promise<{ kx: string[]; kubectl: string[]; ms: number }> {
  const start = Date.now();
  for (;;) {
    const expected = await kubectlNames(namespace);
    const got = kxNames(sink);
    if (JSON.stringify(got) === JSON.stringify(expected) && sink.last?.phase === 'live') return { kx: got, kubectl: expected, ms: Date.now() - start };
    if (Date.now() - start > timeoutMs) return { kx: got, kubectl: expected, ms: Date.now() - start };
    await sleep(500);
  }
}

function reasons(sink: RecordingSink): string[] {
  return sink.states.flatMap((s) => (s.phase === 'reconnecting' ? [s.reason] : []));
}

/** Which of kx's re-list paths fired, told by what the stream reported. */
function relistPath(sink: RecordingSink, h: ListWatchHandle): string {
  if (reasons(sink).some((r) => /Too large resource version/.test(r))) return '504 ResourceVersionTooLarge';
  if (h.stats().relists > 0) return 'identity check (namespace default has another uid)';
  return 'none (no re-list)';
}

/** Whether, after call `from`, the stream said live before a re-list finished (its rows then came from the old store). */
function liveBeforeRelist(sink: RecordingSink, from: number): string {
  const calls = sink.calls.slice(from);
  const live = calls.findIndex((c) => c.call === 'state' && c.state.phase === 'live');
  const synced = calls.findIndex((c) => c.call === 'endSync');
  if (live < 0) return 'never live again';
  return synced >= 0 && synced < live ? 'live only after the re-list' : 'live (resumed watch) before any re-list';
}

/** Stops the API server and etcd, replaces etcd's data (a restored snapshot, or nothing), starts both again on the same addresses. */
async function resetStore(snapshot?: string): Promise<void> {
  await cp.stopApiServer();
  await cp.stopEtcd();
  await cp.resetEtcdData(snapshot);
  await cp.startEtcd();
  await cp.startApiServer();
}

function note(t: TestContext, line: string): void {
  t.diagnostic(line);
  console.log(`# ${line}`);
}

describe('kx list+watch trust on a real 1.20 API server', () => {
  it('a frozen path turns the view stale within 75 s, and it is live again with the changes after thaw', { timeout: 180_000 }, async (t) => {
    const ns = 'stall';
    await kubectlOk(['create', 'namespace', ns], { kubeconfig: kc() });
    await kubectlOk(['create', 'namespace', 'idle'], { kubeconfig: kc() });
    for (const name of ['s1', 's2']) await kubectlOk(['create', 'configmap', name, '-n', ns], { kubeconfig: kc() });

    // Beside it, straight to the server: what does an idle 1.20 watch send, and when?
    const idleRv = (JSON.parse((await rawRequest(`${cp.server}/api/v1/namespaces/idle/configmaps`, { token: cp.adminToken })).body) as { metadata: { resourceVersion: string } }).metadata
      .resourceVersion;
    const idle = timeWatch(`${cp.server}/api/v1/namespaces/idle/configmaps?watch=1&allowWatchBookmarks=true&timeoutSeconds=30&resourceVersion=${idleRv}`, cp.adminToken, 45_000);

    const { port } = new URL(cp.server);
    proxy = await startFreezableProxy({ host: '127.0.0.1', port: Number(port) });
    const proxied = join(cp.dir, 'proxied.kubeconfig');
    writeKubeconfig(proxied, { server: `https://127.0.0.1:${proxy.port}`, user: 'admin', token: cp.adminToken });
    const sink = new RecordingSink();
    // Default stallTimeoutMs, watchTimeoutSeconds and backoff: what a user gets.
    const h = stream(await session(proxied), ns, sink);
    const first = await untilRowsMatch(sink, ns, 20_000);
    assert.deepEqual(first.kx, first.kubectl, 'kx rows before the freeze');

    // Let the watch run a while so the freeze falls at an arbitrary point of its life.
    await sleep(5_000);
    const frozenAt = Date.now();
    proxy.freeze();
    await kubectlOk(['create', 'configmap', 'during-freeze', '-n', ns], { kubeconfig: kc() });
    await kubectlOk(['delete', 'configmap', 's1', '-n', ns], { kubeconfig: kc() });
    await sink.until('the view to turn stale', () => sink.last?.phase === 'reconnecting', 75_000);
    const staleAt = Date.now();
    const stale = sink.last;
    assert.ok(stale?.phase === 'reconnecting');
    note(t, `stale after ${((staleAt - frozenAt) / 1000).toFixed(1)} s of freeze; state ${JSON.stringify(stale)}; last byte ${((frozenAt - stale.since) / 1000).toFixed(1)} s before the freeze`);
    assert.match(stale.reason, /^no data from the server since \d\d:\d\d:\d\d$/);
    assert.ok(stale.since <= frozenAt, 'stale since the last byte, which came before the freeze');
    assert.equal(h.stats().stalls, 1);

    proxy.thaw();
    const thawedAt = Date.now();
    const after = await untilRowsMatch(sink, ns, 60_000);
    note(t, `live again ${((Date.now() - thawedAt) / 1000).toFixed(1)} s after thaw; rows ${after.kx.join(' ')}; stats ${JSON.stringify(h.stats())}`);
    assert.deepEqual(after.kx, after.kubectl, 'kx rows after thaw equal kubectl get configmaps -o name');
    assert.ok(after.kubectl.includes('configmap/during-freeze') && !after.kubectl.includes('configmap/s1'));
    assert.equal(sink.last?.phase, 'live');

    const timing = await idle;
    const bookmark = timing.events.find((e) => e.type === 'BOOKMARK');
    note(
      t,
      `idle 1.20 watch (allowWatchBookmarks, timeoutSeconds=30): status ${timing.status}, headers at ${timing.headersAt} ms, ` +
        `events ${JSON.stringify(timing.events)}, BOOKMARK at ${bookmark ? `${(bookmark.at / 1000).toFixed(1)} s` : 'never'}, ` +
        `closed at ${timing.closedAt === undefined ? 'never (45 s)' : `${(timing.closedAt / 1000).toFixed(1)} s`}`,
    );
    assert.ok(timing.closedAt !== undefined && timing.closedAt < 35_000, 'the server ends a watch at its timeoutSeconds');
  });

  it('re-lists after etcd is restored from a snapshot behind the API server (same namespace uid, older revision)', { timeout: 120_000 }, async (t) => {
    const ns = 'restored';
    await kubectlOk(['create', 'namespace', ns], { kubeconfig: kc() });
    for (const name of ['r1', 'r2']) await kubectlOk(['create', 'configmap', name, '-n', ns], { kubeconfig: kc() });
    const snapshot = join(cp.dir, 'before.db');
    await cp.saveEtcdSnapshot(snapshot);
    const sink = new RecordingSink();
    const identityLog: string[] = [];
    const h = stream(await session(kc()), ns, sink, { fastBackoff: true, identityLog });
    // Changes after the snapshot that kx sees and the restore takes back; enough of them that the
    // restored store needs a while to reach kx's resourceVersion again.
    for (let i = 0; i < 8; i++) await kubectlOk(['create', 'configmap', `after-snapshot-${i}`, '-n', ns], { kubeconfig: kc() });
    await kubectlOk(['delete', 'configmap', 'r2', '-n', ns], { kubeconfig: kc() });
    const seen = await untilRowsMatch(sink, ns, 20_000);
    assert.deepEqual(seen.kx, seen.kubectl, 'kx rows before the restore');
    const ours = h.resourceVersion();
    const listsBefore = h.stats().lists;

    const mark = sink.calls.length;
    await resetStore(snapshot);
    note(t, `API server back at ${new Date().toTimeString().slice(0, 8)}`);
    const storeRev = await cp.etcdRevision();
    note(t, `restored: kx resumes from resourceVersion ${ours}; etcd is back at revision ${storeRev}`);

    // What the 1.20 server answers to the resourceVersion kx holds, which its store has not reached.
    const probeStart = Date.now();
    const list = await rawRequest(`${cp.server}/api/v1/namespaces/${ns}/configmaps?resourceVersion=${ours}`, { token: cp.adminToken });
    note(t, `GET ...configmaps?resourceVersion=${ours} -> ${list.status} after ${Date.now() - probeStart} ms, Retry-After ${String(list.headers['retry-after'])}: ${list.body.trim()}`);
    for (const query of [`limit=1&resourceVersion=${ours}`, `limit=1&resourceVersion=${ours}&resourceVersionMatch=NotOlderThan`, 'limit=1']) {
      const started = Date.now();
      const res = await rawRequest(`${cp.server}/api/v1/namespaces/${ns}/configmaps?${query}`, { token: cp.adminToken });
      const meta = res.status === 200 ? `resourceVersion ${(JSON.parse(res.body) as { metadata: { resourceVersion: string } }).metadata.resourceVersion}` : res.body.trim();
      note(t, `GET ...configmaps?${query} -> ${res.status} after ${Date.now() - started} ms: ${meta}`);
    }
    const watching = rawRequest(`${cp.server}/api/v1/namespaces/${ns}/configmaps?watch=1&allowWatchBookmarks=true&timeoutSeconds=5&resourceVersion=${ours}`, { token: cp.adminToken });

    // Changes after the restore, kubectl-visible.
    await kubectlOk(['create', 'configmap', 'after-restore', '-n', ns], { kubeconfig: kc() });
    await kubectlOk(['delete', 'configmap', 'r1', '-n', ns], { kubeconfig: kc() });
    const watch = await watching;
    note(t, `GET ...configmaps?watch=1&resourceVersion=${ours}&timeoutSeconds=5 (a create and a delete made meanwhile) -> ${watch.status}, body ${JSON.stringify(watch.body)}`);

    const end = await untilRowsMatch(sink, ns, 40_000);
    note(
      t,
      `after the restore: kx ${JSON.stringify(end.kx)} vs kubectl ${JSON.stringify(end.kubectl)} (${(end.ms / 1000).toFixed(1)} s); path: ${relistPath(sink, h)}; stats ${JSON.stringify(h.stats())}; reasons ${JSON.stringify(reasons(sink))}; identity reads ${JSON.stringify(identityLog)}; ${liveBeforeRelist(sink, mark)}`,
    );
    assert.deepEqual(end.kx, end.kubectl, 'kx rows equal kubectl get configmaps -o name after the store was restored (no ghosts, none missing)');
    assert.ok(h.stats().relists > 0 && h.stats().lists > listsBefore, 'the stream re-listed');
  });

  it('re-lists after etcd is wiped behind the API server (a new store at the same address)', { timeout: 120_000 }, async (t) => {
    const ns = 'wiped';
    await kubectlOk(['create', 'namespace', ns], { kubeconfig: kc() });
    for (const name of ['w1', 'w2']) await kubectlOk(['create', 'configmap', name, '-n', ns], { kubeconfig: kc() });
    const sink = new RecordingSink();
    const identityLog: string[] = [];
    const h = stream(await session(kc()), ns, sink, { fastBackoff: true, identityLog });
    const seen = await untilRowsMatch(sink, ns, 20_000);
    assert.deepEqual(seen.kx, seen.kubectl, 'kx rows before the wipe');
    const ours = h.resourceVersion();
    const listsBefore = h.stats().lists;

    const mark = sink.calls.length;
    await resetStore();
    const restartedAt = Date.now();
    note(t, `API server back at ${new Date().toTimeString().slice(0, 8)}`);
    const syncsBefore = sink.syncs;
    const defaultNs = await rawRequest(`${cp.server}/api/v1/namespaces/default`, { token: cp.adminToken });
    note(t, `right after the restart GET /api/v1/namespaces/default -> ${defaultNs.status}`);
    void sink
      .until('the re-list', () => sink.syncs > syncsBefore, 60_000)
      .then(
        () => note(t, `re-list done ${((Date.now() - restartedAt) / 1000).toFixed(1)} s after the API server was back`),
        () => undefined,
      );
    note(t, `wiped: kx resumes from resourceVersion ${ours}; etcd is back at revision ${await cp.etcdRevision()}`);
    await kubectlOk(['create', 'namespace', ns], { kubeconfig: kc() });
    await kubectlOk(['create', 'configmap', 'after-wipe', '-n', ns], { kubeconfig: kc() });

    const end = await untilRowsMatch(sink, ns, 45_000);
    note(
      t,
      `after the wipe: kx ${JSON.stringify(end.kx)} vs kubectl ${JSON.stringify(end.kubectl)} (${(end.ms / 1000).toFixed(1)} s); path: ${relistPath(sink, h)}; stats ${JSON.stringify(h.stats())}; reasons ${JSON.stringify(reasons(sink))}; identity reads ${JSON.stringify(identityLog)}; ${liveBeforeRelist(sink, mark)}`,
    );
    assert.deepEqual(end.kx, end.kubectl, 'kx rows equal kubectl get configmaps -o name after the store was wiped (no ghosts, none missing)');
    assert.ok(h.stats().relists > 0 && h.stats().lists > listsBefore, 'the stream re-listed');
  });
});
