/**
 * Read-only mode applies to every one-shot that writes or opens a session in a container: with
 * --readonly, or on a context marked read-only in config.yaml, `kx scale`, `kx rollout undo|restart`,
 * `kx set image`, `kx cordon|uncordon|drain`, `kx port-forward`, `kx exec`, `kx attach` and `kx create job` refuse in one sentence, exit 1, and the demo sees no request at all (its counters).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { kubectlFor } from '../support/kubectl.ts';
import { runKx } from '../support/kx-process.ts';

let demo: DemoCluster;
let dir: string;
let readonlyConfigDir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-readonly-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
  readonlyConfigDir = join(dir, 'kx-config');
  mkdirSync(readonlyConfigDir);
  writeFileSync(join(readonlyConfigDir, 'config.yaml'), 'contexts:\n  kx-demo:\n    readonly: true\n');
});

after(async () => {
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

type Counts = { lists: number; watches: number; gets: number; writes: number; other: number };

async function counts(): Promise<Counts> {
  const res = await fetch(`${demo.server.url}/kx-demo/requests`, { headers: { authorization: `Bearer ${demo.server.token}` } });
  return (await res.json()) as Counts;
}

const kx = (args: string[], env: NodeJS.ProcessEnv = {}) => runKx(['--kubeconfig', demo.kubeconfigPath, ...args], { env: { ...process.env, KX_CONFIG_DIR: join(dir, 'empty'), ...env } });

const kubectl = kubectlFor(() => demo.kubeconfigPath).ok;

const writers: [string, string[]][] = [
  ['scale', ['scale', 'deployment/cart', '--replicas', '7', '-n', 'shop']],
  ['undo', ['rollout', 'undo', 'deployment/cart', '-n', 'shop']],
  ['restart', ['rollout', 'restart', 'deployment/cart', '-n', 'shop']],
  ['exec', ['exec', 'PODNAME', '-n', 'shop', '--', 'date']],
  ['set image', ['set', 'image', 'deployment/cart', 'cart=ghcr.io/acme/cart:2.0.0', '-n', 'shop']],
  ['port-forward', ['port-forward', 'PODNAME', '-n', 'shop', '18777:80']],
  ['attach', ['attach', 'PODNAME', '-n', 'shop']],
  ['create job', ['create', 'job', 'now', '--from=cronjob/heartbeat', '-n', 'batch']],
  ['cordon', ['cordon', 'kx-worker']],
  ['uncordon', ['uncordon', 'kx-worker3']],
  ['drain', ['drain', 'kx-worker', '--ignore-daemonsets', '--force', '--delete-emptydir-data']],
];

async function aPod(): Promise<string> {
  return (await kubectl('get', 'pods', '-n', 'shop', '-l', 'app=cart', '-o', 'jsonpath={.items[0].metadata.name}')).trim();
}

for (const [operation, args] of writers) {
  for (const how of ['--readonly', 'config.yaml'] as const) {
    test(`kx ${args.slice(0, args[0] === 'rollout' || args[0] === 'set' ? 2 : 1).join(' ')} refuses when read-only (${how}) and sends nothing`, async () => {
      const argv = args.map((a) => (a === 'PODNAME' ? '' : a));
      const pod = await aPod();
      const final = argv.map((a, i) => (args[i] === 'PODNAME' ? pod : a));
      const template = await kubectl('get', 'deploy', 'cart', '-n', 'shop', '-o', 'jsonpath={.spec.replicas} {.metadata.generation}');
      const before = await counts();
      const r = how === '--readonly' ? await kx(['--readonly', ...final]) : await kx(final, { KX_CONFIG_DIR: readonlyConfigDir });
      const afterRun = await counts();
      assert.equal(r.code, 1, `exit code 1, got ${r.code}: ${r.stderr}`);
      const why = how === '--readonly' ? '--readonly' : 'context kx-demo in config.yaml';
      assert.equal(r.stderr, `error: kx is read-only here (${why}): ${operation} is off\n`);
      assert.equal(r.stdout, '');
      assert.deepEqual(afterRun, before, 'the demo saw no request from the refused command');
      assert.equal(await kubectl('get', 'deploy', 'cart', '-n', 'shop', '-o', 'jsonpath={.spec.replicas} {.metadata.generation}'), template);
    });
  }
}

test('read-only still reads: rollout history and status work with --readonly', async () => {
  const history = await kx(['rollout', 'history', 'deployment/cart', '-n', 'shop', '--readonly']);
  assert.equal(history.code, 0, history.stderr);
  assert.match(history.stdout, /^deployment\.apps\/cart \nREVISION/);
  const status = await kx(['rollout', 'status', 'deployment/cart', '-n', 'shop', '--watch=false'], { KX_CONFIG_DIR: readonlyConfigDir });
  assert.equal(status.code, 0, status.stderr);
});

test('a context that is not read-only still writes (the gate is per context)', async () => {
  const other = join(dir, 'other-config');
  mkdirSync(other, { recursive: true });
  writeFileSync(join(other, 'config.yaml'), 'contexts:\n  prod:\n    readonly: true\n');
  const r = await kx(['scale', 'deployment/cart', '--replicas', '3', '-n', 'shop'], { KX_CONFIG_DIR: other });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(await kubectl('get', 'deploy', 'cart', '-n', 'shop', '-o', 'jsonpath={.spec.replicas}'), '3');
});
