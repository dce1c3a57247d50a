/**
 * The built `kx logs` as a process (bin/kx → dist/) against the in-process demo API server: exit
 * codes and stderr sentences, a pipe whose reader leaves (`| head -1`), -f picking up new pods,
 * and many pods writing long lines at once without a torn line. Children are spawned
 * asynchronously (spawnSync would freeze the server that lives in this process).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { startDemoSetup, type DemoSetup } from '../support/demo-server-setup.ts';
import { pod } from '../support/demo-fixtures.ts';
import { bareEnv, kxBin, startKx } from '../support/kx-process.ts';
import { finished, stdoutUntil } from '../support/run-process.ts';

const pods = { group: '', plural: 'pods' };
let demo: DemoSetup;

before(async () => {
  demo = await startDemoSetup();
  demo.server.store.create(pods, pod('default', 'big'));
  const big = demo.runtime.log('default', 'big', 'app');
  for (let i = 0; i < 100_000; i++) big.write(`line ${i} of a long log`);
});
after(async () => {
  await demo.close();
});

/** Starts `kx ARGS` with stdout and stderr piped and an empty HOME. */
const start = (args: string[]) => startKx(['--kubeconfig', demo.kubeconfig, ...args]);

test("exit codes: 0 when all is written, 1 with kubectl's NotFound sentences, 2 for a bad flag value", async () => {
  const ok = await finished(start(['logs', 'big', '--tail', '3']));
  assert.deepEqual([ok.code, ok.stdout, ok.stderr], [0, 'line 99997 of a long log\nline 99998 of a long log\nline 99999 of a long log\n', '']);
  const missing = await finished(start(['logs', 'ghost']));
  assert.deepEqual([missing.code, missing.stderr], [1, 'Error from server (NotFound): pods "ghost" not found\n']);
  const tail = await finished(start(['logs', 'big', '--tail', 'abc']));
  assert.deepEqual([tail.code, tail.stderr], [2, 'error: invalid argument "abc" for "--tail" flag: not a whole number\n']);
  const since = await finished(start(['logs', 'big', '--since', '5x']));
  assert.deepEqual([since.code, since.stderr], [2, 'error: invalid argument "5x" for "--since" flag: time: unknown unit "x" in duration "5x"\n']);
  const type = await finished(start(['logs', 'frobnicators/x']));
  assert.deepEqual([type.code, type.stderr], [1, 'error: the server doesn\'t have a resource type "frobnicators"\n'], 'kubectl: exit 1');
});

test('`kx logs … | head -1` ends quietly with exit 0', async () => {
  const child = spawn('bash', ['-c', `"${process.execPath}" "${kxBin}" --kubeconfig "${demo.kubeconfig}" logs big | head -1; echo "kx exit \${PIPESTATUS[0]}"`], {
    env: bareEnv(),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const r = await finished(child);
  assert.equal(r.stdout, 'line 0 of a long log\nkx exit 0\n');
  assert.equal(r.stderr, '', 'no EPIPE trace, no sentence');
});

test('-f on a selector picks up a pod that appears later; Ctrl-C ends it after writing what it read', async () => {
  demo.server.store.create(pods, pod('default', 'live-1', { labels: { app: 'live' } }));
  demo.runtime.log('default', 'live-1', 'app').write('live-1 was here');
  const child = start(['logs', '-f', '-l', 'app=live']);
  const done = finished(child);
  await stdoutUntil(child, (t) => t.includes('live-1 was here\n'));
  demo.runtime.log('default', 'live-2', 'app').write('live-2 says hello');
  demo.server.store.create(pods, pod('default', 'live-2', { labels: { app: 'live' } }));
  await stdoutUntil(child, (t) => t.includes('live-2 says hello\n'));
  demo.runtime.log('default', 'live-1', 'app').write('live-1 again');
  await stdoutUntil(child, (t) => t.includes('live-1 again\n'));
  child.kill('SIGINT');
  const r = await done;
  assert.equal(r.code, 130);
  assert.equal(r.stdout, 'live-1 app live-1 was here\nlive-2 app live-2 says hello\nlive-1 app live-1 again\n', 'prefixed, no colour on a pipe');
});

test('three pods writing 6 KB lines at once: every line arrives whole', async () => {
  const names = ['loud-a', 'loud-b', 'loud-c'];
  for (const name of names) {
    demo.server.store.create(pods, pod('default', name, { labels: { app: 'loud' } }));
    demo.runtime.log('default', name, 'app');
  }
  const child = start(['logs', '-f', '-l', 'app=loud']);
  const done = finished(child);
  const body = 'x'.repeat(6000);
  // Wait until kx follows all three (each writes a marker), then write from all of them at once.
  for (const name of names) demo.runtime.log('default', name, 'app').write(`${name} ready`);
  await stdoutUntil(child, (t) => names.every((n) => t.includes(`${n} ready\n`)));
  for (let i = 0; i < 200; i++) for (const name of names) demo.runtime.log('default', name, 'app').write(`${name}-${i}-${body}`);
  const text = await stdoutUntil(child, (t) => names.every((n) => t.includes(`${n}-199-`)) && t.endsWith('\n'));
  child.kill('SIGINT');
  await done;
  const lines = text
    .split('\n')
    .slice(0, -1)
    .filter((l) => !l.endsWith(' ready'));
  assert.equal(lines.length, 600);
  for (const line of lines) assert.match(line, /^(loud-[abc]) app \1-\d+-x{6000}$/);
  for (const name of names) {
    const seq = lines.filter((l) => l.startsWith(`${name} `)).map((l) => Number(/^\S+ app \S+?-[abc]-(\d+)-/.exec(l)?.[1]));
    assert.deepEqual(seq, [...Array(200).keys()], `${name} in order`);
  }
});
