/**
 * kubectl's StatefulSet status viewer: a RollingUpdate StatefulSet with rollingUpdate set (as the
 * API server stores every one, with partition 0) reports the partitioned roll out, not the
 * revision line; the OnDelete strategy is refused.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rolloutStatus } from '../../src/kube/mutations/rollout/status.ts';
import type { KubeObject } from '../../src/kube/object.ts';

function sts(updateStrategy: unknown, status: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db', uid: 'u1', generation: 2 },
    spec: { replicas: 3, updateStrategy },
    status: { observedGeneration: 2, ...status },
  } as KubeObject;
}

const settled = { replicas: 3, readyReplicas: 3, updatedReplicas: 3, currentReplicas: 3, currentRevision: 'db-1', updateRevision: 'db-1' };

test('rollingUpdate with partition 0 (the server’s default) is a partitioned roll out, as kubectl says', () => {
  const s = rolloutStatus('StatefulSet', sts({ type: 'RollingUpdate', rollingUpdate: { partition: 0 } }, settled));
  assert.deepEqual(s, { message: 'partitioned roll out complete: 3 new pods have been updated...', done: true, failed: false });
});

test('a partition still waiting for its pods says how many are updated', () => {
  const s = rolloutStatus('StatefulSet', sts({ type: 'RollingUpdate', rollingUpdate: { partition: 1 } }, { ...settled, updatedReplicas: 1 }));
  assert.equal(s.message, 'Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...');
  assert.equal(s.done, false);
});

test('RollingUpdate without rollingUpdate: the revision line', () => {
  const s = rolloutStatus('StatefulSet', sts({ type: 'RollingUpdate' }, settled));
  assert.equal(s.message, 'statefulset rolling update complete 3 pods at revision db-1...');
});

test('OnDelete, or no strategy at all, is refused as kubectl’s viewers refuse it, for daemon sets too', () => {
  const refusal = { message: 'rollout status is only available for RollingUpdate strategy type', done: true, failed: true };
  assert.deepEqual(rolloutStatus('StatefulSet', sts({ type: 'OnDelete' }, settled)), refusal);
  assert.deepEqual(rolloutStatus('StatefulSet', sts(undefined, settled)), refusal);
  assert.deepEqual(rolloutStatus('DaemonSet', sts({ type: 'OnDelete' }, settled)), refusal);
});
