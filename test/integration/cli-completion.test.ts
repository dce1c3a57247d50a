/** Shell completion: the bash script asks kx, which answers from the cluster; kubectl's plugin completion too. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { kubectlOk } from '../support/kubectl.ts';

const binDir = dirname(fileURLToPath(new URL('../../bin/kx', import.meta.url)));
let demo: DemoCluster;
let dir: string;
const run = promisify(execFile);
const env = () => ({ ...process.env, PATH: `${binDir}:${dirname(process.execPath)}:${process.env['PATH']}`, KUBECONFIG: demo.kubeconfigPath });

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-completion-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
});

after(async () => {
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** What bash offers after `line` (cursor at the end), through the script `kx completion bash` prints. */
async function bashComplete(line: string): Promise<string[]> {
  const words = line.split(' ');
  const script = `source <(kx completion bash); COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _kx_complete; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const r = await run('bash', ['-c', script], { env: env() });
  return r.stdout.split('\n').filter(Boolean);
}

test('bash completes commands, rollout subcommands, types and names from the cluster, namespaces', async () => {
  assert.deepEqual(await bashComplete('kx sc'), ['scale']);
  assert.deepEqual(await bashComplete('kx rollout '), ['history', 'undo', 'restart', 'status', 'pause', 'resume']);
  assert.deepEqual(await bashComplete('kx create '), ['job']);
  assert.ok((await bashComplete('kx scale ')).includes('deployment/'));
  const names = await bashComplete('kx -n shop scale deployment/');
  const expected = (await kubectlOk(['get', 'deployments', '-n', 'shop', '-o', 'jsonpath={.items[*].metadata.name}'], { kubeconfig: demo.kubeconfigPath })).split(' ').sort();
  assert.deepEqual(
    names,
    expected.map((n) => `deployment/${n}`),
  );
  assert.ok((await bashComplete('kx -n ')).includes('payments'));
  assert.deepEqual(await bashComplete('kx dr'), ['drain']);
  assert.deepEqual(await bashComplete('kx cordon kx-w'), ['kx-worker', 'kx-worker2', 'kx-worker3']);
});

test('bash completes each command’s flags from the table it parses with, and the global ones', async () => {
  assert.deepEqual(await bashComplete('kx scale --dr'), ['--dry-run']);
  assert.deepEqual(await bashComplete('kx logs --inc'), ['--include']);
  assert.deepEqual(await bashComplete('kx logs --container-s'), ['--container-state']);
  assert.deepEqual(await bashComplete('kx drain --ig'), ['--ignore-daemonsets']);
  assert.deepEqual(await bashComplete('kx top pods --so'), ['--sort-by']);
  assert.deepEqual(await bashComplete('kx --read'), ['--readonly']);
  assert.ok((await bashComplete('kx scale -')).includes('--kubeconfig'), 'the global flags too');
});

test('kubectl_complete-kx answers kubectl’s plugin completion with a directive line; bad shells are a usage error', async () => {
  const r = await run('kubectl_complete-kx', ['-n', 'shop', 'rollout', 'undo', 'sts/'], { env: env() });
  assert.deepEqual(r.stdout.trim().split('\n'), ['sts/redis', ':4']);
  await assert.rejects(run('kx', ['completion', 'tcsh'], { env: env() }), (err: { code: number; stderr: string }) => err.code === 2 && /bash, zsh or fish/.test(err.stderr));
});
