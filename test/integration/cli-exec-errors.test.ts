/**
 * kx exec on a pod that cannot take an exec says what kubectl says, byte for byte, with its exit
 * code: a completed pod (kubectl's own check), a pod whose container is not running (pending,
 * crash-looping) and an unknown container (the server's sentences, which kx reads back although
 * the WebSocket library drops the refused upgrade's body).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { kubectl as runKubectl, kubectlOk } from '../support/kubectl.ts';
import { runKx } from '../support/kx-process.ts';
import type { ProcessResult } from '../support/run-process.ts';

let demo: DemoCluster;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-exec-errors-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
});
after(async () => {
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

const codeAndStderr = ({ code, stderr }: ProcessResult) => ({ code, stderr });

async function podNamed(namespace: string, prefix: string): Promise<string> {
  const stdout = await kubectlOk(['get', 'pods', '-n', namespace, '-o', 'name'], { kubeconfig: demo.kubeconfigPath });
  const name = stdout
    .split('\n')
    .map((l) => l.replace('pod/', ''))
    .find((n) => n.startsWith(prefix));
  assert.ok(name, `a ${prefix} pod in ${namespace}`);
  return name;
}

test('exec errors: the same sentence and exit code as kubectl exec', async () => {
  const completed = await podNamed('batch', 'db-migrate');
  const crashing = await podNamed('payments', 'fraud-scorer');
  const cases: string[][] = [
    ['-n', 'batch', completed],
    ['-n', 'batch', 'gpu-trainer'],
    ['-n', 'payments', crashing],
    ['-n', 'payments', crashing, '-c', 'nope'],
  ];
  for (const args of cases) {
    const kubectl = codeAndStderr(await runKubectl(['exec', ...args, '--', 'date'], { kubeconfig: demo.kubeconfigPath }));
    const kx = codeAndStderr(await runKx(['--kubeconfig', demo.kubeconfigPath, 'exec', ...args, '--', 'date']));
    assert.equal(kubectl.code, 1, `kubectl refuses ${args.join(' ')}: ${kubectl.stderr}`);
    assert.deepEqual(kx, kubectl, `kx exec ${args.join(' ')}`);
    assert.doesNotMatch(kx.stderr, /object Object|Unexpected server response/);
  }
});
