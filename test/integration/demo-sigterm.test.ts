/**
 * The built `kx demo` as a process (bin/kx → dist/): SIGTERM stops it while a Deployment of
 * 2147483647 replicas grows. It used to create them all in one synchronous loop, so the signal
 * handler never ran and only SIGKILL ended the process.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { kubectlFor } from '../support/kubectl.ts';
import { startKx } from '../support/kx-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'kx-sigterm-'));
const kubeconfig = join(dir, 'kubeconfig.yaml');
let child: ChildProcess | undefined;

after(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const kubectl = kubectlFor(kubeconfig).run;

test('SIGTERM stops kx demo while 2147483647 replicas are being created', async () => {
  const kx = startKx(['demo', '--no-churn', '--kubeconfig', kubeconfig]);
  child = kx;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => kx.once('exit', (code, signal) => resolve({ code, signal })));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    kx.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('press Ctrl-C')) resolve();
    });
    void exited.then(() => reject(new Error(`kx demo exited early: ${out}`)));
  });
  const scaled = await kubectl('-n', 'shop', 'scale', 'deploy/cart', '--replicas', '2147483647');
  assert.equal(scaled.code, 0, scaled.stderr);
  // Wait for the first burst of pods (a server that stopped answering gets the signal after 10 s).
  const until = Date.now() + 10_000;
  for (let replicas = 0; replicas < 500 && Date.now() < until;) {
    const rs = await kubectl('--request-timeout=2s', '-n', 'shop', 'get', 'rs', '-l', 'app=cart', '-o', 'jsonpath={.items[*].status.replicas}');
    replicas = Math.max(0, ...rs.stdout.split(' ').map(Number).filter(Number.isFinite));
    if (replicas < 500) await sleep(100);
  }
  kx.kill('SIGTERM');
  // Generous for a shared CI machine; it takes well under a second, and before the fix it never exited.
  const result = await Promise.race([exited, sleep(10_000, undefined, { ref: false })]);
  assert.ok(result, 'kx demo exited after SIGTERM');
});
