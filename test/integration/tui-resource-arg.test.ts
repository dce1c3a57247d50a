/** `kx RESOURCE` opens the explorer on that resource, resolved like kubectl resolves names. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { killTerminals, openKx } from '../support/tmux-terminal.ts';
import { kubectlOk } from '../support/kubectl.ts';
import { runKx } from '../support/kx-process.ts';

let demo: DemoCluster;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-resource-arg-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
});

after(async () => {
  killTerminals();
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

const open = (args: string) => openKx(args, { kubeconfig: demo.kubeconfigPath, columns: 160, rows: 20 });

/** kubectl's names for a resource in every namespace, the oracle for what kx must list. */
async function kubectlNames(resource: string): Promise<string[]> {
  const stdout = await kubectlOk(['get', resource, '-A', '--no-headers', '-o', 'custom-columns=N:.metadata.name'], { kubeconfig: demo.kubeconfigPath });
  return stdout.split('\n').filter(Boolean);
}

test('kx deploy -A shows every Deployment with kubectl-style columns', async () => {
  const t = open('deploy -A');
  const names = await kubectlNames('deployments');
  const screen = await t.waitFor(new RegExp(`deployments \\(all namespaces\\)\\s+● live\\s+${names.length}\\b`));
  assert.match(screen, /^NAMESPACE\s+NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE/m);
  assert.match(screen, new RegExp(`^\\S+\\s+${names[0]}\\s+\\d+/\\d+`, 'm'));
  t.send('q');
  assert.match(await t.waitFor(/kx exited with \d+/), /kx exited with 0/);
});

test('kx ct shows the custom resource through the server table (its printer columns)', async () => {
  const names = await kubectlNames('crontabs.stable.example.com');
  assert.ok(names.length > 0);
  const t = open('ct -A');
  const screen = await t.waitFor(new RegExp(`crontabs \\(all namespaces\\)\\s+● live\\s+${names.length}\\b`));
  assert.match(screen, /^NAMESPACE\s+NAME\s+SPEC\s+REPLICAS\s+AGE/m);
  for (const name of names) assert.match(screen, new RegExp(`\\s${name}\\s`));
  t.send('q');
  await t.waitFor(/kx exited with 0/);
});

test('kx nodes: a cluster-scoped resource has no namespace in its title', async () => {
  const nodes = (await kubectlOk(['get', 'nodes', '-o', 'name'], { kubeconfig: demo.kubeconfigPath })).trim().split('\n');
  const t = open('no');
  const screen = await t.waitFor(new RegExp(`^nodes\\s+● live\\s+${nodes.length}\\b`, 'm'));
  assert.match(screen, /Ready,SchedulingDisabled/);
  t.send('q');
  await t.waitFor(/kx exited with 0/);
});

test("an unknown resource type is kubectl's sentence and exit code 1", async () => {
  const failed = await runKx(['--kubeconfig', demo.kubeconfigPath, 'bogus']);
  assert.equal(failed.code, 1);
  assert.equal(failed.stderr, 'error: the server doesn\'t have a resource type "bogus"\n');
});
