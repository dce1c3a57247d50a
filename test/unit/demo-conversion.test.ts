/** The demo's version conversion: HorizontalPodAutoscaler v1 ⇄ its v2 storage shape. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromStorage, toStorage } from '../../src/demo/server/conversion.ts';
import type { KubeObject } from '../../src/kube/object.ts';

const hpas = { group: 'autoscaling', plural: 'horizontalpodautoscalers' };
const meta = { name: 'web', namespace: 'shop', uid: 'u1' };
const ref = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' };

test('v1 → storage → v1 gives back what was written, spec and status', () => {
  const v1 = {
    apiVersion: 'autoscaling/v1',
    kind: 'HorizontalPodAutoscaler',
    metadata: meta,
    spec: { scaleTargetRef: ref, minReplicas: 2, maxReplicas: 6, targetCPUUtilizationPercentage: 70 },
    status: { currentReplicas: 3, desiredReplicas: 3, currentCPUUtilizationPercentage: 64 },
  } as KubeObject;
  const stored = toStorage(hpas, 'v1', v1);
  assert.equal(stored.apiVersion, 'autoscaling/v2');
  assert.deepEqual((stored as { status?: unknown }).status, {
    currentReplicas: 3,
    desiredReplicas: 3,
    currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 64 } } }],
  });
  const back = fromStorage(hpas, 'v1', stored) as KubeObject & { spec: unknown; status: unknown };
  assert.deepEqual([back.spec, back.status], [v1.spec, (v1 as { status?: unknown }).status]);
  assert.equal((v1 as unknown as { spec: { metrics?: unknown } }).spec.metrics, undefined, 'the request object is not changed');
});

test('v1 without a CPU target or minReplicas gets v2’s defaults; v2 reads and writes pass through', () => {
  const stored = toStorage(hpas, 'v1', { apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: meta, spec: { scaleTargetRef: ref, maxReplicas: 3 } } as KubeObject);
  assert.deepEqual((stored as { spec?: unknown }).spec, {
    scaleTargetRef: ref,
    maxReplicas: 3,
    minReplicas: 1,
    metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
  });
  assert.equal(toStorage(hpas, 'v2', stored), stored);
  assert.equal(fromStorage(hpas, 'v2', stored), stored);
  // A v2 HPA on memory only has no v1 CPU target.
  const memory = {
    ...stored,
    spec: { scaleTargetRef: ref, maxReplicas: 3, metrics: [{ type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: 50 } } }] },
  } as KubeObject;
  assert.deepEqual((fromStorage(hpas, 'v1', memory) as { spec?: unknown }).spec, { scaleTargetRef: ref, maxReplicas: 3 });
  // Other kinds, and custom resources, are never converted.
  const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta } as KubeObject;
  assert.equal(toStorage({ group: 'apps', plural: 'deployments' }, 'v1', deployment), deployment);
});
