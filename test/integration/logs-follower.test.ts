/**
 * The log core against the demo API server (real HTTP, real list+watch): one container's stream,
 * resuming after a dropped connection without duplicates, the multi-pod follower picking up new
 * pods, waiting for a container to start, --max-pods, and both queue overflow modes.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadKubeconfig } from '../../src/kube/kubeconfig.ts';
import { openSession, type KubeSession } from '../../src/kube/session.ts';
import type { KubeObject } from '../../src/kube/object.ts';
import { streamContainerLog } from '../../src/logs/container-log-stream.ts';
import { startLogFollower, type LogFollower, type LogFollowerOptions } from '../../src/logs/log-follower.ts';
import type { LogLine, LogNotice } from '../../src/logs/log-types.ts';
import { startDemoSetup, type DemoSetup } from '../support/demo-server-setup.ts';
import { pod } from '../support/demo-fixtures.ts';
import { waitFor } from '../support/wait-for.ts';

const pods = { group: '', plural: 'pods' };
let demo: DemoSetup;
let session: KubeSession;

before(async () => {
  demo = await startDemoSetup();
  session = await openSession(loadKubeconfig({ kubeconfig: demo.kubeconfig }), { namespace: 'default' });
});
after(async () => {
  await session.close();
  await demo.close();
});

/** Reads batches until `done` says so; the guard only keeps a broken follower from hanging the run. */
async function readUntil(follower: LogFollower, done: (lines: LogLine[]) => boolean, guardMs = 15_000): Promise<LogLine[]> {
  const lines: LogLine[] = [];
  const guard = setTimeout(() => follower.stop(), guardMs);
  try {
    while (!done(lines)) {
      const batch = await follower.next();
      if (!batch) break;
      lines.push(...batch);
    }
  } finally {
    clearTimeout(guard);
  }
  return lines;
}

const texts = (lines: LogLine[]): string[] => lines.map((l) => l.text);
const tagged = (lines: LogLine[]): string[] => lines.map((l) => `${l.origin.pod}/${l.origin.container}: ${l.text}`);

function follow(opts: Partial<LogFollowerOptions> & Pick<LogFollowerOptions, 'selection'>, notices: LogNotice[] = []): LogFollower {
  return startLogFollower({
    client: session.client,
    namespace: 'default',
    containers: { kind: 'default' },
    query: { follow: true, previous: false },
    backoff: { baseMs: 20, maxMs: 200 },
    onNotice: (n) => notices.push(n),
    ...opts,
  });
}

test('one container: whole lines in order, blank lines kept, timestamps split off, tail honoured', async () => {
  demo.server.store.create(pods, pod('default', 'single'));
  const log = demo.runtime.log('default', 'single', 'app');
  for (const text of ['first', '', '  indented', 'last']) log.write(text, new Date('2025-01-01T00:00:01.250Z'));
  const got: LogLine[] = [];
  const origin = { namespace: 'default', pod: 'single', container: 'app', kind: 'regular' as const };
  const run = (tailLines?: number): Promise<unknown> =>
    streamContainerLog({ client: session.client, origin, query: { follow: false, previous: false, tailLines }, signal: new AbortController().signal, deliver: (l) => void got.push(l) });
  assert.equal(await run(), 'complete');
  assert.deepEqual(texts(got), ['first', '', '  indented', 'last']);
  assert.ok(got.every((l) => l.timestamp === '2025-01-01T00:00:01.25Z' && l.origin === got[0]!.origin));
  got.length = 0;
  await run(2);
  assert.deepEqual(texts(got), ['  indented', 'last']);
});

test('a followed stream cut by the network resumes after its last line: nothing lost, nothing twice', async () => {
  demo.server.store.create(pods, pod('default', 'talker'));
  const log = demo.runtime.log('default', 'talker', 'app');
  const t = new Date('2025-01-01T00:00:05.5Z');
  // Three lines share the last instant before the cut: the server re-sends all three on resume.
  for (const text of ['a', 'b', 'c']) log.write(text, t);
  const notices: LogNotice[] = [];
  const follower = follow({ selection: { kind: 'pod', name: 'talker' } }, notices);
  const before = await readUntil(follower, (l) => l.length >= 3);
  assert.deepEqual(texts(before), ['a', 'b', 'c']);
  demo.server.dropConnections();
  log.write('d', t);
  log.write('e', new Date('2025-01-01T00:00:06Z'));
  const rest = await readUntil(follower, (l) => l.length >= 2);
  assert.deepEqual(texts(rest), ['d', 'e']);
  assert.ok(
    notices.some((n) => n.type === 'reconnecting'),
    'said it was reconnecting',
  );
  log.write('f');
  assert.deepEqual(texts(await readUntil(follower, (l) => l.length >= 1)), ['f']);
  follower.stop();
  assert.equal(await follower.next(), undefined);
});

test('a selector follows every pod and container, tags each line, and picks up new pods', async () => {
  const labels = { app: 'shop' };
  for (const name of ['shop-a', 'shop-b']) {
    demo.server.store.create(pods, pod('default', name, { labels, containers: ['app', 'proxy'] }));
    for (const c of ['app', 'proxy']) {
      const log = demo.runtime.log('default', name, c);
      log.write(`${c} old`);
      log.write(`${c} recent`);
    }
  }
  const notices: LogNotice[] = [];
  const follower = follow({ selection: { kind: 'selector', labelSelector: 'app=shop', description: 'app=shop' }, query: { follow: true, previous: false, tailLines: 1 } }, notices);
  const initial = await readUntil(follower, (l) => l.length >= 4);
  assert.deepEqual(tagged(initial).sort(), ['shop-a/app: app recent', 'shop-a/proxy: proxy recent', 'shop-b/app: app recent', 'shop-b/proxy: proxy recent']);
  const defaulted = notices.filter((n) => n.type === 'containers');
  assert.deepEqual(
    defaulted.map((n) => n.type === 'containers' && [n.pod, n.containers.join(','), n.defaulted]),
    [
      ['shop-a', 'app,proxy', true],
      ['shop-b', 'app,proxy', true],
    ],
  );

  // A pod that appears later is new: all of its lines, not only the last --tail of them.
  const late = demo.runtime.log('default', 'shop-c', 'app');
  late.write('c1');
  late.write('c2');
  demo.runtime.log('default', 'shop-c', 'proxy');
  demo.server.store.create(pods, pod('default', 'shop-c', { labels, containers: ['app', 'proxy'] }));
  demo.runtime.log('default', 'shop-a', 'app').write('a live');
  const more = await readUntil(follower, (l) => l.length >= 3);
  assert.deepEqual(tagged(more).sort(), ['shop-a/app: a live', 'shop-c/app: c1', 'shop-c/app: c2']);

  demo.server.store.delete(pods, 'default', 'shop-b', { gracePeriodSeconds: 0 });
  for (const c of ['app', 'proxy']) demo.runtime.log('default', 'shop-b', c).end();
  await waitFor('a podDeleted notice for shop-b', () => notices.some((n) => n.type === 'podDeleted' && n.pod === 'shop-b'));
  follower.stop();
});

test('a named pod that has not started is waited for, followed, and ends when its container exits', async () => {
  const waiting = pod('default', 'slow');
  (waiting.status as { containerStatuses: unknown[] }).containerStatuses = [{ name: 'app', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }];
  (waiting.status as { phase: string }).phase = 'Pending';
  demo.server.store.create(pods, waiting);
  const notices: LogNotice[] = [];
  const follower = follow({ selection: { kind: 'pod', name: 'slow' } }, notices);
  const first = follower.next();
  await waitFor('a waiting notice (ContainerCreating)', () => notices.some((n) => n.type === 'waiting' && n.reason === 'ContainerCreating'));
  const log = demo.runtime.log('default', 'slow', 'app');
  log.write('hello');
  setStatus('slow', { phase: 'Running', containerStatuses: [{ name: 'app', ready: true, restartCount: 0, containerID: 'demo://slow-1', state: { running: { startedAt: '2025-01-01T00:00:00Z' } } }] });
  assert.deepEqual(texts((await first) ?? []), ['hello']);
  log.write('bye');
  setStatus('slow', {
    phase: 'Succeeded',
    containerStatuses: [{ name: 'app', ready: false, restartCount: 0, containerID: 'demo://slow-1', state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
  });
  log.end();
  const rest = await readUntil(follower, () => false);
  assert.deepEqual(texts(rest), ['bye'], 'ends by itself once the container exited');
});

function setStatus(name: string, status: Record<string, unknown>): void {
  demo.server.store.mutate(pods, 'default', name, (draft: KubeObject) => {
    draft['status'] = status;
  });
}

test("following more streams than --max-log-requests is kubectl's error before any line", async () => {
  for (const name of ['many-1', 'many-2', 'many-3']) demo.server.store.create(pods, pod('default', name, { labels: { app: 'many' } }));
  const follower = follow({ selection: { kind: 'selector', labelSelector: 'app=many', description: 'app=many' }, maxLogRequests: 2 });
  await assert.rejects(
    follower.next(),
    (err: Error) => err.message === 'you are attempting to follow 3 log streams, but maximum allowed concurrency is 2, use --max-log-requests to increase the limit',
  );
});

test("a missing pod is kubectl's NotFound sentence", async () => {
  const follower = follow({ selection: { kind: 'pod', name: 'ghost' } });
  await assert.rejects(follower.next(), (err: Error) => err.message === 'Error from server (NotFound): pods "ghost" not found');
});

test('back-pressure: a consumer that does not read stops the stream; nothing is lost', async () => {
  demo.server.store.create(pods, pod('default', 'flood'));
  const log = demo.runtime.log('default', 'flood', 'app');
  for (let i = 0; i < 5000; i++) log.write(`line ${i}`);
  const follower = follow({ selection: { kind: 'pod', name: 'flood' }, query: { follow: false, previous: false }, queue: { capacity: 50 } });
  await new Promise((r) => setTimeout(r, 300));
  assert.ok(follower.stats().lines <= 50, `read ${follower.stats().lines} lines with nobody consuming`);
  const all = await readUntil(follower, () => false);
  assert.equal(all.length, 5000);
  assert.deepEqual(texts(all).slice(-2), ['line 4998', 'line 4999']);
  assert.equal(follower.stats().dropped, 0);
});

test('drop-oldest: a consumer that does not read loses the oldest lines, counted', async () => {
  const follower = follow({ selection: { kind: 'pod', name: 'flood' }, query: { follow: false, previous: false }, queue: { capacity: 50, overflow: 'drop-oldest' } });
  await waitFor('5000 lines', () => follower.stats().lines === 5000, 10_000);
  const kept = await readUntil(follower, () => false);
  assert.equal(kept.length, 50);
  assert.equal(kept.at(-1)?.text, 'line 4999');
  assert.equal(follower.stats().dropped, 4950);
});
