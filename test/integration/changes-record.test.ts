/**
 * `kx record` and `kx changes` against the demo, kubectl making the changes: a scale, a set image,
 * a label and a deleted pod each become one line with the right diff, and BY names the manager of
 * the newest managedFields entry kubectl's write left (the demo keeps no managedFields: "unknown").
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { kubectlFor } from '../support/kubectl.ts';
import { bareEnv, runKx, startKx } from '../support/kx-process.ts';
import { finished } from '../support/run-process.ts';
import { waitFor } from '../support/wait-for.ts';
import { findChange, type RecordedChange } from '../support/recorded-changes.ts';

let demo: DemoCluster;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-changes-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
});

after(async () => {
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

const kubectl = kubectlFor(() => demo.kubeconfigPath);
const env = (): NodeJS.ProcessEnv => ({ ...bareEnv(), KX_CONFIG_DIR: join(dir, 'cfg'), XDG_STATE_HOME: join(dir, 'state') });

/** What kx should name as the writer: the newest managedFields entry, as kubectl reads it. */
async function managerOf(...target: string[]): Promise<string> {
  const obj = JSON.parse(await kubectl.ok('get', ...target, '-n', 'shop', '-o', 'json')) as { metadata: { managedFields?: { manager: string; operation: string; time: string }[] } };
  const newest = [...(obj.metadata.managedFields ?? [])].sort((a, b) => (a.time < b.time ? -1 : 1)).at(-1);
  return newest ? `${newest.manager} (${newest.operation})` : 'unknown';
}

test('kubectl scale, set image, label and a deleted pod are recorded with their diffs, and kx changes prints them', async () => {
  const file = join(dir, 'changes.jsonl');
  const replicas = (await kubectl.ok('get', 'deploy', 'cart', '-n', 'shop', '-o', 'jsonpath={.spec.replicas}')).trim();
  const image = (await kubectl.ok('get', 'deploy', 'frontend', '-n', 'shop', '-o', 'jsonpath={.spec.template.spec.containers[0].name}={.spec.template.spec.containers[0].image}')).trim();
  const [container, oldImage] = image.split('=') as [string, string];
  const pod = (await kubectl.ok('get', 'pods', '-n', 'shop', '-l', 'app=api', '-o', 'jsonpath={.items[0].metadata.name}')).trim();
  const rec = startKx(['--kubeconfig', demo.kubeconfigPath, 'record', '-n', 'shop', '--kinds', 'deployments,pods', '-o', file], env());
  const done = finished(rec);
  let stderr = '';
  rec.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  await waitFor('kx record to start recording', () => stderr.includes('Recording deployments, pods in namespace shop'));

  await kubectl.ok('scale', 'deploy/cart', '-n', 'shop', `--replicas=${Number(replicas) + 3}`);
  await kubectl.ok('set', 'image', 'deploy/frontend', '-n', 'shop', `${container}=nginx:9.9-kx`);
  await kubectl.ok('label', 'deploy/api', '-n', 'shop', 'tier=web');
  const byScale = await managerOf('deploy', 'cart');
  const byImage = await managerOf('deploy', 'frontend');
  const byLabel = await managerOf('deploy', 'api');
  await kubectl.ok('delete', 'pod', pod, '-n', 'shop', '--wait=false');

  const find = (kind: string, name: string, part: string): RecordedChange | undefined => findChange(file, kind, name, part);
  const scaled = await waitFor('the scale', () => find('Deployment', 'cart', `replicas ${replicas} → ${Number(replicas) + 3}`));
  const imaged = await waitFor('the new image', () => find('Deployment', 'frontend', `image ${container}: ${oldImage} → nginx:9.9-kx`));
  const labelled = await waitFor('the label', () => find('Deployment', 'api', 'label tier=web'));
  await waitFor('the deleted pod', () => find('Pod', pod, 'deleted'));
  assert.deepEqual([scaled.by, imaged.by, labelled.by], [byScale, byImage, byLabel]);

  rec.kill('SIGINT');
  assert.equal((await done).code, 0);

  const printed = await runKx(['changes', file, '--kind', 'deployments', '--since', '10m'], { env: env() });
  assert.equal(printed.code, 0, printed.stderr);
  const [heading, ...rows] = printed.stdout.trimEnd().split('\n');
  assert.match(heading!, /^TIME +KIND +NAMESPACE +NAME +CHANGE +BY$/);
  assert.ok(
    rows.every((r) => /^\d\d:\d\d:\d\d +Deployment +shop +/.test(r)),
    printed.stdout,
  );
  assert.ok(rows.some((r) => r.includes(`replicas ${replicas} → ${Number(replicas) + 3}`)));
  // Newest first: the label came after the scale.
  assert.ok(rows.findIndex((r) => r.includes('label tier=web')) < rows.findIndex((r) => r.includes(`replicas ${replicas} →`)));
  const none = await runKx(['changes', file, '-n', 'elsewhere'], { env: env() });
  assert.deepEqual([none.code, none.stdout, none.stderr], [0, '', 'No changes found.\n']);
});
