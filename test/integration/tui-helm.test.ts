/**
 * :helm against the demo, whose releases are Secrets in Helm 3's storage format: the releases are
 * listed like helm list (kubectl, as the oracle, sees the same Secrets), enter shows a release's
 * history with its failed revision, m shows the manifest stored in the Secret, v the values
 * (user-supplied over the chart's), d the diff from the previous revision. Rollback and
 * uninstall are offered only with helm on PATH (a stand-in script here), which then runs with the
 * terminal on kx's context and a kubeconfig that reaches the same cluster.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { killTerminals, lastLine, openKx, prompt } from '../support/tmux-terminal.ts';
import { kubectlFor } from '../support/kubectl.ts';

let demo: DemoCluster;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-helm-tui-'));
  demo = await startDemoCluster({ churn: false, speed: 20, kubeconfigPath: join(dir, 'config') });
});

after(async () => {
  killTerminals();
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

const kubectl = kubectlFor(() => demo.kubeconfigPath).ok;

/** The release kubectl reads out of Helm's Secret, decoded by hand: base64 (Secret), base64 (Helm), gzip, JSON. */
async function storedRelease(namespace: string, secret: string): Promise<{ manifest: string; config: Record<string, unknown> }> {
  const data = await kubectl('get', 'secret', secret, '-n', namespace, '-o', 'jsonpath={.data.release}');
  const helm = Buffer.from(data, 'base64').toString('latin1');
  return JSON.parse(gunzipSync(Buffer.from(helm, 'base64')).toString('utf8')) as { manifest: string; config: Record<string, unknown> };
}

test(':helm lists the releases, enter shows the history, m the stored manifest, v the values, d the diff', async () => {
  const names = await kubectl('get', 'secrets', '-A', '-l', 'owner=helm', '-o', 'jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.name}:{.type}{"\\n"}{end}');
  assert.deepEqual(names.trim().split('\n').sort(), [
    'monitoring/sh.helm.release.v1.prometheus.v1:helm.sh/release.v1',
    'monitoring/sh.helm.release.v1.prometheus.v2:helm.sh/release.v1',
    'monitoring/sh.helm.release.v1.prometheus.v3:helm.sh/release.v1',
    'shop/sh.helm.release.v1.legacy-worker.v1:helm.sh/release.v1',
    'shop/sh.helm.release.v1.redis.v1:helm.sh/release.v1',
  ]);

  // No helm on this PATH: rollback and uninstall are not offered.
  const t = openKx('pods -A', { kubeconfig: demo.kubeconfigPath, columns: 160, rows: 40, env: { PATH: `${dirname(process.execPath)}:/usr/bin:/bin` } });
  await t.waitFor(/pods \(all namespaces\)\s+● live/);
  await prompt(t, ':', 'helm -A');
  t.send('Enter');
  const list = await t.waitFor(/helm releases \(all namespaces\) · 3/);
  assert.match(list, /NAME\s+NAMESPACE\s+REVISION\s+UPDATED\s+STATUS\s+CHART\s+APP VERSION/);
  assert.match(list, /prometheus\s+monitoring\s+3\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000 UTC\s+deployed\s+prometheus-25\.9\.0\s+2\.48\.1/);
  assert.match(list, /redis\s+shop\s+1\s+.*deployed\s+redis-18\.6\.1\s+7\.2\.4/);
  assert.match(list, /legacy-worker\s+shop\s+1\s+.*uninstalled\s+worker-0\.3\.0\s+1\.0\.0/);

  // Releases sort by namespace/name: prometheus (monitoring) is first.
  t.send('Enter');
  const history = await t.waitFor(/history prometheus \(monitoring\) · 3 revisions/);
  assert.match(history, /REVISION\s+UPDATED\s+STATUS\s+CHART\s+APP VERSION\s+DESCRIPTION/);
  assert.match(history, /3\s+\S+ \S+ \+0000 UTC\s+deployed\s+prometheus-25\.9\.0\s+2\.48\.1\s+Upgrade complete/);
  assert.match(history, /2\s+\S+ \S+ \+0000 UTC\s+failed\s+prometheus-25\.9\.0\s+2\.48\.1\s+Upgrade "prometheus" failed: context deadline exceeded/);
  assert.match(history, /1\s+\S+ \S+ \+0000 UTC\s+superseded\s+prometheus-25\.8\.0\s+2\.48\.0\s+Install complete/);
  assert.match(lastLine(history), /m manifest/);
  assert.doesNotMatch(lastLine(history), /rollback|uninstall/);

  // The newest revision is selected: its manifest is the one in sh.helm.release.v1.prometheus.v3.
  t.send('m');
  const manifest = await t.waitFor(/manifest prometheus \(monitoring\) revision 3/);
  const stored = await storedRelease('monitoring', 'sh.helm.release.v1.prometheus.v3');
  for (const line of stored.manifest
    .split('\n')
    .slice(0, 20)
    .filter((l) => l.trim() !== ''))
    assert.ok(manifest.includes(line), `the manifest shows ${JSON.stringify(line)}:\n${manifest}`);
  t.send('Escape');
  await t.waitFor(/history prometheus \(monitoring\)/);

  // Revision 2 (the failed upgrade): user-supplied values, then the chart's merged under them.
  t.send('j');
  t.send('v');
  const values = await t.waitFor(/values prometheus \(monitoring\) revision 2/);
  assert.deepEqual((await storedRelease('monitoring', 'sh.helm.release.v1.prometheus.v2')).config, { server: { retention: '30d', replicaCount: 2 } });
  assert.match(values, /USER-SUPPLIED VALUES:\s*\n\s*server:\s*\n\s+replicaCount: 2\s*\n\s+retention: 30d/);
  assert.match(values, /COMPUTED VALUES:\s*\n\s*alertmanager:\s*\n\s+enabled: true/);
  t.send('Escape');
  await t.waitFor(/history prometheus \(monitoring\)/);

  // d: from revision 1 to revision 2, the replicas the failed upgrade asked for.
  t.send('d');
  const diff = await t.waitFor(/diff prometheus \(monitoring\) revision 1 → 2/);
  assert.match(diff, /^\s*-\s+replicas: 1\s*$/m);
  assert.match(diff, /^\s*\+\s+replicas: 2\s*$/m);
  t.send('Escape');
  await t.waitFor(/history prometheus \(monitoring\)/);
  t.send('Escape');
  await t.waitFor(/helm releases \(all namespaces\)/);
  t.send('Escape');
  await t.waitFor(/pods/);
  t.send('q');
  await t.waitFor(/kx exited with 0/);
});

test('with helm on PATH, u on a revision runs helm rollback on kx’s context after a confirmation, with its output', async () => {
  const bin = join(dir, 'bin');
  const record = join(dir, 'helm-args');
  const seenConfig = join(dir, 'helm-kubeconfig');
  rmSync(bin, { recursive: true, force: true });
  mkdirSync(bin);
  // A stand-in helm: prints and records its arguments and keeps a copy of the kubeconfig it was given.
  writeFileSync(
    join(bin, 'helm'),
    `#!/bin/sh\necho "stand-in helm: $*"\necho "$*" > ${record}\nwhile [ $# -gt 0 ]; do if [ "$1" = --kubeconfig ]; then cp "$2" ${seenConfig}; fi; shift; done\nexit 0\n`,
  );
  chmodSync(join(bin, 'helm'), 0o755);
  const t = openKx('pods -A', { kubeconfig: demo.kubeconfigPath, columns: 160, rows: 40, env: { PATH: `${bin}:${dirname(process.execPath)}:/usr/bin:/bin` } });
  await t.waitFor(/pods \(all namespaces\)\s+● live/);
  await prompt(t, ':', 'helm -A');
  t.send('Enter');
  await t.waitFor(/helm releases \(all namespaces\) · 3/);
  t.send('Enter');
  const history = await t.waitFor(/history prometheus \(monitoring\)/);
  assert.match(lastLine(history), /u rollback/);
  t.send('j');
  t.send('j');
  t.send('u');
  await t.waitFor(/Roll Helm release prometheus in namespace monitoring on context kx-demo back to revision 1\?/);
  t.send('y');
  const aside = await t.waitFor(/press enter to return to kx/);
  assert.match(aside, /stand-in helm: rollback prometheus 1 --namespace monitoring --kube-context kx-demo --kubeconfig \S+/);
  t.send('Enter');
  await t.waitFor(/helm rollback prometheus 1 done/);
  const args = readFileSync(record, 'utf8').trim().split(' ');
  assert.deepEqual(args.slice(0, 6), ['rollback', 'prometheus', '1', '--namespace', 'monitoring', '--kube-context']);
  // The kubeconfig helm was given reaches the demo as kx-demo, and kx removed it afterwards.
  assert.equal(existsSync(args[7]!), false);
  const viaHelmConfig = await kubectlFor(seenConfig).ok('get', 'secret', 'sh.helm.release.v1.prometheus.v3', '-n', 'monitoring', '--context', 'kx-demo', '-o', 'name');
  assert.equal(viaHelmConfig.trim(), 'secret/sh.helm.release.v1.prometheus.v3');
  t.send('Escape');
  await t.waitFor(/helm releases \(all namespaces\)/);
  t.send('Escape');
  await t.waitFor(/pods \(all namespaces\)/);
  t.send('q');
  await t.waitFor(/kx exited with 0/);
});

test('read-only mode: u and ctrl-d refuse in one sentence and helm never runs', async () => {
  const bin = join(dir, 'bin-ro');
  const record = join(dir, 'helm-ro-ran');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'helm'), `#!/bin/sh\ntouch ${record}\n`);
  chmodSync(join(bin, 'helm'), 0o755);
  const t = openKx('pods -A --readonly', { kubeconfig: demo.kubeconfigPath, columns: 160, rows: 40, env: { PATH: `${bin}:${dirname(process.execPath)}:/usr/bin:/bin` } });
  await t.waitFor(/pods \(all namespaces\)\s+● live/);
  await prompt(t, ':', 'helm monitoring');
  t.send('Enter');
  await t.waitFor(/helm releases \(monitoring\) · 1/);
  t.send('C-d');
  await t.waitFor(/kx is read-only here \(--readonly\): helm uninstall is off/);
  t.send('Enter');
  await t.waitFor(/history prometheus \(monitoring\)/);
  t.send('u');
  await t.waitFor(/kx is read-only here \(--readonly\): helm rollback is off/);
  assert.equal(existsSync(record), false);
  t.send('Escape');
  await t.waitFor(/helm releases \(monitoring\)/);
  t.send('Escape');
  await t.waitFor(/pods \(all namespaces\)/);
  t.send('q');
  await t.waitFor(/kx exited with 0/);
});
