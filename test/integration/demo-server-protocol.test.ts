import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { AppsV1Api, CoreV1Api, KubeConfig, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { api } from '../support/demo-http.ts';
import { deployment, pod } from '../support/demo-fixtures.ts';
import { startDemoSetup, type DemoSetup } from '../support/demo-server-setup.ts';

let demo: DemoSetup;
let kc: KubeConfig;
const pods = { group: '', plural: 'pods' };

before(async () => {
  demo = await startDemoSetup();
  kc = new KubeConfig();
  kc.loadFromFile(demo.kubeconfig);
});
after(() => demo.close());

test('discovery documents list groups, preferred versions, short names and subresources', async () => {
  const version = await api(demo.server, '/version');
  assert.match(String(version.body.gitVersion), /^v1\.32\.\d+$/);
  const core = await api<{ resources: { name: string; shortNames?: string[]; namespaced: boolean; kind: string; verbs: string[] }[] }>(demo.server, '/api/v1');
  const byName = new Map(core.body.resources.map((r) => [r.name, r]));
  assert.deepEqual(byName.get('pods')?.shortNames, ['po']);
  assert.equal(byName.get('nodes')?.namespaced, false);
  assert.deepEqual(byName.get('pods/log')?.verbs, ['get']);
  assert.ok(byName.get('pods/exec'));
  const groups = await api<{ groups: { name: string; preferredVersion: { version: string }; versions: { version: string }[] }[] }>(demo.server, '/apis');
  const autoscaling = groups.body.groups.find((g) => g.name === 'autoscaling');
  assert.equal(autoscaling?.preferredVersion.version, 'v2');
  assert.deepEqual(
    autoscaling?.versions.map((v) => v.version),
    ['v2', 'v1'],
  );
  const apps = await api<{ resources: { name: string; group?: string; kind: string }[] }>(demo.server, '/apis/apps/v1');
  const scale = apps.body.resources.find((r) => r.name === 'deployments/scale');
  assert.equal(scale?.kind, 'Scale');
  assert.equal(scale?.group, 'autoscaling');
  assert.equal((await api(demo.server, '/apis/nope.example.com/v1')).status, 404);
});

test('a request without the right token gets 401 with a Status body', async () => {
  const none = await api(demo.server, '/api/v1/pods', { token: null });
  assert.equal(none.status, 401);
  assert.equal(none.body.kind, 'Status');
  assert.equal(none.body.reason, 'Unauthorized');
  const wrong = await api(demo.server, '/api/v1/pods', { token: 'not-the-token' });
  assert.equal(wrong.status, 401);
});

test('client-node creates, reads, lists, replaces and deletes through the kubeconfig (https + token)', async () => {
  const core = kc.makeApiClient(CoreV1Api);
  const created = await core.createNamespacedPod({ namespace: 'default', body: pod('default', 'cn-1') as never });
  assert.ok(created.metadata?.uid);
  const read = await core.readNamespacedPod({ namespace: 'default', name: 'cn-1' });
  assert.equal(read.metadata?.resourceVersion, created.metadata?.resourceVersion);
  assert.equal(read.status?.phase, 'Pending', 'the registry resets status on create');
  const list = await core.listNamespacedPod({ namespace: 'default' });
  assert.ok(list.items.some((p) => p.metadata?.name === 'cn-1'));
  assert.equal(list.metadata?.resourceVersion, String(demo.server.store.currentResourceVersion()));
  read.metadata!.labels = { ...read.metadata!.labels, tier: 'web' };
  const replaced = await core.replaceNamespacedPod({ namespace: 'default', name: 'cn-1', body: read });
  assert.equal(replaced.metadata?.labels?.tier, 'web');
  // The stale resourceVersion of `read` now conflicts.
  await assert.rejects(
    core.replaceNamespacedPod({ namespace: 'default', name: 'cn-1', body: read }),
    (e: { code?: number; body?: string }) => e.code === 409 && String(e.body).includes('the object has been modified'),
  );
  await assert.rejects(
    core.createNamespacedPod({ namespace: 'default', body: pod('default', 'cn-1') as never }),
    (e: { code?: number; body?: string }) => e.code === 409 && String(e.body).includes('AlreadyExists'),
  );
  const deleted = await core.deleteNamespacedPod({ namespace: 'default', name: 'cn-1' });
  assert.ok(deleted);
  await assert.rejects(core.readNamespacedPod({ namespace: 'default', name: 'gone' }), (e: { code?: number; body?: string }) => e.code === 404 && String(e.body).includes('pods \\"gone\\" not found'));
});

test('errors are Status objects with the real reasons', async () => {
  const missing = await api(demo.server, '/api/v1/namespaces/default/pods/nope');
  assert.deepEqual([missing.status, missing.body.reason, missing.body.message], [404, 'NotFound', 'pods "nope" not found']);
  const unknown = await api(demo.server, '/api/v1/widgets');
  assert.deepEqual([unknown.status, unknown.body.message], [404, 'the server could not find the requested resource']);
  const noNs = await api(demo.server, '/api/v1/namespaces/nowhere/pods', { method: 'POST', body: pod('nowhere', 'x') });
  assert.deepEqual([noNs.status, noNs.body.message], [404, 'namespaces "nowhere" not found']);
  const badField = await api(demo.server, '/api/v1/pods?fieldSelector=spec.foo%3Dbar');
  assert.deepEqual([badField.status, badField.body.reason], [400, 'BadRequest']);
  assert.match(String(badField.body.message), /field label not supported: spec\.foo/);
  const badVerb = await api(demo.server, '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews');
  assert.equal(badVerb.status, 405);
  const ssar = await api<{ status: { allowed: boolean } }>(demo.server, '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
    method: 'POST',
    body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { verb: 'delete', resource: 'pods' } } },
  });
  assert.equal(ssar.status, 201);
  assert.equal(ssar.body.status.allowed, true);
});

test('paging with limit/continue returns every object once, with remainingItemCount', async () => {
  for (let i = 0; i < 25; i++) demo.server.store.create(pods, pod('kube-system', `page-${String(i).padStart(2, '0')}`, { labels: { page: 'yes', parity: i % 2 ? 'odd' : 'even' } }));
  const names: string[] = [];
  let token = '';
  let first = true;
  let pagesRv = '';
  do {
    const page = await api<{ items: { metadata: { name: string } }[]; metadata: { continue?: string; remainingItemCount?: number; resourceVersion: string } }>(
      demo.server,
      `/api/v1/namespaces/kube-system/pods?limit=10${token ? `&continue=${encodeURIComponent(token)}` : ''}`,
    );
    if (first) {
      assert.equal(page.body.metadata.remainingItemCount, 15);
      pagesRv = page.body.metadata.resourceVersion;
      first = false;
    } else assert.equal(page.body.metadata.resourceVersion, pagesRv, "later pages report the first page's resourceVersion");
    names.push(...page.body.items.map((p) => p.metadata.name));
    token = page.body.metadata.continue ?? '';
  } while (token);
  assert.equal(names.length, 25);
  assert.deepEqual(names, [...names].sort());
  const bad = await api(demo.server, '/api/v1/pods?limit=5&continue=garbage');
  assert.equal(bad.status, 400);
});

test('a continue token older than the compaction window is 410 Expired', async () => {
  const first = await api<{ metadata: { continue: string } }>(demo.server, '/api/v1/namespaces/kube-system/pods?limit=5');
  demo.server.store.create(pods, pod('kube-system', 'after-token'));
  demo.server.compact();
  const next = await api(demo.server, `/api/v1/namespaces/kube-system/pods?limit=5&continue=${encodeURIComponent(first.body.metadata.continue)}`);
  assert.deepEqual([next.status, next.body.reason], [410, 'Expired']);
});

test('label and field selectors filter lists', async () => {
  const odd = await api<{ items: { metadata: { name: string; labels: Record<string, string> } }[] }>(demo.server, `/api/v1/pods?labelSelector=${encodeURIComponent('page=yes,parity in (odd)')}`);
  assert.equal(odd.body.items.length, 12);
  assert.ok(odd.body.items.every((p) => p.metadata.labels.parity === 'odd'));
  const notEven = await api<{ items: unknown[] }>(demo.server, `/api/v1/pods?labelSelector=${encodeURIComponent('page,parity!=even')}`);
  assert.equal(notEven.body.items.length, 12);
  const without = await api<{ items: { metadata: { labels?: Record<string, string> } }[] }>(demo.server, `/api/v1/pods?labelSelector=${encodeURIComponent('!page')}`);
  assert.ok(without.body.items.every((p) => !p.metadata.labels?.page));
  demo.server.store.create(pods, pod('default', 'on-node-2', { node: 'node-2' }));
  const onNode = await api<{ items: { metadata: { name: string } }[] }>(demo.server, `/api/v1/pods?fieldSelector=${encodeURIComponent('spec.nodeName=node-2,status.phase=Running')}`);
  assert.deepEqual(
    onNode.body.items.map((p) => p.metadata.name),
    ['on-node-2'],
  );
  const byName = await api<{ items: unknown[] }>(demo.server, `/api/v1/namespaces/default/pods?fieldSelector=metadata.name%3Don-node-2`);
  assert.equal(byName.body.items.length, 1);
});

test('merge, JSON and strategic merge patches', async () => {
  demo.server.store.create({ group: 'apps', plural: 'deployments' }, deployment('default', 'patchme', 1));
  const path = '/apis/apps/v1/namespaces/default/deployments/patchme';
  const merge = await api<{ metadata: { labels: Record<string, string>; generation: number } }>(demo.server, path, {
    method: 'PATCH',
    contentType: 'application/merge-patch+json',
    body: { metadata: { labels: { tier: 'front', app: null } } },
  });
  assert.equal(merge.status, 200);
  assert.deepEqual(merge.body.metadata.labels, { tier: 'front' });
  assert.equal(merge.body.metadata.generation, 1);
  const json = await api<{ spec: { replicas: number }; metadata: { generation: number } }>(demo.server, path, {
    method: 'PATCH',
    contentType: 'application/json-patch+json',
    body: [{ op: 'replace', path: '/spec/replicas', value: 4 }],
  });
  assert.equal(json.body.spec.replicas, 4);
  assert.equal(json.body.metadata.generation, 2);
  const badJson = await api(demo.server, path, { method: 'PATCH', contentType: 'application/json-patch+json', body: [{ op: 'test', path: '/spec/replicas', value: 99 }] });
  assert.equal(badJson.status, 422);
  const smp = await api<{ spec: { template: { spec: { containers: { name: string; image: string; env: { name: string; value: string }[] }[] }; metadata: { annotations: Record<string, string> } } } }>(
    demo.server,
    path,
    {
      method: 'PATCH',
      contentType: 'application/strategic-merge-patch+json',
      body: {
        spec: {
          template: {
            metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-01-01T00:00:00Z' } },
            spec: {
              containers: [
                { name: 'app', image: 'nginx:1.28', env: [{ name: 'B', value: '2' }] },
                { name: 'sidecar', image: 'envoy' },
              ],
            },
          },
        },
      },
    },
  );
  const containers = smp.body.spec.template.spec.containers;
  assert.deepEqual(
    containers.map((c) => c.name),
    ['app', 'sidecar'],
  );
  assert.equal(containers[0]?.image, 'nginx:1.28');
  assert.deepEqual(
    containers[0]?.env.map((e) => e.name),
    ['A', 'B'],
    'env merges by name',
  );
  assert.equal(smp.body.spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt'], '2025-01-01T00:00:00Z');
  const del = await api<{ spec: { template: { spec: { containers: { name: string }[] } } } }>(demo.server, path, {
    method: 'PATCH',
    contentType: 'application/strategic-merge-patch+json',
    body: { spec: { template: { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } } } },
  });
  assert.deepEqual(
    del.body.spec.template.spec.containers.map((c) => c.name),
    ['app'],
  );
  const replace = await api<{ spec: { template: { metadata?: { labels?: Record<string, string> }; spec: { containers: { name: string }[] } } } }>(demo.server, path, {
    method: 'PATCH',
    contentType: 'application/strategic-merge-patch+json',
    body: { spec: { template: { $patch: 'replace', metadata: { labels: { app: 'patchme' } }, spec: { containers: [{ name: 'only', image: 'busybox' }] } } } },
  });
  assert.deepEqual(
    replace.body.spec.template.spec.containers.map((c) => c.name),
    ['only'],
  );
  // client-node's patch with an explicit strategy.
  const apps = kc.makeApiClient(AppsV1Api);
  const patched = await apps.patchNamespacedDeployment({ namespace: 'default', name: 'patchme', body: { spec: { paused: true } } }, setHeaderOptions('Content-Type', PatchStrategy.MergePatch));
  assert.equal(patched.spec?.paused, true);
  const stale = await api(demo.server, path, { method: 'PATCH', contentType: 'application/merge-patch+json', body: { metadata: { resourceVersion: '1' }, spec: { replicas: 1 } } });
  assert.equal(stale.status, 409);
});

test('the status subresource changes only status; the main resource keeps status', async () => {
  const path = '/apis/apps/v1/namespaces/default/deployments/patchme';
  const status = await api<{ status: { readyReplicas: number }; spec: { replicas: number } }>(demo.server, `${path}/status`, {
    method: 'PATCH',
    contentType: 'application/merge-patch+json',
    body: { status: { readyReplicas: 7 }, spec: { replicas: 50 } },
  });
  assert.equal(status.body.status.readyReplicas, 7);
  assert.notEqual(status.body.spec.replicas, 50);
  const main = await api<{ status: { readyReplicas: number } }>(demo.server, path, { method: 'PATCH', contentType: 'application/merge-patch+json', body: { status: { readyReplicas: 0 } } });
  assert.equal(main.body.status.readyReplicas, 7);
});

test('scale subresource: GET/PUT/PATCH an autoscaling/v1 Scale', async () => {
  demo.server.store.create({ group: 'apps', plural: 'deployments' }, deployment('default', 'scaled', 2));
  const path = '/apis/apps/v1/namespaces/default/deployments/scaled/scale';
  const scale = await api<{ kind: string; apiVersion: string; spec: { replicas: number }; status: { replicas: number; selector: string }; metadata: { resourceVersion: string } }>(demo.server, path);
  assert.deepEqual([scale.body.kind, scale.body.apiVersion, scale.body.spec.replicas, scale.body.status.selector], ['Scale', 'autoscaling/v1', 2, 'app=scaled']);
  const put = await api<{ spec: { replicas: number } }>(demo.server, path, { method: 'PUT', body: { ...scale.body, spec: { replicas: 5 } } });
  assert.equal(put.body.spec.replicas, 5);
  const stalePut = await api(demo.server, path, { method: 'PUT', body: { ...scale.body, spec: { replicas: 6 } } });
  assert.equal(stalePut.status, 409, 'the stale resourceVersion of the first GET conflicts');
  const patch = await api<{ spec: { replicas: number } }>(demo.server, path, { method: 'PATCH', contentType: 'application/merge-patch+json', body: { spec: { replicas: 3 } } });
  assert.equal(patch.body.spec.replicas, 3);
  assert.equal((demo.server.store.get({ group: 'apps', plural: 'deployments' }, 'default', 'scaled')?.spec as { replicas: number }).replicas, 3);
  const noScale = await api(demo.server, '/apis/apps/v1/namespaces/default/daemonsets/x/scale');
  assert.equal(noScale.status, 404);
});

test('deleting answers like the server: pods return the object, others a Success Status; finalizers hold', async () => {
  demo.server.store.create(pods, pod('default', 'graceful'));
  const graceful = await api<{ metadata: { deletionTimestamp?: string; deletionGracePeriodSeconds?: number } }>(demo.server, '/api/v1/namespaces/default/pods/graceful', { method: 'DELETE' });
  assert.equal(graceful.status, 200);
  assert.equal(graceful.body.metadata.deletionGracePeriodSeconds, 30);
  assert.ok((await api(demo.server, '/api/v1/namespaces/default/pods/graceful')).status === 200, 'still terminating');
  const now = await api(demo.server, '/api/v1/namespaces/default/pods/graceful', { method: 'DELETE', body: { kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 0 } });
  assert.equal(now.status, 200);
  assert.equal((await api(demo.server, '/api/v1/namespaces/default/pods/graceful')).status, 404);
  const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', finalizers: ['example.com/keep'] }, data: { a: '1' } };
  assert.equal((await api(demo.server, '/api/v1/namespaces/default/configmaps', { method: 'POST', body: cm })).status, 201);
  const held = await api<{ metadata: { deletionTimestamp?: string } }>(demo.server, '/api/v1/namespaces/default/configmaps/cfg', { method: 'DELETE' });
  assert.ok(held.body.metadata.deletionTimestamp);
  const release = await api(demo.server, '/api/v1/namespaces/default/configmaps/cfg', { method: 'PATCH', contentType: 'application/merge-patch+json', body: { metadata: { finalizers: null } } });
  assert.equal(release.status, 200);
  assert.equal((await api(demo.server, '/api/v1/namespaces/default/configmaps/cfg')).status, 404);
  await api(demo.server, '/api/v1/namespaces/default/configmaps', { method: 'POST', body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'plain' } } });
  const plain = await api<{ kind: string; status: string; details: { name: string; kind: string } }>(demo.server, '/api/v1/namespaces/default/configmaps/plain', { method: 'DELETE' });
  assert.deepEqual([plain.body.kind, plain.body.status, plain.body.details.name, plain.body.details.kind], ['Status', 'Success', 'plain', 'configmaps']);
});
