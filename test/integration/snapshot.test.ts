/**
 * `kx snapshot` of the demo cluster, served again: kubectl sees the same pods, deployments and
 * describe on the snapshot's server as on the live demo, with uids and resourceVersions kept and
 * Secret values gone; the explorer on it says Snapshot and refuses to delete; bad files are one sentence.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { readSnapshotSource, serveSnapshot, type SnapshotCluster } from '../../src/demo/snapshot/open-snapshot.ts';
import { decodeSnapshot } from '../../src/kube/snapshot/snapshot-format.ts';
import { kubectlFor } from '../support/kubectl.ts';
import { runKx } from '../support/kx-process.ts';
import { killTerminals, openKx } from '../support/tmux-terminal.ts';

let demo: DemoCluster;
let served: SnapshotCluster;
let dir: string;
let file: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-snapshot-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
  file = join(dir, 'incident.kxsnap');
  const res = await runKx(['--kubeconfig', demo.kubeconfigPath, 'snapshot', '-A', '-o', file], { env: { ...process.env, KUBECONFIG: '' } });
  assert.equal(res.code, 0, res.stderr);
  assert.match(res.stderr, /^pods: \d+$/m);
  assert.match(res.stderr, /^wrote \d+ objects of \d+ kinds to /m);
  served = await serveSnapshot(readSnapshotSource(file), { kubeconfigPath: join(dir, 'snapshot-config') });
});

after(async () => {
  killTerminals();
  await served?.stop();
  await demo?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const live = kubectlFor(() => demo.kubeconfigPath).ok;
const snap = kubectlFor(() => served.kubeconfigPath);

test('kubectl on the snapshot lists the same pods and deployments, and describes a deployment the same', async () => {
  assert.equal(await snap.ok('get', 'pods', '-A', '-o', 'name'), await live('get', 'pods', '-A', '-o', 'name'));
  assert.equal(await snap.ok('get', 'deployments', '-A', '-o', 'name'), await live('get', 'deployments', '-A', '-o', 'name'));
  // Describe reads the deployment, its replica sets and events: the same text, ages aside.
  const noAges = (s: string) => s.replace(/\b\d+[smhd](\d+[smh])?\b/g, 'AGE');
  assert.equal(noAges(await snap.ok('describe', 'deployment', 'api', '-n', 'shop')), noAges(await live('describe', 'deployment', 'api', '-n', 'shop')));
  assert.equal(await snap.ok('get', 'crontabs', '-A', '-o', 'name'), await live('get', 'crontabs', '-A', '-o', 'name'));
});

test('objects keep their uid, resourceVersion and creationTimestamp', async () => {
  const pick = (s: string) => JSON.parse(s) as { metadata: { uid: string; resourceVersion: string; creationTimestamp: string } };
  const a = pick(await live('get', 'deployment', 'api', '-n', 'shop', '-o', 'json')).metadata;
  const b = pick(await snap.ok('get', 'deployment', 'api', '-n', 'shop', '-o', 'json')).metadata;
  assert.deepEqual([b.uid, b.resourceVersion, b.creationTimestamp], [a.uid, a.resourceVersion, a.creationTimestamp]);
});

test('secrets keep their keys with empty values, and the snapshot cannot be changed', async () => {
  const doc = decodeSnapshot(readFileSync(file), file);
  const secrets = doc.lists.find((l) => l.group === '' && l.plural === 'secrets')?.items ?? [];
  assert.ok(secrets.length > 0);
  for (const s of secrets) for (const v of Object.values((s as { data?: Record<string, string> }).data ?? {})) assert.equal(v, '');
  assert.ok(!JSON.stringify(doc).includes('"managedFields"'));
  const del = await snap.run('delete', 'deployment', 'api', '-n', 'shop');
  assert.notEqual(del.code, 0);
  assert.match(del.stderr, /MethodNotAllowed.*snapshot/);
});

test('a truncated file, another version and a file that is not a snapshot: one sentence, exit 1', async () => {
  const bytes = readFileSync(file);
  const truncated = join(dir, 'truncated.kxsnap');
  writeFileSync(truncated, bytes.subarray(0, bytes.length >> 1));
  const other = join(dir, 'v9.json');
  writeFileSync(other, JSON.stringify({ kind: 'KxSnapshot', version: 9, takenAt: '', resources: [], lists: [] }));
  const cases: Array<[string, string]> = [
    [truncated, `error: ${truncated} is not a kx snapshot: the file is truncated or not gzip\n`],
    [other, `error: ${other} is a kx snapshot of version 9, and this kx reads version 1 only\n`],
    [join(dir, 'config'), `error: ${join(dir, 'config')} is not a kx snapshot: the file is truncated or not JSON\n`],
    [join(dir, 'nope'), `error: cannot open snapshot ${join(dir, 'nope')}: no such file or directory\n`],
  ];
  for (const [path, sentence] of cases) {
    const res = await runKx(['--snapshot', path], { env: { PATH: process.env['PATH'] ?? '', HOME: '/nonexistent' } });
    assert.equal(res.code, 1, path);
    assert.equal(res.stderr, sentence);
  }
});

test('the explorer on a snapshot says so in the header and refuses to delete (read-only: snapshot)', async () => {
  const state = join(dir, 'state');
  const t = openKx(`--snapshot ${file} deploy`, { env: { XDG_STATE_HOME: state, KX_CONFIG_DIR: join(dir, 'kx'), K9S_CONFIG_DIR: join(dir, 'k9s'), HOME: dir } });
  await t.waitFor(/Snapshot: kx-demo at \d{4}-\d\d-\d\dT[\d:]+Z/);
  await t.waitFor(/frontend/);
  t.send('C-d');
  await t.waitFor(/kx is read-only here \(snapshot\): delete is off/);
  t.kill();
});
