import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { api } from '../support/demo-http.ts';
import { deployment } from '../support/demo-fixtures.ts';
import { startDemoSetup, type DemoSetup } from '../support/demo-server-setup.ts';
import { kubectl } from '../support/kubectl.ts';

// spec.replicas is an int32 >= 0 on the real API server: a value that does not decode into an int32 is a
// 400 and a negative one a 422; the demo took both and then tried to run 2^31 pods.
let demo: DemoSetup;
const deployments = { group: 'apps', plural: 'deployments' };
const base = '/apis/apps/v1/namespaces/default';
const merge = 'application/merge-patch+json';

interface Status {
  kind: string;
  reason: string;
  message: string;
  code: number;
  details?: { name?: string; kind?: string; group?: string; causes?: { reason: string; message: string; field: string }[] };
}

before(async () => {
  demo = await startDemoSetup();
  demo.server.store.create(deployments, deployment('default', 'web', 2));
});
after(() => demo.close());

const storedReplicas = (): unknown => (demo.server.store.get(deployments, 'default', 'web')?.spec as { replicas?: unknown }).replicas;

test('a replicas count over int32 fails decoding with a 400, on the object and on /scale, and nothing changes', async () => {
  const patch = await api<Status>(demo.server, `${base}/deployments/web`, { method: 'PATCH', contentType: merge, body: { spec: { replicas: 2147483648 } } });
  assert.equal(patch.status, 400);
  assert.equal(patch.body.kind, 'Status');
  assert.equal(patch.body.reason, 'BadRequest');
  assert.equal(
    patch.body.message,
    'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number 2147483648 into Go struct field DeploymentSpec.spec.replicas of type int32',
  );
  const scale = await api<Status>(demo.server, `${base}/deployments/web/scale`, { method: 'PATCH', contentType: merge, body: { spec: { replicas: 2147483648 } } });
  assert.equal(scale.status, 400);
  assert.equal(scale.body.message, 'Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal number 2147483648 into Go struct field ScaleSpec.spec.replicas of type int32');
  const current = await api<Record<string, unknown>>(demo.server, `${base}/deployments/web/scale`);
  const put = await api<Status>(demo.server, `${base}/deployments/web/scale`, { method: 'PUT', body: { ...current.body, spec: { replicas: 1e12 } } });
  assert.equal(put.status, 400);
  assert.equal(storedReplicas(), 2);
});

test('a negative replicas count is a 422 Invalid naming spec.replicas', async () => {
  const patch = await api<Status>(demo.server, `${base}/deployments/web`, { method: 'PATCH', contentType: merge, body: { spec: { replicas: -1 } } });
  assert.equal(patch.status, 422);
  assert.equal(patch.body.reason, 'Invalid');
  assert.equal(patch.body.message, 'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  assert.deepEqual(patch.body.details?.causes, [{ reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0', field: 'spec.replicas' }]);
  assert.deepEqual([patch.body.details?.name, patch.body.details?.group, patch.body.details?.kind], ['web', 'apps', 'Deployment']);
  const scale = await api<Status>(demo.server, `${base}/deployments/web/scale`, { method: 'PATCH', contentType: merge, body: { spec: { replicas: -1 } } });
  assert.equal(scale.status, 422);
  assert.equal(scale.body.message, 'Scale.autoscaling "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  assert.equal(scale.body.details?.causes?.[0]?.field, 'spec.replicas');
  assert.equal(storedReplicas(), 2);
});

test('PUT and POST of ReplicaSets and StatefulSets check replicas too; a fraction or a string does not decode', async () => {
  const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'rs' }, spec: { replicas: 1.5, selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } } } } };
  const created = await api<Status>(demo.server, `${base}/replicasets`, { method: 'POST', body: rs });
  assert.equal(created.status, 400);
  assert.equal(created.body.message, 'ReplicaSet in version "v1" cannot be handled as a ReplicaSet: json: cannot unmarshal number 1.5 into Go struct field ReplicaSetSpec.spec.replicas of type int32');
  assert.equal((await api(demo.server, `${base}/replicasets/rs`)).status, 404);
  const ok = await api(demo.server, `${base}/replicasets`, { method: 'POST', body: { ...rs, spec: { ...rs.spec, replicas: 2147483647 } } });
  assert.equal(ok.status, 201, 'the largest int32 is valid');
  const sts = { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec: { replicas: 1, selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } } } } };
  assert.equal((await api(demo.server, `${base}/statefulsets`, { method: 'POST', body: sts })).status, 201);
  const got = await api<Record<string, unknown>>(demo.server, `${base}/statefulsets/db`);
  const put = await api<Status>(demo.server, `${base}/statefulsets/db`, { method: 'PUT', body: { ...got.body, spec: { ...sts.spec, replicas: '3' } } });
  assert.equal(put.status, 400);
  assert.equal(put.body.message, 'StatefulSet in version "v1" cannot be handled as a StatefulSet: json: cannot unmarshal string into Go struct field StatefulSetSpec.spec.replicas of type int32');
  const negative = await api<Status>(demo.server, `${base}/statefulsets/db`, { method: 'PUT', body: { ...got.body, spec: { ...sts.spec, replicas: -4 } } });
  assert.equal(negative.status, 422);
  assert.equal(negative.body.message, 'StatefulSet.apps "db" is invalid: spec.replicas: Invalid value: -4: must be greater than or equal to 0');
});

test('kubectl scale --replicas 2147483648 reaches the server and prints its refusal', async () => {
  // kubectl checks only for a negative count itself; an int32 overflow is the server's to refuse.
  const out = await kubectl(['-n', 'default', 'scale', 'deploy/web', '--replicas', '2147483648'], { kubeconfig: demo.kubeconfig });
  assert.equal(out.code, 1);
  assert.match(out.stderr, /cannot be handled as a Scale: json: cannot unmarshal number 2147483648/);
  assert.equal(storedReplicas(), 2);
});
