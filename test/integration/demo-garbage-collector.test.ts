import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import type { KubeObject, OwnerReference } from '../../src/kube/object.ts';
import { deployment, namespace } from '../support/demo-fixtures.ts';
import { api } from '../support/demo-http.ts';
import { startDemoSetup, type DemoSetup } from '../support/demo-server-setup.ts';

// The demo's one garbage collector against kube-controller-manager's rules; kubectl is the oracle for --cascade.
let demo: DemoSetup;
const configmaps = { group: '', plural: 'configmaps' };
const deployments = { group: 'apps', plural: 'deployments' };
const replicasets = { group: 'apps', plural: 'replicasets' };
const jobs = { group: 'batch', plural: 'jobs' };
const pvs = { group: '', plural: 'persistentvolumes' };
const HOLD = 'example.com/hold';

before(async () => {
  demo = await startDemoSetup();
  for (const ns of ['team-a', 'team-b']) demo.server.store.create({ group: '', plural: 'namespaces' }, namespace(ns));
});
after(() => demo.close());

const store = () => demo.server.store;

function kubectl(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('kubectl', ['--kubeconfig', demo.kubeconfig, ...args], { timeout: 20_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

function refTo(owner: KubeObject, extra: Partial<OwnerReference> = {}): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid, ...extra };
}

function configMap(ns: string | undefined, name: string, owners: OwnerReference[], finalizers?: string[]): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns, uid: '', ownerReferences: owners, ...(finalizers ? { finalizers } : {}) }, data: { a: '1' } };
}

const cm = (ns: string, name: string) => store().get(configmaps, ns, name);
const turn = () => new Promise((r) => setImmediate(r));

/** Yields to the event loop until cond holds (the collector works on later turns); fails after many turns. */
async function until(what: string, cond: () => boolean): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (cond()) return;
    await turn();
  }
  assert.fail(`never happened: ${what}`);
}

let sentinels = 0;
/** A barrier: the collector handles its queue in order, so once a fresh orphan is collected, earlier work is done. */
async function collectorSettled(): Promise<void> {
  const name = `sentinel-${++sentinels}`;
  store().create(configmaps, configMap('default', name, [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'nobody', uid: 'no-such-uid' }]));
  await until(`${name} collected`, () => cm('default', name) === undefined);
}

function release(ns: string, name: string): void {
  store().mutate(configmaps, ns, name, (d) => {
    d.metadata.finalizers = (d.metadata.finalizers ?? []).filter((f) => f !== HOLD);
  });
}

test('an object whose every owner is gone is deleted, also when created after the owner went, and an owner of that name with another uid is gone', async () => {
  // Differed: both old collectors only reacted to an owner's DELETED event, never to a dependent that arrives dangling.
  const gone = store().create(deployments, deployment('default', 'gone', 1));
  store().delete(deployments, 'default', 'gone');
  const web = store().create(deployments, deployment('default', 'web', 1));
  store().create(configmaps, configMap('default', 'of-deleted', [refTo(gone)]));
  store().create(configmaps, configMap('default', 'other-uid', [refTo(web, { uid: 'an-older-web' })]));
  store().create(configmaps, configMap('default', 'of-web', [refTo(web)]));
  await until('dangling dependents collected', () => !cm('default', 'of-deleted') && !cm('default', 'other-uid'));
  await collectorSettled();
  assert.ok(cm('default', 'of-web'), 'a dependent of a live owner stays');
});

test('a dependent with another live owner stays and only loses the reference to the owner that went', async () => {
  // Differed: the server collector deleted it with its first owner; the scenario one kept the dangling reference for ever.
  const a = store().create(deployments, deployment('default', 'owner-a', 1));
  const b = store().create(deployments, deployment('default', 'owner-b', 1));
  store().create(configmaps, configMap('default', 'shared', [refTo(a), refTo(b)]));
  store().delete(deployments, 'default', 'owner-a');
  await until('reference to owner-a dropped', () => cm('default', 'shared')?.metadata.ownerReferences?.length === 1);
  assert.deepEqual(
    cm('default', 'shared')?.metadata.ownerReferences?.map((r) => r.name),
    ['owner-b'],
  );
  store().delete(deployments, 'default', 'owner-b');
  await until('shared collected with its last owner', () => !cm('default', 'shared'));
});

test('kubectl delete --cascade=background (its default) deletes the dependents after the owner', async () => {
  const owner = store().create(deployments, deployment('default', 'bg', 1));
  store().create(configmaps, configMap('default', 'bg-child', [refTo(owner, { controller: true, blockOwnerDeletion: true })]));
  const r = await kubectl('delete', 'deploy', 'bg');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(store().get(deployments, 'default', 'bg'), undefined);
  await until('bg-child collected', () => !cm('default', 'bg-child'));
});

test('kubectl delete --cascade=orphan removes the owner and leaves its dependents without the reference', async () => {
  // Differed: the server ignored propagationPolicy and collected the dependent.
  const owner = store().create(deployments, deployment('default', 'orph', 1));
  const other = store().create(deployments, deployment('default', 'keeper', 1));
  store().create(configmaps, configMap('default', 'orph-child', [refTo(owner, { controller: true, blockOwnerDeletion: true })]));
  store().create(configmaps, configMap('default', 'orph-shared', [refTo(owner), refTo(other)]));
  const r = await kubectl('delete', 'deploy', 'orph', '--cascade=orphan');
  assert.equal(r.code, 0, r.stderr);
  await until('orph gone', () => !store().get(deployments, 'default', 'orph'));
  await collectorSettled();
  assert.equal(cm('default', 'orph-child')?.metadata.ownerReferences, undefined);
  assert.deepEqual(
    cm('default', 'orph-shared')?.metadata.ownerReferences?.map((r) => r.name),
    ['keeper'],
  );
});

test('kubectl delete --cascade=foreground keeps the owner with foregroundDeletion until its blocking dependents are gone', async () => {
  // Differed: the server ignored propagationPolicy, so the owner went at once and nothing waited.
  const owner = store().create(deployments, deployment('default', 'fg', 1));
  store().create(configmaps, configMap('default', 'fg-blocking', [refTo(owner, { controller: true, blockOwnerDeletion: true })], [HOLD]));
  store().create(configmaps, configMap('default', 'fg-nonblocking', [refTo(owner)], [HOLD]));
  const rs = store().create(replicasets, {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'fg-rs', namespace: 'default', uid: '', ownerReferences: [refTo(owner, { controller: true, blockOwnerDeletion: true })] },
    spec: { replicas: 0, selector: { matchLabels: { app: 'fg' } } },
  });
  store().create(configmaps, configMap('default', 'fg-rs-child', [refTo(rs, { controller: true, blockOwnerDeletion: true })], [HOLD]));

  const r = await kubectl('delete', 'deploy', 'fg', '--cascade=foreground', '--wait=false');
  assert.equal(r.code, 0, r.stderr);
  const marked = await kubectl('get', 'deploy', 'fg', '-o', 'jsonpath={.metadata.finalizers} {.metadata.deletionTimestamp}');
  assert.equal(marked.code, 0, marked.stderr);
  assert.match(marked.stdout, /^\["foregroundDeletion"\] \d{4}-/);
  // Every dependent is deleted; one that owns things itself goes in foreground too.
  await until('dependents terminating', () => ['fg-blocking', 'fg-nonblocking', 'fg-rs-child'].every((n) => cm('default', n)?.metadata.deletionTimestamp));
  assert.deepEqual(store().get(replicasets, 'default', 'fg-rs')?.metadata.finalizers, ['foregroundDeletion']);

  release('default', 'fg-blocking');
  release('default', 'fg-rs-child');
  await until('fg-rs gone', () => !store().get(replicasets, 'default', 'fg-rs'));
  await until('fg gone', () => !store().get(deployments, 'default', 'fg'));
  // A dependent without blockOwnerDeletion did not hold the owner back.
  assert.ok(cm('default', 'fg-nonblocking')?.metadata.deletionTimestamp);
  release('default', 'fg-nonblocking');
  assert.equal((await kubectl('get', 'deploy', 'fg')).code, 1);
});

test('a batch/v1 Job deleted without a propagationPolicy orphans its dependents, as the real default does', async () => {
  // Differed: the server had no per-resource default and collected them.
  const job = (name: string): KubeObject => ({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: 'default', uid: '' },
    spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'Never' } } },
  });
  const kept = store().create(jobs, job('job-default'));
  const cascaded = store().create(jobs, job('job-background'));
  store().create(configmaps, configMap('default', 'job-default-child', [refTo(kept, { controller: true, blockOwnerDeletion: true })]));
  store().create(configmaps, configMap('default', 'job-background-child', [refTo(cascaded, { controller: true, blockOwnerDeletion: true })]));
  const plain = await api(demo.server, '/apis/batch/v1/namespaces/default/jobs/job-default', { method: 'DELETE' });
  assert.equal(plain.status, 200);
  assert.deepEqual((plain.body as KubeObject).metadata.finalizers, ['orphan']);
  const bg = await api(demo.server, '/apis/batch/v1/namespaces/default/jobs/job-background?propagationPolicy=Background', { method: 'DELETE' });
  assert.equal(bg.status, 200);
  await until('both jobs gone', () => !store().get(jobs, 'default', 'job-default') && !store().get(jobs, 'default', 'job-background'));
  await until('background child collected', () => !cm('default', 'job-background-child'));
  assert.equal(cm('default', 'job-default-child')?.metadata.ownerReferences, undefined);
});

test('an unknown propagationPolicy is 422 Invalid, worded like the server', async () => {
  // Differed: the server ignored it and deleted.
  store().create(configmaps, configMap('default', 'bad-policy', []));
  const r = await api(demo.server, '/api/v1/namespaces/default/configmaps/bad-policy', { method: 'DELETE', body: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Sideways' } });
  assert.equal(r.status, 422);
  assert.equal(r.body.message, 'DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "Sideways": supported values: "Foreground", "Background", "Orphan", "nil"');
  assert.ok(cm('default', 'bad-policy'));
});

test('an owner in another namespace does not count, and a cluster-scoped object with a namespaced owner is never collected', async () => {
  // Differed: both old collectors matched owners by uid alone, in any namespace and scope.
  const owner = store().create(deployments, deployment('team-a', 'api', 1));
  store().create(configmaps, configMap('team-a', 'same-ns', [refTo(owner)]));
  store().create(configmaps, configMap('team-b', 'cross-ns', [refTo(owner)]));
  store().create(pvs, { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv-owned-by-deploy', uid: '', ownerReferences: [refTo(owner)] }, spec: { capacity: { storage: '1Gi' } } });
  await until('cross-namespace dependent collected', () => !cm('team-b', 'cross-ns'));
  await collectorSettled();
  assert.ok(cm('team-a', 'same-ns'));
  store().delete(deployments, 'team-a', 'api');
  await until('same-namespace dependent collected with its owner', () => !cm('team-a', 'same-ns'));
  await collectorSettled();
  assert.ok(store().get(pvs, undefined, 'pv-owned-by-deploy'), 'the invalid reference keeps it');
});
