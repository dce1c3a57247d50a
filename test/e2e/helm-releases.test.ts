/**
 * :helm on the real 1.20 control plane: Helm 3 release storage written by this test's own encoder
 * (release JSON, gzip, base64; a Secret of type helm.sh/release.v1, or a ConfigMap as Helm's
 * configmap driver writes it), two revisions of one release with different values, a corrupt
 * release Secret and a Helm 2 (Tiller) ConfigMap. kx in tmux lists the releases, says why the
 * corrupt one cannot be read, shows a release's history, the values and manifest exactly as stored,
 * and the diff between the revisions; alice sees her namespace's releases, and a refusal, not a crash.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { startControlPlane, type ControlPlane } from './cluster/control-plane.ts';
import { kubectlOk } from '../support/kubectl.ts';
import { killTerminals, lastLine, openKx, prompt, type TmuxTerminal } from '../support/tmux-terminal.ts';

let cp: ControlPlane;
const create = (obj: unknown) => kubectlOk(['create', '-f', '-'], { kubeconfig: cp.kubeconfigPath, input: JSON.stringify(obj) });
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

/** Helm 3's storage string for a release (pkg/storage/driver/util.go): JSON, gzip at best compression, standard base64. */
const helmString = (release: unknown): string => b64(gzipSync(JSON.stringify(release), { level: 9 }));

/** The labels Helm's drivers put on a storage object. */
const helmLabels = (name: string, status: string, version: number) => ({ owner: 'helm', name, status, version: String(version), createdAt: '1709285400' });

/** A release revision stored as Helm's secrets driver does: sh.helm.release.v1.NAME.vN, data.release = base64 of Helm's string. */
function releaseSecret(name: string, namespace: string, status: string, version: number, helmData: string) {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'helm.sh/release.v1',
    metadata: { name: `sh.helm.release.v1.${name}.v${version}`, namespace, labels: helmLabels(name, status, version) },
    data: { release: b64(helmData) },
  };
}

/** As Helm's configmap driver (HELM_DRIVER=configmap) stores it: the same name and labels, data.release = Helm's string itself. */
function releaseConfigMap(name: string, namespace: string, status: string, version: number, helmData: string) {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `sh.helm.release.v1.${name}.v${version}`, namespace, labels: helmLabels(name, status, version) }, data: { release: helmData } };
}

const chartValues = { replicaCount: 1, image: { repository: 'nginx', tag: '1.25' }, service: { port: 80 } };

function manifest(name: string, replicas: number, tag: string): string {
  return [
    '---',
    '# Source: webapp/templates/service.yaml',
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  ports:',
    '    - port: 80',
    '---',
    '# Source: webapp/templates/deployment.yaml',
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    `  replicas: ${replicas}`,
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: web',
    `          image: nginx:${tag}`,
    '',
  ].join('\n');
}

/** One revision as Helm marshals release.Release (its Go json tags), times in RFC 3339 with nanoseconds. */
function release(o: {
  name: string;
  namespace: string;
  version: number;
  status: string;
  description: string;
  deployed: string;
  chartVersion: string;
  appVersion: string;
  config: Record<string, unknown>;
  manifest: string;
}) {
  return {
    name: o.name,
    info: { first_deployed: '2024-03-01T09:30:00.123456789+01:00', last_deployed: o.deployed, deleted: '', description: o.description, status: o.status, notes: `${o.name} is up.\n` },
    chart: {
      metadata: { name: 'webapp', version: o.chartVersion, appVersion: o.appVersion, apiVersion: 'v2', description: 'A web app', type: 'application' },
      lock: null,
      templates: [{ name: 'templates/deployment.yaml', data: b64('kind: Deployment\n') }],
      values: chartValues,
      schema: null,
      files: [],
    },
    config: o.config,
    manifest: o.manifest,
    version: o.version,
    namespace: o.namespace,
  };
}

const web1 = release({
  name: 'web',
  namespace: 'apps',
  version: 1,
  status: 'superseded',
  description: 'Install complete',
  deployed: '2024-03-01T09:30:00.123456789+01:00',
  chartVersion: '1.2.0',
  appVersion: '1.25.3',
  config: { image: { tag: '1.25.3' } },
  manifest: manifest('web', 1, '1.25.3'),
});
const web2 = release({
  name: 'web',
  namespace: 'apps',
  version: 2,
  status: 'deployed',
  description: 'Upgrade complete',
  deployed: '2024-03-02T17:05:09.5Z',
  chartVersion: '1.2.1',
  appVersion: '1.25.3',
  config: { image: { tag: '1.25.3' }, replicaCount: 3 },
  manifest: manifest('web', 3, '1.25.3'),
});
const cache1 = release({
  name: 'cache',
  namespace: 'apps',
  version: 1,
  status: 'deployed',
  description: 'Install complete',
  deployed: '2024-03-03T00:00:01Z',
  chartVersion: '0.9.0',
  appVersion: '7.2.4',
  config: { service: { port: 6379 } },
  manifest: manifest('cache', 1, '7.2.4'),
});
const tracker1 = release({
  name: 'tracker',
  namespace: 'team-a',
  version: 1,
  status: 'deployed',
  description: 'Install complete',
  deployed: '2024-03-04T12:00:00Z',
  chartVersion: '2.0.0',
  appVersion: '3.1.0',
  config: {},
  manifest: manifest('tracker', 1, '3.1.0'),
});

before(async () => {
  cp = await startControlPlane({ fakeKubelet: false });
  await kubectlOk(['create', 'namespace', 'apps'], { kubeconfig: cp.kubeconfigPath });
  await create(releaseSecret('web', 'apps', 'superseded', 1, helmString(web1)));
  await create(releaseSecret('web', 'apps', 'deployed', 2, helmString(web2)));
  await create(releaseConfigMap('cache', 'apps', 'deployed', 1, helmString(cache1)));
  // A release whose gzip stream is cut short: it starts like Helm's data, but cannot be read.
  const whole = Buffer.from(helmString({ ...web1, name: 'broken' }), 'base64');
  await create(releaseSecret('broken', 'apps', 'deployed', 1, b64(whole.subarray(0, 40))));
  await create(releaseSecret('tracker', 'team-a', 'deployed', 1, helmString(tracker1)));
  // Helm 2's storage (Tiller, protobuf): Helm 3 does not read it, and neither does kx.
  await create({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'old.v1', namespace: 'kube-system', labels: { OWNER: 'TILLER', NAME: 'old', STATUS: 'DEPLOYED', VERSION: '1' } },
    data: { release: 'H4sIAAAAAAAC/w==' },
  });
});

after(async () => {
  killTerminals();
  await cp?.stop();
});

/** The screen's lines from the one equal to `expected[0]` on, right-trimmed, as many as expected has. */
function block(screen: string, expected: readonly string[]): string[] {
  const lines = screen.split('\n').map((l) => l.trimEnd());
  const at = lines.indexOf(expected[0]!);
  return at < 0 ? [] : lines.slice(at, at + expected.length);
}

/**
 * Sends keys one at a time: two keys that reach kx in one read arrive as one input ("kd") that no
 * action is bound to, which happened here under load.
 */
async function keys(t: TmuxTerminal, ...names: string[]): Promise<void> {
  for (const name of names) {
    t.send(name);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function openHelm(t: TmuxTerminal, command: string, title: RegExp): Promise<string> {
  await t.waitFor(/● live/);
  await prompt(t, ':', command);
  t.send('Enter');
  return t.waitFor(title);
}

test(':helm on the real server: the releases as stored, the corrupt one says why, history, values, manifest and the diff', async () => {
  const t = openKx('pods -A', { kubeconfig: cp.kubeconfigPath, columns: 200, rows: 50 });
  // Sorted by namespace/name: apps/broken, apps/cache, apps/web, team-a/tracker.
  const list = await openHelm(t, 'helm -A', /helm releases \(all namespaces\) · 4/);
  assert.match(list, /NAME\s+NAMESPACE\s+REVISION\s+UPDATED\s+STATUS\s+CHART\s+APP VERSION/);
  assert.match(list, /^\s+broken\s+apps\s+1\s+deployed\s*$/m);
  assert.match(list, /^\s+cache\s+apps\s+1\s+2024-03-03 00:00:01 \+0000 UTC\s+deployed\s+webapp-0\.9\.0\s+7\.2\.4\s*$/m);
  assert.match(list, /^\s+web\s+apps\s+2\s+2024-03-02 17:05:09 \+0000 UTC\s+deployed\s+webapp-1\.2\.1\s+1\.25\.3\s*$/m);
  assert.match(list, /^\s+tracker\s+team-a\s+1\s+2024-03-04 12:00:00 \+0000 UTC\s+deployed\s+webapp-2\.0\.0\s+3\.1\.0\s*$/m);
  assert.doesNotMatch(list, /\bold\b/);

  // The corrupt release: its values cannot be shown, and its history says why.
  t.send('v');
  await t.waitFor(/release secret "sh\.helm\.release\.v1\.broken\.v1" cannot be decoded: the release data is not valid gzip\./);
  t.send('Enter');
  const broken = await t.waitFor(/history broken \(apps\) · 1 revisions/);
  assert.match(broken, /^\s+1\s+deployed\s+release secret "sh\.helm\.release\.v1\.broken\.v1" cannot be decoded: the release data is not valid gzip\.\s*$/m);
  t.send('Escape');
  await t.waitFor(/helm releases \(all namespaces\)/);

  // The ConfigMap-stored release reads like the others.
  await keys(t, 'j', 'v');
  const cacheValues = await t.waitFor(/values cache \(apps\) revision 1/);
  assert.deepEqual(block(cacheValues, ['USER-SUPPLIED VALUES:', 'service:', '  port: 6379']), ['USER-SUPPLIED VALUES:', 'service:', '  port: 6379']);
  t.send('Escape');
  await t.waitFor(/helm releases \(all namespaces\)/);

  await keys(t, 'j', 'Enter');
  const history = await t.waitFor(/history web \(apps\) · 2 revisions/);
  assert.match(history, /REVISION\s+UPDATED\s+STATUS\s+CHART\s+APP VERSION\s+DESCRIPTION/);
  assert.match(history, /^\s+2\s+2024-03-02 17:05:09 \+0000 UTC\s+deployed\s+webapp-1\.2\.1\s+1\.25\.3\s+Upgrade complete\s*$/m);
  assert.match(history, /^\s+1\s+2024-03-01 08:30:00 \+0000 UTC\s+superseded\s+webapp-1\.2\.0\s+1\.25\.3\s+Install complete\s*$/m);

  // Revision 2 (selected: newest first): the values stored, then the chart's under them.
  t.send('v');
  const values = await t.waitFor(/values web \(apps\) revision 2/);
  const expectedValues = [
    'USER-SUPPLIED VALUES:',
    'image:',
    '  tag: 1.25.3',
    'replicaCount: 3',
    '',
    'COMPUTED VALUES:',
    'image:',
    '  repository: nginx',
    '  tag: 1.25.3',
    'replicaCount: 3',
    'service:',
    '  port: 80',
  ];
  assert.deepEqual(block(values, expectedValues), expectedValues, values);
  t.send('Escape');
  await t.waitFor(/history web \(apps\)/);

  t.send('m');
  const shownManifest = await t.waitFor(/manifest web \(apps\) revision 2/);
  const stored = web2.manifest.trimEnd().split('\n');
  assert.deepEqual(block(shownManifest, stored), stored, shownManifest);
  t.send('Escape');
  await t.waitFor(/history web \(apps\)/);

  // Revision 1's values are its own.
  await keys(t, 'j', 'v');
  const values1 = await t.waitFor(/values web \(apps\) revision 1/);
  assert.deepEqual(block(values1, ['USER-SUPPLIED VALUES:', 'image:', '  tag: 1.25.3', '']), ['USER-SUPPLIED VALUES:', 'image:', '  tag: 1.25.3', '']);
  t.send('Escape');
  await t.waitFor(/history web \(apps\)/);

  // d on revision 2 diffs from revision 1: the changed value and what it changed in the manifest, nothing else.
  await keys(t, 'k', 'd');
  const diff = await t.waitFor(/diff web \(apps\) revision 1 → 2/);
  const changed = diff.split('\n').filter((l) => /^[+-](?![+-]{2} )/.test(l.trim()));
  assert.deepEqual(
    changed.map((l) => l.trim()),
    ['-replicaCount: 1', '+replicaCount: 3', '-  replicas: 1', '+  replicas: 3'],
    diff,
  );
  t.send('Escape');
  await t.waitFor(/history web \(apps\)/);
  t.send('Escape');
  await t.waitFor(/helm releases \(all namespaces\)/);
  t.send('Escape');
  await t.waitFor(/pods \(all namespaces\)/);
  t.send('q');
  await t.waitFor(/kx exited with 0/);
});

test('alice (only team-a): :helm lists her namespace’s release; across namespaces a forbidden line, not a crash', async () => {
  const t = openKx('pods', { kubeconfig: cp.aliceKubeconfigPath, columns: 200, rows: 30 });
  const mine = await openHelm(t, 'helm', /helm releases \(team-a\) · 1/);
  assert.match(mine, /^\s+tracker\s+team-a\s+1\s+2024-03-04 12:00:00 \+0000 UTC\s+deployed\s+webapp-2\.0\.0\s+3\.1\.0\s*$/m);
  t.send('Escape');
  await t.waitFor(/pods\b/);
  const all = await openHelm(t, 'helm -A', /helm releases \(all namespaces\)/);
  const refusal = await t.waitFor(/forbidden/i);
  assert.match(refusal, /secrets is forbidden: User "alice" cannot list resource "secrets" in API group "" at the cluster scope/, all);
  assert.ok(t.alive());
  t.send('Escape');
  await t.waitFor(/pods\b/);
  assert.doesNotMatch(lastLine(t.screen()), /exited/);
  t.send('q');
  await t.waitFor(/kx exited with 0/);
});
