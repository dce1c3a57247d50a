import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { api } from '../support/demo-http.ts';

// 2147483647 replicas is valid, and the demo used to create them all in one synchronous loop: the
// process stopped answering (and ignored SIGTERM) while it grew until it ran out of memory. Now
// the ReplicaSet controller creates a burst of at most 500 pods, then rests before the next.
let cluster: DemoCluster;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-huge-'));
  cluster = await startDemoCluster({ seed: 7, churn: false, kubeconfigPath: join(dir, 'kubeconfig.yaml') });
});
after(async () => {
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('scaling a Deployment to 2147483647 creates pods in bursts of at most 500 and the server keeps answering', async () => {
  const { server } = cluster;
  // Pods created in one turn of the event loop by one ReplicaSet: one controller sync's burst. Per
  // ReplicaSet, because a Deployment caught mid-rollout scales both of its ReplicaSets
  // (proportional scaling), and each of those controllers may make its own burst in the same turn.
  const bursts: number[] = [];
  const current = new Map<string, number>();
  const unsubscribe = server.store.subscribe((change) => {
    if (change.type !== 'ADDED' || change.resource.plural !== 'pods' || change.object.metadata.namespace !== 'shop') return;
    if (!change.object.metadata.name.startsWith('cart-')) return;
    const owner = change.object.metadata.ownerReferences?.[0]?.uid ?? '';
    const seen = current.get(owner) ?? 0;
    current.set(owner, seen + 1);
    if (seen === 0) {
      setImmediate(() => {
        bursts.push(current.get(owner) ?? 0);
        current.delete(owner);
      });
    }
  });
  try {
    const scaled = await api<{ spec: { replicas: number } }>(server, '/apis/apps/v1/namespaces/shop/deployments/cart/scale', {
      method: 'PATCH',
      contentType: 'application/merge-patch+json',
      body: { spec: { replicas: 2147483647 } },
    });
    assert.equal(scaled.status, 200);
    assert.equal(scaled.body.spec.replicas, 2147483647);
    for (let i = 0; i < 200 && bursts.filter((n) => n === 500).length < 2; i++) {
      const ns = await api<{ items: unknown[] }>(server, '/api/v1/namespaces');
      assert.equal(ns.status, 200, 'the server answers between bursts');
      await sleep(50);
    }
    assert.ok(bursts.filter((n) => n === 500).length >= 2, `two full bursts (saw ${JSON.stringify(bursts)})`);
    assert.ok(
      bursts.every((n) => n <= 500),
      `no burst over 500 (saw ${JSON.stringify(bursts)})`,
    );
    const rs = await api<{ items: { spec: { replicas: number } }[] }>(server, '/apis/apps/v1/namespaces/shop/replicasets?labelSelector=app%3Dcart');
    assert.ok(
      rs.body.items.some((r) => r.spec.replicas === 2147483647),
      'the ReplicaSet wants them all',
    );
  } finally {
    unsubscribe();
  }
  const down = await api(server, '/apis/apps/v1/namespaces/shop/deployments/cart/scale', {
    method: 'PATCH',
    contentType: 'application/merge-patch+json',
    body: { spec: { replicas: 1 } },
  });
  assert.equal(down.status, 200);
});
