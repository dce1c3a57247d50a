/**
 * `-f FILE|DIR|-` and `-R` for scale and rollout, with kubectl as the oracle on the demo: the
 * objects the manifests name (JSON, YAML, several documents, a List, a sub-directory), a missing
 * one among them, a manifest's namespace against -n, a path that does not exist. Dry runs, so
 * both tools see the same cluster.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { kubectl, kubectlOk } from '../support/kubectl.ts';
import { runKx } from '../support/kx-process.ts';

let demo: DemoCluster;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-manifests-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
  mkdirSync(join(dir, 'm', 'sub'), { recursive: true });
  writeFileSync(join(dir, 'm', 'api.json'), await kubectlOk(['get', 'deploy', 'api', '-n', 'shop', '-o', 'json'], { kubeconfig: demo.kubeconfigPath }));
  writeFileSync(join(dir, 'm', 'sub', 'cart.yaml'), await kubectlOk(['get', 'deploy', 'cart', '-n', 'shop', '-o', 'yaml'], { kubeconfig: demo.kubeconfigPath }));
  writeFileSync(
    join(dir, 'm', 'two.yaml'),
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: frontend, namespace: shop}',
      '---',
      'apiVersion: v1',
      'kind: List',
      'items:',
      '- apiVersion: apps/v1',
      '  kind: Deployment',
      '  metadata: {name: nope, namespace: shop}',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'm', 'notes.txt'), 'not a manifest');
});

after(async () => {
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

for (const args of [
  ['scale', '-f', 'm', '--replicas', '2', '--dry-run=server'],
  ['scale', '-f', 'm', '-R', '--replicas', '2', '--dry-run=client'],
  ['scale', '--filename=m/api.json', '-f', 'm/sub/cart.yaml', '--replicas', '3', '--dry-run=server'],
  ['rollout', 'restart', '-f', 'm/api.json', '-n', 'payments'],
  ['rollout', 'undo', '-f', 'm/two.yaml', '--dry-run=server'],
  ['scale', '-f', 'm/none', '--replicas', '1'],
  ['scale', '-f', 'm/api.json', 'deploy/web', '--replicas', '1'],
  ['rollout', 'restart', '-f', 'm/api.json', 'deploy', 'web'],
]) {
  test(`kx ${args.join(' ')} does what kubectl does`, async () => {
    // Paths under the test's folder (kubectl names a missing one in its sentence).
    const real = args.map((a) => a.replace(/^(--filename=)?m(\/|$)/, (_, flag: string | undefined, rest: string) => `${flag ?? ''}${join(dir, 'm')}${rest}`));
    const theirs = await kubectl(real, { kubeconfig: demo.kubeconfigPath });
    const ours = await runKx([...real, '--kubeconfig', demo.kubeconfigPath]);
    assert.deepEqual({ code: ours.code, stdout: ours.stdout, stderr: ours.stderr }, { code: theirs.code, stdout: theirs.stdout, stderr: theirs.stderr });
  });
}
