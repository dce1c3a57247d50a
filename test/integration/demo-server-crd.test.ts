import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { KubeConfig, KubernetesObjectApi, type KubernetesObject } from '@kubernetes/client-node';
import type { KubeObject, KubeTable } from '../../src/kube/object.ts';
import { api } from '../support/demo-http.ts';
import { crontab, crontabCrd } from '../support/demo-fixtures.ts';
import { startDemoSetup, type DemoSetup } from '../support/demo-server-setup.ts';

let demo: DemoSetup;
before(async () => {
  demo = await startDemoSetup();
});
after(() => demo.close());

test('a CRD created over HTTP appears in discovery at once, and goes when deleted', async () => {
  const created = await api(demo.server, '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', { method: 'POST', body: crontabCrd() });
  assert.equal(created.status, 201);
  const groups = await api<{ groups: { name: string }[] }>(demo.server, '/apis');
  assert.ok(groups.body.groups.some((g) => g.name === 'stable.example.com'));
  const list = await api<{ resources: { name: string; shortNames?: string[]; namespaced: boolean; kind: string }[] }>(demo.server, '/apis/stable.example.com/v1');
  const main = list.body.resources.find((r) => r.name === 'crontabs');
  assert.deepEqual([main?.kind, main?.namespaced, main?.shortNames], ['CronTab', true, ['ct']]);
  assert.deepEqual(list.body.resources.map((r) => r.name).sort(), ['crontabs', 'crontabs/scale', 'crontabs/status']);
  const crd = await api<{ status: { conditions: { type: string; status: string }[] } }>(demo.server, '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/crontabs.stable.example.com');
  assert.ok(crd.body.status.conditions.some((c) => c.type === 'Established' && c.status === 'True'));
});

test('custom objects: create through client-node, list, printer columns, scale, strategic patch refused', async () => {
  const kc = new KubeConfig();
  kc.loadFromFile(demo.kubeconfig);
  const objects = KubernetesObjectApi.makeApiClient(kc);
  const made = await objects.create(crontab('default', 'nightly', '0 3 * * *', 2) as KubernetesObject);
  assert.ok(made.metadata?.uid);
  await objects.create(crontab('default', 'hourly', '0 * * * *', 1) as KubernetesObject);
  const got = (await objects.read({ apiVersion: 'stable.example.com/v1', kind: 'CronTab', metadata: { name: 'nightly', namespace: 'default' } })) as unknown as KubeObject;
  assert.equal((got.spec as { cronSpec: string }).cronSpec, '0 3 * * *');
  const table = await api<KubeTable>(demo.server, '/apis/stable.example.com/v1/namespaces/default/crontabs', { accept: 'application/json;as=Table;g=meta.k8s.io;v=v1' });
  assert.deepEqual(
    table.body.columnDefinitions.map((c) => c.name),
    ['Name', 'Spec', 'Replicas', 'Age'],
  );
  assert.deepEqual(
    table.body.rows.map((r) => r.cells.slice(0, 3)),
    [
      ['hourly', '0 * * * *', 1],
      ['nightly', '0 3 * * *', 2],
    ],
  );
  assert.match(String(table.body.rows[0]?.cells[3]), /^\d+s$/);
  // Create drops status (status subresource); the controller would set it through /status.
  const st = await api(demo.server, '/apis/stable.example.com/v1/namespaces/default/crontabs/nightly/status', {
    method: 'PATCH',
    contentType: 'application/merge-patch+json',
    body: { status: { replicas: 2, labelSelector: 'app=nightly' } },
  });
  assert.equal(st.status, 200);
  const scale = await api<{ spec: { replicas: number }; status: { selector: string } }>(demo.server, '/apis/stable.example.com/v1/namespaces/default/crontabs/nightly/scale');
  assert.deepEqual([scale.body.spec.replicas, scale.body.status.selector], [2, 'app=nightly']);
  const scaled = await api<{ spec: { replicas: number } }>(demo.server, '/apis/stable.example.com/v1/namespaces/default/crontabs/nightly/scale', {
    method: 'PATCH',
    contentType: 'application/merge-patch+json',
    body: { spec: { replicas: 4 } },
  });
  assert.equal(scaled.body.spec.replicas, 4);
  const smp = await api(demo.server, '/apis/stable.example.com/v1/namespaces/default/crontabs/nightly', {
    method: 'PATCH',
    contentType: 'application/strategic-merge-patch+json',
    body: { spec: { image: 'x' } },
  });
  assert.equal(smp.status, 415);
  const list = await api<{ kind: string; items: KubeObject[] }>(demo.server, '/apis/stable.example.com/v1/crontabs');
  assert.equal(list.body.kind, 'CronTabList');
  assert.equal(list.body.items[0]?.kind, 'CronTab', 'custom resource list items keep apiVersion/kind');
});

test('a custom object with a finalizer stays Terminating until the finalizer goes', async () => {
  const stuck = crontab('default', 'stuck', '* * * * *');
  stuck.metadata.finalizers = ['stable.example.com/hold'];
  await api(demo.server, '/apis/stable.example.com/v1/namespaces/default/crontabs', { method: 'POST', body: stuck });
  const del = await api<KubeObject>(demo.server, '/apis/stable.example.com/v1/namespaces/default/crontabs/stuck', { method: 'DELETE' });
  assert.ok(del.body.metadata.deletionTimestamp);
  assert.equal((await api(demo.server, '/apis/stable.example.com/v1/namespaces/default/crontabs/stuck')).status, 200);
});

test('a cluster-scoped CRD serves cluster-scoped objects; deleting the CRD unregisters it', async () => {
  const crd = crontabCrd();
  crd.metadata.name = 'widgets.example.org';
  Object.assign(crd.spec as object, { group: 'example.org', scope: 'Cluster', names: { plural: 'widgets', singular: 'widget', kind: 'Widget', shortNames: ['wg'] } });
  demo.server.store.create({ group: 'apiextensions.k8s.io', plural: 'customresourcedefinitions' }, crd);
  const w = await api(demo.server, '/apis/example.org/v1/widgets', { method: 'POST', body: { apiVersion: 'example.org/v1', kind: 'Widget', metadata: { name: 'w1' }, spec: {} } });
  assert.equal(w.status, 201);
  assert.equal((await api(demo.server, '/apis/example.org/v1/namespaces/default/widgets')).status, 404, 'no namespaced path for a cluster-scoped resource');
  const del = await api(demo.server, '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.org', { method: 'DELETE' });
  assert.equal(del.status, 200);
  assert.equal((await api(demo.server, '/apis/example.org/v1')).status, 404);
  assert.equal((await api(demo.server, '/apis/example.org/v1/widgets')).status, 404);
});
