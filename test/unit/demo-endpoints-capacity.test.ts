import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ScenarioContext } from '../../src/demo/scenario/context.ts';
import { syncEndpoints } from '../../src/demo/scenario/controllers/service.ts';
import { R } from '../../src/demo/scenario/refs.ts';
import { MemoryStore, ResourceCatalogue } from '../../src/demo/server/index.ts';
import type { KubeObject } from '../../src/kube/object.ts';

// Like the endpoints controller, the demo keeps at most 1000 addresses in an Endpoints object (ready
// ones first) and marks it truncated: rewriting every address on each pod change of a Service with
// thousands of pods was most of the demo's CPU while a huge ReplicaSet grew.

function readyPod(i: number, ready: boolean): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `web-${i}`, namespace: 'default', uid: '', labels: { app: 'web' } },
    spec: { nodeName: 'kx-worker', containers: [{ name: 'app', image: 'nginx:1.27' }] },
    status: { phase: 'Running', podIP: `10.244.${Math.floor(i / 250)}.${(i % 250) + 2}`, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
  };
}

test('an Endpoints object holds at most 1000 addresses, ready ones first, and says it was truncated', () => {
  const store = new MemoryStore(new ResourceCatalogue());
  const ctx = new ScenarioContext(store, 1, 1);
  ctx.queue.hold = true;
  store.subscribe((change) => ctx.owners.apply(change));
  store.create(R.services, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default', uid: '' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
  for (let i = 0; i < 1200; i++) store.create(R.pods, readyPod(i, i >= 100));
  syncEndpoints(ctx, 'default', 'web');
  type Subset = { addresses?: unknown[]; notReadyAddresses?: unknown[] };
  const ep = store.get(R.endpoints, 'default', 'web') as KubeObject & { subsets: Subset[] };
  assert.equal(ep.subsets[0]?.addresses?.length, 1000, 'all 1000 from the 1100 ready pods');
  assert.equal(ep.subsets[0]?.notReadyAddresses, undefined);
  assert.equal(ep.metadata.annotations?.['endpoints.kubernetes.io/over-capacity'], 'truncated');
  for (let i = 300; i < 1200; i++) store.delete(R.pods, 'default', `web-${i}`, { gracePeriodSeconds: 0 });
  syncEndpoints(ctx, 'default', 'web');
  const fewer = store.get(R.endpoints, 'default', 'web') as KubeObject & { subsets: Subset[] };
  assert.deepEqual([fewer.subsets[0]?.addresses?.length, fewer.subsets[0]?.notReadyAddresses?.length], [200, 100]);
  assert.equal(fewer.metadata.annotations?.['endpoints.kubernetes.io/over-capacity'], undefined, 'the mark goes when it fits again');
});
