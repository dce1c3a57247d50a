/**
 * kx scale and kx rollout against the demo cluster: kubectl's output text and exit codes, the
 * resulting state read back with kubectl, and bad input as one sentence with exit code 2.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { kubectlFor } from '../support/kubectl.ts';
import { kxBin, runKx } from '../support/kx-process.ts';
import { runProcess } from '../support/run-process.ts';

let demo: DemoCluster;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-scale-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
});

after(async () => {
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

const kx = (...args: string[]) => runKx([...args, '--kubeconfig', demo.kubeconfigPath]);

const kubectl = kubectlFor(() => demo.kubeconfigPath).ok;

test('kx scale patches spec.replicas like kubectl scale and prints what it prints', async () => {
  const r = await kx('scale', 'deployment/cart', '--replicas', '5', '-n', 'shop');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'deployment.apps/cart scaled\n');
  assert.equal(await kubectl('get', 'deploy', 'cart', '-n', 'shop', '-o', 'jsonpath={.spec.replicas}'), '5');
  const twoWords = await kx('scale', 'deploy', 'cart', '--replicas', '2', '--current-replicas', '5', '-n', 'shop');
  assert.equal(twoWords.code, 0, twoWords.stderr);
  assert.equal(await kubectl('get', 'deploy', 'cart', '-n', 'shop', '-o', 'jsonpath={.spec.replicas}'), '2');
});

test('kx scale refuses what kubectl refuses, in one sentence, with the right exit code', async () => {
  const cases: [string[], number, RegExp][] = [
    [['--replicas', '-1'], 2, /must not be negative/],
    [['--replicas', 'abc'], 2, /"abc" is not a replica count/],
    [['--replicas', '1000000000000'], 2, /more than the API allows/],
    [['--replicas', '1', '--current-replicas', '7'], 1, /Expected replicas to be 7, was 2/],
  ];
  for (const [flags, code, message] of cases) {
    const r = await kx('scale', 'deployment/cart', ...flags, '-n', 'shop');
    assert.equal(r.code, code, `${flags.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trim().split('\n').length, 1, 'one sentence');
  }
  const missing = await kx('scale', 'deployment/nope', '--replicas', '1', '-n', 'shop');
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /deployments\.apps "nope" not found/);
  const unknownType = await kx('scale', 'gizmo/x', '--replicas', '1');
  assert.equal(unknownType.code, 1);
  assert.match(unknownType.stderr, /the server doesn't have a resource type "gizmo"/);
  assert.equal(await kubectl('get', 'deploy', 'cart', '-n', 'shop', '-o', 'jsonpath={.spec.replicas}'), '2', 'nothing changed');
});

test('kx rollout history, undo and restart: kubectl’s output, and the state kubectl then reads', async () => {
  const history = await kx('rollout', 'history', 'deployment/frontend', '-n', 'shop');
  assert.equal(history.code, 0, history.stderr);
  assert.equal(history.stdout, await kubectl('rollout', 'history', 'deployment/frontend', '-n', 'shop'));

  const diff = await kx('rollout', 'history', 'deployment/frontend', '-n', 'shop', '--revision', '1', '--diff');
  assert.match(diff.stdout, /^-\s+- image: nginx:1\.25$/m);
  assert.match(diff.stdout, /^\+\s+- image: nginx:1\.27$/m);

  const undo = await kx('rollout', 'undo', 'deployment/frontend', '-n', 'shop');
  assert.equal(undo.stdout, 'deployment.apps/frontend rolled back\n');
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(await kubectl('get', 'deploy', 'frontend', '-n', 'shop', '-o', 'jsonpath={.spec.template.spec.containers[0].image}'), 'nginx:1.26');

  const none = await kx('rollout', 'undo', 'deployment/frontend', '-n', 'shop', '--to-revision', '42');
  assert.equal(none.code, 1);
  assert.match(none.stderr, /unable to find specified revision 42 in history/);

  const restart = await kx('rollout', 'restart', 'deployment/frontend', '-n', 'shop');
  assert.equal(restart.stdout, 'deployment.apps/frontend restarted\n');
  assert.match(await kubectl('get', 'deploy', 'frontend', '-n', 'shop', '-o', 'jsonpath={.spec.template.metadata.annotations}'), /kubectl\.kubernetes\.io\/restartedAt/);

  const status = await kx('rollout', 'status', 'deployment/ledger', '-n', 'payments', '--watch=false');
  assert.equal(status.stdout, await kubectl('rollout', 'status', 'deployment/ledger', '-n', 'payments', '--watch=false'));

  const bad = await kx('rollout', 'history', 'configmap/api-config', '-n', 'shop');
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /only deployments, statefulsets and daemonsets have rollouts/);
  // A missing object is the server's NotFound, as kubectl reads it before judging its kind.
  const missing = await kx('rollout', 'history', 'configmap/x', '-n', 'shop');
  assert.equal(missing.stderr, 'Error from server (NotFound): configmaps "x" not found\n');
  const usage = await kx('rollout', 'sideways', 'deploy/x');
  assert.equal(usage.code, 2);
});

test('-o name and --request-timeout as kubectl spells them; a bad duration is a usage error', async () => {
  const named = await kx('scale', 'deployment/cart', '--replicas', '2', '-n', 'shop', '-o', 'name', '--request-timeout', '20s');
  assert.equal(named.code, 0, named.stderr);
  assert.equal(named.stdout, 'deployment.apps/cart\n');
  const bad = await kx('scale', 'deployment/cart', '--replicas', '2', '-n', 'shop', '--request-timeout', 'soon');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--request-timeout: "soon" is not a duration/);
});

test('one-shot commands load neither Ink nor React', async () => {
  // Ink and React are bundled into dist/ chunks, so a loader hook looks at what each loaded module
  // holds: Ink's root node name and React's element symbol mark the chunks that carry them.
  const hook = `data:text/javascript,${encodeURIComponent(
    "import { registerHooks } from 'node:module'; registerHooks({ load(url, ctx, next) { const r = next(url, ctx); const m = /ink-root|react\\.transitional\\.element/.exec(String(r.source ?? '')); if (m) { process.stderr.write('LOADED ' + m[0] + ' in ' + url + '\\n'); process.exit(99); } return r; } });",
  )}`;
  for (const args of [
    ['scale', 'deployment/cart', '--replicas', '2', '-n', 'shop'],
    ['rollout', 'history', 'deployment/cart', '-n', 'shop'],
    ['logs', 'redis-0', '-n', 'shop', '--tail', '1'],
  ]) {
    const r = await runProcess(process.execPath, ['--import', hook, kxBin, ...args, '--kubeconfig', demo.kubeconfigPath]);
    assert.equal(r.code, 0, `${args[0]}: ${r.stderr}`);
  }
  // The hook does catch the explorer loading Ink (so the check above can fail). The explorer wants
  // a terminal, so it runs under script(1), which gives it a pty and passes its exit code on.
  const tui = await runProcess('script', ['-qec', '"$KX_NODE" "$KX_BIN" --kubeconfig "$KX_CONFIG"', '/dev/null'], {
    env: { ...process.env, NODE_OPTIONS: `--import=${hook}`, KX_NODE: process.execPath, KX_BIN: kxBin, KX_CONFIG: demo.kubeconfigPath },
  });
  assert.equal(tui.code, 99);
  assert.match(tui.stdout, /LOADED (ink-root|react\.transitional\.element)/);
});
