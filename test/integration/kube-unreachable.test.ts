import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { createApiClient } from '../../src/kube/api-client.ts';
import { createRequestAuth } from '../../src/kube/auth.ts';
import { KxError } from '../../src/kube/errors.ts';
import { resolveContext, loadKubeconfig } from '../../src/kube/kubeconfig.ts';
import { startListWatch } from '../../src/kube/list-watch.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordingSink } from '../support/recording-sink.ts';

// A port that was just free: nothing listens there, so connecting is refused.
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

async function clientFor(server: string) {
  const dir = mkdtempSync(join(tmpdir(), 'kx-kube-'));
  const file = join(dir, 'config');
  writeFileSync(
    file,
    `apiVersion: v1
kind: Config
current-context: nowhere
clusters: [{name: c, cluster: {server: "${server}"}}]
users: [{name: u, user: {token: unreachable-token-0123456789}}]
contexts: [{name: nowhere, context: {cluster: c, user: u}}]
`,
  );
  const client = createApiClient(await createRequestAuth(resolveContext(loadKubeconfig({ kubeconfig: file })).kubeConfig));
  rmSync(dir, { recursive: true, force: true });
  return client;
}

test('an unreachable server gives kubectl\'s "Unable to connect to the server" sentence', async () => {
  const port = await closedPort();
  const client = await clientFor(`http://127.0.0.1:${port}`);
  await assert.rejects(client.get('/api'), (err: unknown) => {
    assert.ok(err instanceof KxError);
    assert.equal(err.kind, 'unreachable');
    assert.equal(err.message, `Unable to connect to the server: connect ECONNREFUSED 127.0.0.1:${port}`);
    return true;
  });
  await client.close();
});

test('a stream against an unreachable server keeps reconnecting with backoff and says why', async () => {
  const port = await closedPort();
  const client = await clientFor(`http://127.0.0.1:${port}`);
  const sink = new RecordingSink();
  const stream = startListWatch({ client, resource: { group: '', version: 'v1', plural: 'pods', kind: 'Pod', namespaced: true }, backoff: { baseMs: 10, maxMs: 40 } }, sink);
  try {
    await sink.until('three reconnect attempts', () => sink.last?.phase === 'reconnecting' && sink.last.attempt >= 3);
    const last = sink.last;
    assert.ok(last?.phase === 'reconnecting');
    assert.equal(last.reason, `Unable to connect to the server: connect ECONNREFUSED 127.0.0.1:${port}`);
    const first = sink.states.find((s) => s.phase === 'reconnecting');
    assert.ok(first?.phase === 'reconnecting' && first.since === last.since, 'since stays the time the outage began');
    assert.equal(sink.calls.filter((c) => c.call === 'beginSync').length, 0);
  } finally {
    stream.stop();
    await client.close();
  }
  const count = sink.states.length;
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(sink.states.length, count, 'nothing is reported after stop()');
});
