/**
 * `kx scale --current-replicas` as kubectl's ScaleCondition does it: a 409 from the API server (a
 * controller wrote the object between the read and the PUT) is read again and retried, while a
 * precondition that no longer holds ends it at once. The conflict is the demo server's own answer.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openDemo, type DemoFixture } from '../support/kube-demo.ts';
import { deployment, namespace } from '../support/demo-fixtures.ts';
import type { ApiClient } from '../../src/kube/api-client.ts';
import { scaleObject } from '../../src/kube/mutations/scale.ts';
import type { ResourceInfo } from '../../src/kube/resource-info.ts';

const deployments = { group: 'apps', plural: 'deployments' };
const resource = { group: 'apps', version: 'v1', plural: 'deployments', kind: 'Deployment', namespaced: true } as unknown as ResourceInfo;
let demo: DemoFixture;

before(async () => {
  demo = await openDemo();
  demo.server.store.create({ group: '', plural: 'namespaces' }, namespace('shop'));
  demo.server.store.create(deployments, deployment('shop', 'web', 1));
});
after(async () => demo.close());

/** The session's client, with a write to the deployment (a label, as a controller might) slipped in before the first PUT. */
function racing(client: ApiClient, touch: () => void): { client: ApiClient; puts: () => number } {
  let puts = 0;
  const wrapped = Object.create(client) as ApiClient;
  wrapped.put = ((...args: Parameters<ApiClient['put']>) => {
    if (puts++ === 0) touch();
    return client.put(...args);
  }) as ApiClient['put'];
  return { client: wrapped, puts: () => puts };
}

test('a conflict between the read and the PUT is retried and the scale lands', async () => {
  const { client, puts } = racing(demo.session.client, () =>
    demo.server.store.mutate(deployments, 'shop', 'web', (o) => {
      o.metadata.labels = { ...o.metadata.labels, touched: 'yes' };
    }),
  );
  const said = await scaleObject(client, { resource, namespace: 'shop', name: 'web' }, 3, { expectCurrent: 1 });
  assert.equal(said, 'deployment.apps/web scaled');
  assert.equal(puts(), 2, 'the first PUT met a conflict and was tried again');
  assert.equal((demo.server.store.get(deployments, 'shop', 'web') as unknown as { spec: { replicas: number } }).spec.replicas, 3);
});

test('a precondition that no longer holds after the conflict ends it with kubectl’s sentence', async () => {
  const { client } = racing(demo.session.client, () =>
    demo.server.store.mutate(deployments, 'shop', 'web', (o) => {
      (o as unknown as { spec: { replicas: number } }).spec.replicas = 5;
    }),
  );
  await assert.rejects(scaleObject(client, { resource, namespace: 'shop', name: 'web' }, 4, { expectCurrent: 3 }), { message: 'Expected replicas to be 3, was 5' });
});
