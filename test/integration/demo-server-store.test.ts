import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ScenarioContext } from '../../src/demo/scenario/context.ts';
import { Rng } from '../../src/demo/scenario/rng.ts';
import { MemoryStore, ResourceCatalogue } from '../../src/demo/server/index.ts';
import { DemoApiError, type StoreChange } from '../../src/demo/types.ts';
import { crontab, crontabCrd, deployment, namespace, pod } from '../support/demo-fixtures.ts';

const pods = { group: '', plural: 'pods' };
const deployments = { group: 'apps', plural: 'deployments' };
const namespaces = { group: '', plural: 'namespaces' };

function newStore(window = 100): MemoryStore {
  return new MemoryStore(new ResourceCatalogue(), window);
}

test('create fills uid, resourceVersion, creationTimestamp, generation and a generated name', () => {
  const store = newStore();
  const p = pod('default', '', {});
  p.metadata.generateName = 'web-';
  const created = store.create(pods, p);
  assert.match(created.metadata.name, /^web-[a-z0-9]{5}$/);
  assert.match(created.metadata.uid, /^[0-9a-f-]{36}$/);
  assert.equal(created.metadata.resourceVersion, String(store.currentResourceVersion()));
  assert.equal(created.metadata.generation, 1);
  assert.match(created.metadata.creationTimestamp ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.throws(
    () => store.create(pods, { ...p, metadata: { ...p.metadata, name: created.metadata.name } }),
    (e: unknown) => e instanceof DemoApiError && e.code === 409 && e.reason === 'AlreadyExists',
  );
});

test('update bumps generation only for spec changes and rejects a stale resourceVersion', () => {
  const store = newStore();
  const d = store.create(deployments, deployment('default', 'web', 2));
  const statusOnly = store.mutate(deployments, 'default', 'web', (x) => {
    (x.status as Record<string, unknown>).readyReplicas = 1;
  });
  assert.equal(statusOnly?.metadata.generation, 1);
  const specChange = store.mutate(deployments, 'default', 'web', (x) => {
    (x.spec as Record<string, unknown>).replicas = 5;
  });
  assert.equal(specChange?.metadata.generation, 2);
  assert.throws(
    () => store.update(deployments, { ...d, spec: { replicas: 9 } }),
    (e: unknown) => e instanceof DemoApiError && e.code === 409 && e.reason === 'Conflict',
  );
  const rvBefore = store.currentResourceVersion();
  store.mutate(deployments, 'default', 'web', () => {});
  assert.equal(store.currentResourceVersion(), rvBefore, 'a no-op update commits nothing');
});

test('finalizers keep a deleted object until they are removed', () => {
  const store = newStore();
  const p = deployment('default', 'held', 1);
  p.metadata.finalizers = ['example.com/hold'];
  store.create(deployments, p);
  const marked = store.delete(deployments, 'default', 'held');
  assert.ok(marked?.metadata.deletionTimestamp);
  assert.ok(store.get(deployments, 'default', 'held'));
  store.mutate(deployments, 'default', 'held', (x) => {
    x.metadata.finalizers = [];
  });
  assert.equal(store.get(deployments, 'default', 'held'), undefined);
});

test('pods are deleted gracefully until the kubelet deletes them with grace period 0', () => {
  const store = newStore();
  const p = pod('default', 'slow');
  (p.spec as Record<string, unknown>).terminationGracePeriodSeconds = 45;
  store.create(pods, p);
  const marked = store.delete(pods, 'default', 'slow');
  assert.equal(marked?.metadata.deletionGracePeriodSeconds, 45);
  assert.ok(store.get(pods, 'default', 'slow'));
  const gone = store.delete(pods, 'default', 'slow', { gracePeriodSeconds: 0 });
  assert.equal(gone?.metadata.name, 'slow');
  assert.equal(store.get(pods, 'default', 'slow'), undefined);
  const unscheduled = pod('default', 'pending');
  delete (unscheduled.spec as Record<string, unknown>).nodeName;
  store.create(pods, unscheduled);
  store.delete(pods, 'default', 'pending');
  assert.equal(store.get(pods, 'default', 'pending'), undefined, 'an unscheduled pod goes at once');
});

test('lists come back in etcd key order and scope is enforced', () => {
  const store = newStore();
  for (const [ns, name] of [
    ['b', 'x'],
    ['a', 'z'],
    ['a-b', 'y'],
    ['a', 'b'],
  ] as const)
    store.create(pods, pod(ns, name));
  assert.deepEqual(
    store.list(pods).map((o) => `${o.metadata.namespace}/${o.metadata.name}`),
    ['a-b/y', 'a/b', 'a/z', 'b/x'],
  );
  assert.deepEqual(
    store.list(pods, 'a').map((o) => o.metadata.name),
    ['b', 'z'],
  );
  const ns = store.create(namespaces, { ...namespace('cluster-wide'), metadata: { name: 'cluster-wide', uid: '', namespace: 'oops' } });
  assert.equal(ns.metadata.namespace, undefined, 'cluster-scoped objects carry no namespace');
  assert.throws(
    () => store.create(pods, { ...pod('x', 'y'), metadata: { name: 'y', uid: '' } }),
    (e: unknown) => e instanceof DemoApiError && e.code === 422,
  );
});

test('subscribers see changes in commit order, even when a listener writes', () => {
  const store = newStore();
  const seen: string[] = [];
  store.subscribe((c: StoreChange) => {
    if (c.type === 'ADDED' && c.object.metadata.name === 'first') store.create(pods, pod('default', 'second'));
  });
  store.subscribe((c) => seen.push(`${c.type}:${c.object.metadata.name}:${c.object.metadata.resourceVersion}`));
  store.create(pods, pod('default', 'first'));
  assert.deepEqual(seen, ['ADDED:first:1', 'ADDED:second:2']);
});

test('the change log keeps the window and reports what was compacted away', () => {
  const store = newStore(3);
  for (let i = 0; i < 5; i++) store.create(pods, pod('default', `p${i}`));
  assert.equal(store.changesSince(1), undefined, 'rv 1 is older than the 3 kept changes');
  assert.deepEqual(
    store.changesSince(2)?.map((c) => c.rv),
    [3, 4, 5],
  );
  store.compact();
  assert.equal(store.changesSince(4), undefined);
  assert.deepEqual(store.changesSince(5), []);
});

test('creating a CRD registers its resource at once; deleting it drops its objects', () => {
  const store = newStore();
  const crds = { group: 'apiextensions.k8s.io', plural: 'customresourcedefinitions' };
  // The server wires CRDs through watchCrds; emulate the real start-up path.
  return import('../../src/demo/server/crd-registry.ts').then(({ watchCrds }) => {
    const stop = watchCrds(store);
    store.create(crds, crontabCrd());
    const def = store.catalogue.get('stable.example.com', 'crontabs');
    assert.equal(def?.kind, 'CronTab');
    assert.deepEqual(def?.shortNames, ['ct']);
    assert.ok(def?.subresources.scale);
    store.create({ group: 'stable.example.com', plural: 'crontabs' }, crontab('default', 'nightly', '0 3 * * *'));
    const established = store.get(crds, undefined, 'crontabs.stable.example.com');
    assert.ok(JSON.stringify(established?.status).includes('Established'));
    store.delete(crds, undefined, 'crontabs.stable.example.com');
    assert.equal(store.catalogue.get('stable.example.com', 'crontabs'), undefined);
    stop();
  });
});

test('deleting an owner deletes its dependents in the background (garbage collection)', async () => {
  const { startDemoApiServer } = await import('../../src/demo/server/index.ts');
  const server = await startDemoApiServer();
  try {
    const s = server.store;
    const owner = s.create(deployments, deployment('default', 'owner', 1));
    const child = pod('default', 'child');
    child.metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'owner', uid: owner.metadata.uid, controller: true }];
    (child.spec as Record<string, unknown>).terminationGracePeriodSeconds = 0;
    s.create(pods, child);
    s.create(pods, pod('default', 'orphan'));
    s.delete(deployments, 'default', 'owner');
    await new Promise((r) => setImmediate(r));
    assert.equal(s.get(pods, 'default', 'child'), undefined);
    assert.ok(s.get(pods, 'default', 'orphan'));
  } finally {
    await server.close();
  }
});

test("a controller's generated name skips one already taken, as the API server's generateName does", () => {
  const store = newStore();
  store.create(namespaces, namespace('shop'));
  // The first name this seed draws is taken already: a 10,000-pod demo hit that about once in 30 starts.
  const taken = `web-${new Rng(7).suffix()}`;
  store.create(pods, pod('shop', taken, {}));
  const ctx = new ScenarioContext(store, 1, 7);
  const name = ctx.generatedName(pods, 'shop', 'web');
  assert.match(name, /^web-[a-z0-9]{5}$/);
  assert.notEqual(name, taken);
  store.create(pods, pod('shop', name, {}));
});
