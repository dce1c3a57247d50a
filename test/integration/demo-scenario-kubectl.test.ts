import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeObject } from '../../src/kube/object.ts';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { waitFor } from '../support/wait-for.ts';
import { kubectl } from '../support/kubectl.ts';

const deployments = { group: 'apps', plural: 'deployments' };
const replicasets = { group: 'apps', plural: 'replicasets' };
const REV = 'deployment.kubernetes.io/revision';

let cluster: DemoCluster;
let dir: string;
let kc: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-scenario-kubectl-'));
  kc = join(dir, 'kubeconfig.yaml');
  cluster = await startDemoCluster({ seed: 11, churn: false, speed: 20, kubeconfigPath: kc });
});

after(async () => {
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
});

const store = () => cluster.server.store;
const frontendRS = () =>
  store()
    .list(replicasets, 'shop')
    .filter((rs) => rs.metadata.ownerReferences?.some((o) => o.name === 'frontend'));
const replicas = (rs: KubeObject) => (rs.spec as { replicas: number }).replicas;
const settled = () => {
  const d = store().get(deployments, 'shop', 'frontend') as KubeObject;
  const st = d.status as { observedGeneration?: number; updatedReplicas?: number; availableReplicas?: number; replicas?: number };
  return (st.observedGeneration ?? 0) >= (d.metadata.generation ?? 1) && st.updatedReplicas === 3 && st.replicas === 3 && st.availableReplicas === 3 && d;
};

test('kubectl rollout restart makes a new ReplicaSet; rollout undo reuses the previous one and bumps its revision', async () => {
  const before = frontendRS();
  assert.equal(before.length, 3);
  const current = before.find((rs) => replicas(rs) === 3) as KubeObject;
  assert.equal(current.metadata.annotations?.[REV], '3');

  const restart = await kubectl(['rollout', 'restart', '-n', 'shop', 'deployment/frontend'], { kubeconfig: kc });
  assert.equal(restart.code, 0, restart.stderr);
  assert.match(restart.stdout, /deployment.apps\/frontend restarted/);
  await waitFor('restart rollout', () => frontendRS().length === 4 && settled());
  const afterRestart = frontendRS();
  const restarted = afterRestart.find((rs) => !before.some((b) => b.metadata.uid === rs.metadata.uid)) as KubeObject;
  assert.equal(restarted.metadata.annotations?.[REV], '4');
  assert.ok((restarted.spec as { template: { metadata: { annotations: Record<string, string> } } }).template.metadata.annotations['kubectl.kubernetes.io/restartedAt']);
  await waitFor('old RS scaled to 0', () => replicas(store().get(replicasets, 'shop', current.metadata.name) as KubeObject) === 0);

  const undo = await kubectl(['rollout', 'undo', '-n', 'shop', 'deployment/frontend'], { kubeconfig: kc });
  assert.equal(undo.code, 0, undo.stderr);
  assert.match(undo.stdout, /rolled back/);
  await waitFor('undo rollout', () => {
    const rs = store().get(replicasets, 'shop', current.metadata.name) as KubeObject;
    return replicas(rs) === 3 && rs.metadata.annotations?.[REV] === '5' && settled();
  });
  const reused = store().get(replicasets, 'shop', current.metadata.name) as KubeObject;
  assert.equal(reused.metadata.annotations?.['deployment.kubernetes.io/revision-history'], '3');
  assert.equal(frontendRS().length, 4, 'no new ReplicaSet for an undo');
  await waitFor('restarted RS scaled to 0', () => replicas(store().get(replicasets, 'shop', restarted.metadata.name) as KubeObject) === 0);
  const d = store().get(deployments, 'shop', 'frontend') as KubeObject;
  assert.equal(d.metadata.annotations?.[REV], '5');

  const history = await kubectl(['rollout', 'history', '-n', 'shop', 'deployment/frontend'], { kubeconfig: kc });
  assert.equal(history.code, 0, history.stderr);
  assert.match(history.stdout, /^4\s+/m);
  assert.match(history.stdout, /^5\s+kubectl set image deployment\/frontend nginx=nginx:1\.27/m);
  const status = await kubectl(['rollout', 'status', '-n', 'shop', 'deployment/frontend', '--timeout=10s'], { kubeconfig: kc });
  assert.equal(status.code, 0, status.stderr);
  assert.match(status.stdout, /successfully rolled out/);
});

test('kubectl scale changes the number of running pods', async () => {
  const scale = await kubectl(['scale', '-n', 'shop', 'deployment/cart', '--replicas=4'], { kubeconfig: kc });
  assert.equal(scale.code, 0, scale.stderr);
  await waitFor('cart at 4', () => ((store().get(deployments, 'shop', 'cart') as KubeObject).status as { readyReplicas?: number }).readyReplicas === 4);
  const pods = await kubectl(['get', 'pods', '-n', 'shop', '-l', 'app=cart', '--no-headers'], { kubeconfig: kc });
  assert.equal(
    pods.stdout
      .trim()
      .split('\n')
      .filter((l) => / 1\/1 +Running /.test(l)).length,
    4,
  );
});

test('kubectl delete --cascade=foreground returns once the deployment went, after its ReplicaSets and pods', async () => {
  // Differed: the server ignored propagationPolicy; the deployment went at once and its pods were still terminating.
  const pods = { group: '', plural: 'pods' };
  const rsOf = () =>
    store()
      .list(replicasets, 'payments')
      .filter((rs) => rs.metadata.ownerReferences?.some((o) => o.name === 'payments-api'));
  const podsOf = () =>
    store()
      .list(pods, 'payments')
      .filter((p) => p.metadata.labels?.app === 'payments-api');
  assert.ok(rsOf().length > 0 && podsOf().length > 0);
  const del = await kubectl(['delete', 'deployment', 'payments-api', '-n', 'payments', '--cascade=foreground'], { kubeconfig: kc });
  assert.equal(del.code, 0, del.stderr);
  assert.equal(store().get(deployments, 'payments', 'payments-api'), undefined);
  assert.deepEqual(
    rsOf().map((rs) => rs.metadata.name),
    [],
  );
  assert.deepEqual(
    podsOf().map((p) => p.metadata.name),
    [],
  );
});

test('kubectl delete --cascade=orphan leaves the ReplicaSet, without its owner reference, still running its pods', async () => {
  // Differed: the server ignored propagationPolicy and collected the ReplicaSet and its pods.
  const rsOf = () =>
    store()
      .list(replicasets, 'payments')
      .filter((rs) => rs.metadata.labels?.app === 'fraud-scorer');
  const before = rsOf()
    .map((rs) => rs.metadata.name)
    .sort();
  assert.ok(before.length > 0);
  const del = await kubectl(['delete', 'deployment', 'fraud-scorer', '-n', 'payments', '--cascade=orphan'], { kubeconfig: kc });
  assert.equal(del.code, 0, del.stderr);
  await waitFor('deployment gone', () => store().get(deployments, 'payments', 'fraud-scorer') === undefined);
  await waitFor('owner references dropped', () => rsOf().every((rs) => !rs.metadata.ownerReferences));
  const rs = await kubectl(['get', 'rs', '-n', 'payments', '-l', 'app=fraud-scorer', '-o', 'jsonpath={.items[*].metadata.name}'], { kubeconfig: kc });
  assert.deepEqual(rs.stdout.split(' ').sort(), before);
  const pods = store()
    .list({ group: '', plural: 'pods' }, 'payments')
    .filter((p) => p.metadata.labels?.app === 'fraud-scorer');
  assert.ok(pods.length > 0 && pods.every((p) => !p.metadata.deletionTimestamp));
});

test('a cluster with 10,000 extra pods lists them all', async () => {
  const big = await startDemoCluster({ seed: 3, churn: false, extraPods: 10_000, kubeconfigPath: join(dir, 'big.yaml') });
  try {
    const out = await kubectl(['get', 'pods', '-n', 'load', '-o', 'name', '--chunk-size=2000'], { kubeconfig: join(dir, 'big.yaml'), timeoutMs: 60_000 });
    assert.equal(out.code, 0, out.stderr);
    assert.equal(out.stdout.trim().split('\n').length, 10_000);
  } finally {
    await big.stop();
  }
});
