import assert from 'node:assert/strict';
import { test } from 'node:test';
import { workloadFindings } from '../../../src/explorer/triage/workload-rules.ts';
import { ago, meta, sourceOf } from '../../support/triage-source.ts';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const min = 60_000;

function deployment(name: string, replicas: number, status: Record<string, unknown>): unknown {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta(name), spec: { replicas, selector: { matchLabels: { app: name } } }, status };
}

test('a deployment past its progress deadline is critical; one short of available replicas a warning', () => {
  const stuck = deployment('checkout', 2, {
    availableReplicas: 2,
    conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "checkout-7d" has timed out progressing.', lastTransitionTime: ago(NOW, 9 * min) }],
  });
  const short = deployment('api', 3, { availableReplicas: 1, conditions: [{ type: 'Available', status: 'False', lastTransitionTime: ago(NOW, 6 * min) }] });
  const fine = deployment('web', 2, { availableReplicas: 2, conditions: [{ type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' }] });
  const found = workloadFindings(sourceOf(NOW, { 'deployments.apps': [stuck, short, fine] }));
  assert.deepEqual(
    found.map((f) => [f.target.name, f.target.resourceKey, f.severity, f.reason, f.message, f.since]),
    [
      ['checkout', 'deployments.apps', 'critical', 'ProgressDeadlineExceeded', 'ReplicaSet "checkout-7d" has timed out progressing.', NOW - 9 * min],
      ['api', 'deployments.apps', 'warning', 'Unavailable', '1/3 replicas available', NOW - 6 * min],
    ],
  );
});

test('a failed job is critical with its condition reason', () => {
  const failed = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: meta('nightly'),
    spec: { template: { spec: { containers: [] } } },
    status: {
      failed: 7,
      conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', lastTransitionTime: ago(NOW, 1 * min) }],
    },
  };
  const done = { apiVersion: 'batch/v1', kind: 'Job', metadata: meta('ok'), spec: {}, status: { succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] } };
  const found = workloadFindings(sourceOf(NOW, { 'jobs.batch': [failed, done] }));
  assert.deepEqual(
    found.map((f) => [f.target.name, f.severity, f.reason, f.message]),
    [['nightly', 'critical', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit']],
  );
});

test('an HPA at its maximum is a notice naming its target', () => {
  const hpa = (name: string, current: number): unknown => ({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: meta(name),
    spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 5 },
    status: {
      currentReplicas: current,
      conditions: [
        {
          type: 'ScalingLimited',
          status: current === 5 ? 'True' : 'False',
          reason: 'TooManyReplicas',
          message: 'the desired replica count is more than the maximum replica count',
          lastTransitionTime: ago(NOW, 3 * min),
        },
      ],
    },
  });
  const found = workloadFindings(sourceOf(NOW, { 'horizontalpodautoscalers.autoscaling': [hpa('maxed', 5), hpa('room', 3)] }));
  assert.deepEqual(
    found.map((f) => [f.target.name, f.severity, f.reason, f.since]),
    [['maxed', 'notice', 'AtMaxReplicas', NOW - 3 * min]],
  );
  assert.match(found[0]!.message, /^Deployment\/web at 5\/5 replicas: the desired replica count/);
});
