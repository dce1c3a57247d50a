/**
 * Bad input at start-up: each problem is one sentence on stderr and exit code 1 (2 for a usage
 * mistake), never a stack trace. Runs the built bin/kx against the demo API server.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoApiServer, type DemoServer } from '../../src/demo/server/index.ts';
import { killTerminals, openKx } from '../support/tmux-terminal.ts';
import { bareEnv, runKx } from '../support/kx-process.ts';

let server: DemoServer;
let dir: string;
let kubeconfig: string;

before(async () => {
  server = await startDemoApiServer();
  dir = mkdtempSync(join(tmpdir(), 'kx-bad-input-'));
  kubeconfig = join(dir, 'config');
  server.writeKubeconfig(kubeconfig);
});

after(async () => {
  killTerminals();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs kx to completion with an empty HOME (so no real kubeconfig leaks in). */
const run = (args: string[], env: Record<string, string> = {}, stdin: 'ignore' | 'pipe' = 'ignore') => runKx(args, { env: { ...bareEnv(dir), ...env }, input: stdin === 'pipe' ? '\n' : undefined });

function assertOneSentence(stderr: string, pattern: RegExp): void {
  assert.match(stderr, pattern);
  assert.equal(stderr.trim().split('\n').length, 1, `one line, got:\n${stderr}`);
  assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
}

test('a missing --kubeconfig file', async () => {
  const r = await run(['--kubeconfig', join(dir, 'nope.yaml')]);
  assert.equal(r.code, 1);
  assertOneSentence(r.stderr, /kubeconfig file ".*nope\.yaml" does not exist/);
});

test('a garbled kubeconfig names the file and the line', async () => {
  const garbled = join(dir, 'garbled.yaml');
  writeFileSync(garbled, 'apiVersion: v1\nclusters:\n  - name: x\n   cluster: {server: [\n');
  const r = await run(['--kubeconfig', garbled]);
  assert.equal(r.code, 1);
  assertOneSentence(r.stderr, /kubeconfig ".*garbled\.yaml" is not valid YAML \(line \d+\)/);
});

test('an unknown namespace is refused before the screen opens', async () => {
  const r = await run(['--kubeconfig', kubeconfig, '-n', 'does-not-exist']);
  assert.equal(r.code, 1);
  assertOneSentence(r.stderr, /namespace "does-not-exist" not found in context "kx-demo"/);
});

test('an unknown flag is a usage error, exit code 2', async () => {
  const r = await run(['--kubeconfig', kubeconfig, '--nmespace', 'x']);
  assert.equal(r.code, 2);
  assertOneSentence(r.stderr, /^error: unknown flag: --nmespace \(see 'kx --help'\)\n$/);
});

test("the explorer without a terminal on stdin says so in one sentence, without Ink's error box", async () => {
  const cases: { args: string[]; stdin: 'ignore' | 'pipe' }[] = [
    { args: ['--kubeconfig', kubeconfig], stdin: 'ignore' },
    // `echo | kx --demo`: the demo cluster it started is stopped again.
    { args: ['--demo'], stdin: 'pipe' },
  ];
  for (const { args, stdin } of cases) {
    const r = await run(args, {}, stdin);
    assert.equal(r.code, 1, args.join(' '));
    assertOneSentence(r.stderr, /^error: kx needs a terminal: stdin is not a TTY \(use a one-shot command such as 'kx logs' in scripts\)\n$/);
  }
});

test('an unreachable server: the explorer stays up and says it is reconnecting', async () => {
  const unreachable = join(dir, 'unreachable.yaml');
  // Port 9 (discard) on loopback: nothing listens there.
  writeFileSync(
    unreachable,
    `apiVersion: v1\nkind: Config\nclusters:\n- name: gone\n  cluster: {server: 'https://127.0.0.1:9', insecure-skip-tls-verify: true}\nusers:\n- name: u\n  user: {token: secret-token-123}\ncontexts:\n- name: gone\n  context: {cluster: gone, user: u}\ncurrent-context: gone\n`,
  );
  const t = openKx('', { kubeconfig: unreachable, columns: 120, rows: 12 });
  const screen = await t.waitFor(/reconnecting for \d+ s: Unable to connect to the server/);
  assert.match(screen, /No pods yet: kx keeps retrying/);
  assert.doesNotMatch(screen, /secret-token-123/);
  t.send('q');
  assert.match(await t.waitFor(/kx exited with \d+/), /kx exited with 0/);
});

test('an expired or wrong token: the view says the server wants a login, without the token', async () => {
  const expired = join(dir, 'expired.yaml');
  const url = new URL(server.url);
  writeFileSync(
    expired,
    `apiVersion: v1\nkind: Config\nclusters:\n- name: demo\n  cluster: {server: 'http://${url.host}'}\nusers:\n- name: u\n  user: {token: expired-token-456}\ncontexts:\n- name: demo\n  context: {cluster: demo, user: u, namespace: default}\ncurrent-context: demo\n`,
  );
  const t = openKx('', { kubeconfig: expired, columns: 140, rows: 12 });
  const screen = await t.waitFor(/failed: .*You must be logged in to the server \(Unauthorized\)/);
  assert.doesNotMatch(screen, /expired-token-456/);
  t.send('q');
  assert.match(await t.waitFor(/kx exited with \d+/), /kx exited with 0/);
});
