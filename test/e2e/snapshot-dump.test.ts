/**
 * `kx --snapshot DIR` on what a real `kubectl cluster-info dump --output-directory` wrote from the
 * 1.20 control plane: the snapshot's server lists the same pods and deployments as the cluster,
 * serves the dump's logs, says why the kinds the dump does not save are missing (and a kind whose
 * files are gone), and the explorer shows the dump's pods under a Snapshot header.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startControlPlane, type ControlPlane } from './cluster/control-plane.ts';
import { readSnapshotSource, serveSnapshot, type SnapshotCluster } from '../../src/demo/snapshot/open-snapshot.ts';
import { apply, kubectlFor, waitForJson } from '../support/kubectl.ts';
import { killTerminals, openKx } from '../support/tmux-terminal.ts';

let cp: ControlPlane;
let dump: string;
let served: SnapshotCluster;

function deployment(name: string, replicas: number) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'shop' },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'main', image: `shop/${name}:1.0` }] } } },
  };
}

before(async () => {
  cp = await startControlPlane();
  const live = kubectlFor(cp.kubeconfigPath);
  await live.ok('create', 'namespace', 'shop');
  await apply(deployment('web', 2), cp.kubeconfigPath);
  await apply(deployment('api', 1), cp.kubeconfigPath);
  type Pods = { items: { status: { phase?: string } }[] };
  await waitForJson<Pods, true>('3 running pods in shop', ['pods', '-n', 'shop'], cp.kubeconfigPath, (l) => (l.items.length === 3 && l.items.every((p) => p.status.phase === 'Running')) || undefined);
  dump = join(cp.dir, 'dump');
  await live.ok('cluster-info', 'dump', '-A', '--output-directory', dump);
  served = await serveSnapshot(readSnapshotSource(dump), { kubeconfigPath: join(cp.dir, 'snapshot-config') });
});

after(async () => {
  killTerminals();
  await served?.stop();
  await cp?.stop();
});

test('the dump served again lists the pods and deployments the cluster has', async () => {
  const live = kubectlFor(cp.kubeconfigPath).ok;
  const snap = kubectlFor(served.kubeconfigPath).ok;
  assert.equal(await snap('get', 'pods', '-A', '-o', 'name'), await live('get', 'pods', '-A', '-o', 'name'));
  assert.equal(await snap('get', 'deployments', '-A', '-o', 'name'), await live('get', 'deployments', '-A', '-o', 'name'));
  assert.equal(await snap('get', 'nodes', '-o', 'name'), await live('get', 'nodes', '-o', 'name'));
  assert.match(await snap('get', 'namespaces', '-o', 'name'), /^namespace\/shop$/m);
});

test("a pod's logs are the dump's, and kinds the dump does not save say so", async () => {
  const snap = kubectlFor(served.kubeconfigPath);
  const pod = readdirSync(join(dump, 'shop')).find((e) => e.startsWith('web-'))!;
  const file = readFileSync(join(dump, 'shop', pod, 'logs.txt'), 'utf8');
  const inDump = /==== START logs for container main of pod shop\/\S+ ====\n([\s\S]*?)==== END logs/.exec(file)?.[1];
  assert.ok(inDump !== undefined, file);
  assert.equal(await snap.ok('logs', '-n', 'shop', pod), inDump);
  const cm = await snap.run('get', 'configmaps', '-A');
  assert.notEqual(cm.code, 0);
  assert.match(cm.stderr, /Forbidden.*kubectl cluster-info dump does not save configmaps/);
});

test('a dump without its deployments.json files: pods still list, deployments say why', async () => {
  const broken = join(cp.dir, 'dump-broken');
  cpSync(dump, broken, { recursive: true });
  for (const ns of readdirSync(broken, { withFileTypes: true })) if (ns.isDirectory()) rmSync(join(broken, ns.name, 'deployments.json'), { force: true });
  const other = await serveSnapshot(readSnapshotSource(broken), { kubeconfigPath: join(cp.dir, 'broken-config') });
  try {
    const snap = kubectlFor(other.kubeconfigPath);
    assert.match(await snap.ok('get', 'pods', '-n', 'shop', '-o', 'name'), /pod\/web-/);
    const deploy = await snap.run('get', 'deployments', '-A');
    assert.match(deploy.stderr, /Forbidden.*this snapshot holds no deployments\.apps: the dump has no \S+\/deployments\.json/);
  } finally {
    await other.stop();
  }
});

test('kx --snapshot DIR shows the dump’s pods under a Snapshot header', async () => {
  const names = (await kubectlFor(cp.kubeconfigPath).ok('get', 'pods', '-n', 'shop', '-o', 'name'))
    .trim()
    .split('\n')
    .map((n) => n.replace('pod/', ''));
  const t = openKx(`--snapshot ${dump} -n shop`, { env: { XDG_STATE_HOME: join(cp.dir, 'state'), KX_CONFIG_DIR: join(cp.dir, 'kx'), K9S_CONFIG_DIR: join(cp.dir, 'k9s'), HOME: cp.dir } });
  await t.waitFor(/^Snapshot: cluster-info dump dump at \d{4}-\d\d-\d\dT[\d:]+Z  Context: kx-snapshot/m);
  await t.waitFor((s) => names.every((n) => s.includes(n)) && /pods \(shop\)  ● live\s+3\b/.test(s));
  t.kill();
});
