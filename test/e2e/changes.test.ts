/**
 * The cluster's recent past on the real 1.20 control plane: kubectl scales a deployment, sets its
 * image, labels it and deletes a pod while `kx record` watches; each change is one line with the
 * right diff, and BY names the writer the API server put in managedFields for the field that
 * changed (kubectl's, not the controller-manager's status update that follows), or no one when the
 * write left no entry (1.20's /scale). The TUI's :changes shows the same lines.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startControlPlane, type ControlPlane } from './cluster/control-plane.ts';
import { kubectlOk, waitForJson } from '../support/kubectl.ts';
import { bareEnv, startKx } from '../support/kx-process.ts';
import { finished } from '../support/run-process.ts';
import { waitFor } from '../support/wait-for.ts';
import { findChange, recordedChanges, type RecordedChange } from '../support/recorded-changes.ts';
import { killTerminals, openKx, prompt } from '../support/tmux-terminal.ts';

let cp: ControlPlane;
const onCluster = (...args: string[]): Promise<string> => kubectlOk(args, { kubeconfig: cp.kubeconfigPath });

before(async () => {
  cp = await startControlPlane();
  await kubectlOk(['create', '-f', '-'], {
    kubeconfig: cp.kubeconfigPath,
    input: JSON.stringify({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'shop', namespace: 'default', labels: { app: 'shop' } },
      spec: { replicas: 1, selector: { matchLabels: { app: 'shop' } }, template: { metadata: { labels: { app: 'shop' } }, spec: { containers: [{ name: 'main', image: 'busybox:1.36' }] } } },
    }),
  });
  await waitForJson<{ status: { readyReplicas?: number } }, true>('shop to be ready', ['deploy', 'shop'], cp.kubeconfigPath, (d) => (d.status.readyReplicas === 1 ? true : undefined));
});

after(async () => {
  killTerminals();
  await cp?.stop();
});

type Managed = { metadata: { managedFields?: { manager: string; operation: string; time: string; fieldsV1?: Record<string, Record<string, unknown>> }[] } };

/** The managers the API server recorded as owning `field` of spec or metadata (the oracle for BY). */
async function ownersOf(section: 'f:spec' | 'f:metadata', field: string): Promise<string[]> {
  const obj = JSON.parse(await onCluster('get', 'deploy', 'shop', '-o', 'json', '--show-managed-fields')) as Managed;
  return (obj.metadata.managedFields ?? []).filter((e) => e.fieldsV1?.[section]?.[field] !== undefined).map((e) => `${e.manager} (${e.operation})`);
}

test('kubectl scale, set image, label and a deleted pod are recorded with their diffs and kubectl as the writer', { timeout: 180_000 }, async () => {
  const file = join(cp.dir, 'changes.jsonl');
  // The scale below must come well after the creation: an entry written before kx saw the previous
  // version (here kubectl-create's) is not this change's writer only when it is clearly older.
  await new Promise((r) => setTimeout(r, 3_000));
  const env = { ...bareEnv(), KX_CONFIG_DIR: join(cp.dir, 'kx-config'), XDG_STATE_HOME: join(cp.dir, 'state') };
  const rec = startKx(['--kubeconfig', cp.kubeconfigPath, 'record', '-n', 'default', '--kinds', 'deployments,pods', '-o', file], env);
  const done = finished(rec);
  let stderr = '';
  rec.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  await waitFor('kx record to start recording', () => stderr.includes('Recording deployments, pods in namespace default'), 30_000);

  await onCluster('scale', 'deploy/shop', '--replicas=2');
  await waitForJson<{ status: { readyReplicas?: number } }, true>('two ready', ['deploy', 'shop'], cp.kubeconfigPath, (d) => (d.status.readyReplicas === 2 ? true : undefined));
  await onCluster('set', 'image', 'deploy/shop', 'main=busybox:1.37');
  await onCluster('label', 'deploy/shop', 'tier=web');
  const pod = (await onCluster('get', 'pods', '-l', 'app=shop', '-o', 'jsonpath={.items[0].metadata.name}')).trim();
  await onCluster('delete', 'pod', pod, '--wait=false');

  const find = (kind: string, name: string, part: string): RecordedChange | undefined => findChange(file, kind, name, part);
  const scaled = await waitFor('the scale', () => find('Deployment', 'shop', 'replicas 1 → 2'), 30_000);
  const imaged = await waitFor('the new image', () => find('Deployment', 'shop', 'image main: busybox:1.36 → busybox:1.37'), 30_000);
  const labelled = await waitFor('the label', () => find('Deployment', 'shop', 'label tier=web'), 30_000);
  await waitFor('the deleted pod', () => recordedChanges(file).find((l) => l.kind === 'Pod' && l.name === pod && (l.change.includes('deleted') || l.change.includes('deletion requested'))), 30_000);
  rec.kill('SIGINT');
  assert.equal((await done).code, 0);

  // The writers are kubectl's own field managers (kubectl 1.32 names one per command), as the API server recorded them.
  assert.deepEqual([imaged.by, labelled.by], ['kubectl-set (Update)', 'kubectl-label (Update)']);
  assert.ok((await ownersOf('f:spec', 'f:template')).includes(imaged.by), `${imaged.by} owns spec.template`);
  assert.ok((await ownersOf('f:metadata', 'f:labels')).includes(labelled.by), `${labelled.by} owns metadata.labels`);
  // A 1.20 API server records no entry for a write through /scale: spec.replicas still reads as
  // kubectl-create's, from before the scale, so kx names no one rather than the wrong writer.
  assert.ok((await ownersOf('f:spec', 'f:replicas')).includes('kubectl-create (Update)'));
  assert.equal(scaled.by, 'unknown');
});

test(':changes in the TUI lists kubectl set image with its diff and writer', { timeout: 120_000 }, async () => {
  const t = openKx('deploy -n default', { kubeconfig: cp.kubeconfigPath, columns: 180, rows: 24 });
  await t.waitFor(/deployments \(default\)\s+● live/, 60_000);
  await onCluster('set', 'image', 'deploy/shop', 'main=busybox:1.38');
  await prompt(t, ':', 'changes');
  t.send('Enter');
  const screen = await t.waitFor(/Deployment\s+default\s+shop\s+image main: busybox:1\.37 → busybox:1\.38\s+kubectl-set \(Update\)/, 30_000);
  assert.doesNotMatch(screen.split('\n').find((l) => l.includes('busybox:1.38')) ?? '', /kube-controller-manager/);
});
