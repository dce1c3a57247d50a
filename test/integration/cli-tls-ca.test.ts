/**
 * A CA in the kubeconfig that did not sign the server's certificate, or that is not a certificate
 * at all: one-shots print kubectl 1.32's sentence (checked against kubectl with the same files)
 * and exit 1, and a list+watch parks as failed instead of retrying forever.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoApiServer, type DemoServer } from '../../src/demo/server/index.ts';
import { selfSignedCertificate } from '../../src/demo/server/self-signed.ts';
import { loadKubeconfig } from '../../src/kube/kubeconfig.ts';
import { startListWatch } from '../../src/kube/list-watch.ts';
import { openSession } from '../../src/kube/session.ts';
import { RecordingSink } from '../support/recording-sink.ts';
import { bareEnv, runKx } from '../support/kx-process.ts';

const unknownAuthority = 'Unable to connect to the server: tls: failed to verify certificate: x509: certificate signed by unknown authority';
const notPem = 'unable to load root certificates: unable to parse bytes as PEM block';
let server: DemoServer;
let dir: string;
let good: string;

before(async () => {
  server = await startDemoApiServer();
  dir = mkdtempSync(join(tmpdir(), 'kx-tls-ca-'));
  good = join(dir, 'good.yaml');
  server.writeKubeconfig(good);
});

after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A copy of the demo's kubeconfig whose certificate-authority-data line is replaced by `caLine`. */
function kubeconfigWith(name: string, caLine: string): string {
  const file = join(dir, name);
  const text = readFileSync(good, 'utf8');
  assert.match(text, /certificate-authority-data: /);
  writeFileSync(file, text.replace(/certificate-authority-data: .*/, caLine));
  return file;
}

const run = (args: string[]) => runKx(args, { env: bareEnv(dir) });

function assertSentence(r: { code: number | null; stderr: string }, sentence: string): void {
  assert.equal(r.code, 1);
  // kubectl prints 'Unable to connect…' as it is and prefixes other errors with 'error: '.
  const expected = sentence.startsWith('Unable to connect') ? sentence : `error: ${sentence}`;
  assert.equal(r.stderr, `${expected}\n`);
  assert.doesNotMatch(r.stderr, /use-system-ca/);
}

test("another CA's certificate: kubectl's unknown-authority sentence from logs and scale", async () => {
  const other = Buffer.from(selfSignedCertificate().cert).toString('base64');
  const file = kubeconfigWith('other-ca.yaml', `certificate-authority-data: ${other}`);
  assertSentence(await run(['logs', 'x', '--kubeconfig', file]), unknownAuthority);
  assertSentence(await run(['scale', 'deployment/x', '--replicas=1', '--kubeconfig', file]), unknownAuthority);
});

test("garbage certificate-authority-data or a garbage certificate-authority file: kubectl's PEM sentence", async () => {
  const data = kubeconfigWith('garbage-data.yaml', `certificate-authority-data: ${Buffer.from('not a certificate').toString('base64')}`);
  assertSentence(await run(['logs', 'x', '--kubeconfig', data]), notPem);
  writeFileSync(join(dir, 'garbage.pem'), 'garbage\n');
  const file = kubeconfigWith('garbage-file.yaml', `certificate-authority: ${join(dir, 'garbage.pem')}`);
  assertSentence(await run(['scale', 'deployment/x', '--replicas=1', '--kubeconfig', file]), notPem);
});

test("a certificate-authority path that does not exist: kubectl's sentence", async () => {
  const missing = join(dir, 'missing.pem');
  const file = kubeconfigWith('missing-file.yaml', `certificate-authority: ${missing}`);
  const r = await run(['logs', 'x', '--kubeconfig', file]);
  assertSentence(r, `unable to read certificate-authority ${missing} for kx-demo due to open ${missing}: no such file or directory`);
});

test('a list+watch through an untrusted CA parks as failed with the reason instead of reconnecting', async () => {
  const other = Buffer.from(selfSignedCertificate().cert).toString('base64');
  const session = await openSession(loadKubeconfig({ kubeconfig: kubeconfigWith('watch-other-ca.yaml', `certificate-authority-data: ${other}`) }));
  const sink = new RecordingSink();
  const resource = { group: '', version: 'v1', plural: 'pods', kind: 'Pod', namespaced: true };
  const stream = startListWatch({ client: session.client, resource, backoff: { baseMs: 10, maxMs: 20 } }, sink);
  try {
    await sink.until('failed or reconnecting', () => sink.last?.phase === 'failed' || sink.last?.phase === 'reconnecting');
    assert.deepEqual(sink.last, { phase: 'failed', reason: unknownAuthority });
  } finally {
    stream.stop();
    await session.close();
  }
});
