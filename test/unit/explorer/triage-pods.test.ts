import assert from 'node:assert/strict';
import { test } from 'node:test';
import { podFindings } from '../../../src/explorer/triage/pod-rules.ts';
import { ago, meta, sourceOf } from '../../support/triage-source.ts';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const min = 60_000;

function pod(name: string, status: Record<string, unknown>, spec: Record<string, unknown> = { nodeName: 'n1', containers: [{ name: 'app', image: 'app:1' }] }): unknown {
  return { apiVersion: 'v1', kind: 'Pod', metadata: meta(name, 'shop', { creationTimestamp: ago(NOW, 30 * min) }), spec, status };
}
const running = { running: { startedAt: ago(NOW, 20 * min) } };

test('a crash-looping container is critical, since its last crash, with the exit that ended it', () => {
  const crashing = pod('fraud-scorer', {
    phase: 'Running',
    containerStatuses: [
      { name: 'app', restartCount: 7, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(NOW, 2 * min) } } },
    ],
  });
  const healthy = pod('web', { phase: 'Running', containerStatuses: [{ name: 'app', restartCount: 0, state: running, ready: true }] });
  const [f, ...rest] = podFindings(sourceOf(NOW, { pods: [crashing, healthy] }));
  assert.equal(rest.length, 0);
  assert.deepEqual([f!.severity, f!.target.name, f!.target.resourceKey, f!.reason, f!.since], ['critical', 'fraud-scorer', 'pods', 'CrashLoopBackOff', NOW - 2 * min]);
  assert.match(f!.message, /container app restarted 7 times, last Error/);
});

test('between two crashes (the kubelet says Running) the crash loop keeps its row, until its last crash is 10 minutes old', () => {
  const between = (name: string, crashedAgo: number): unknown =>
    pod(name, {
      phase: 'Running',
      containerStatuses: [
        {
          name: 'app',
          restartCount: 7,
          state: { running: { startedAt: ago(NOW, crashedAgo - 1_000) } },
          lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(NOW, crashedAgo) } },
        },
      ],
    });
  const found = podFindings(sourceOf(NOW, { pods: [between('fraud-scorer', 2 * min), between('settled', 11 * min)] }));
  assert.deepEqual(
    found.map((f) => [f.target.name, f.reason, f.since]),
    [['fraud-scorer', 'CrashLoopBackOff', NOW - 2 * min]],
  );
  assert.match(found[0]!.message, /container app restarted 7 times, last Error; running again/);
});

test('image pull errors and OOM kills name the container', () => {
  const pulling = pod('puller', {
    phase: 'Pending',
    conditions: [
      { type: 'PodScheduled', status: 'True' },
      { type: 'ContainersReady', status: 'False', lastTransitionTime: ago(NOW, 5 * min) },
    ],
    containerStatuses: [{ name: 'app', image: 'nope:1', state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "nope:1"' } } }],
  });
  const oom = pod('hog', {
    phase: 'Running',
    containerStatuses: [{ name: 'app', restartCount: 1, state: running, lastState: { terminated: { reason: 'OOMKilled', exitCode: 137, finishedAt: ago(NOW, 3 * min) } } }],
  });
  const found = podFindings(sourceOf(NOW, { pods: [pulling, oom] }));
  assert.deepEqual(
    found.map((f) => [f.target.name, f.reason, f.since]),
    [
      ['puller', 'ImagePullBackOff', NOW - 5 * min],
      ['hog', 'OOMKilled', NOW - 3 * min],
    ],
  );
  assert.match(found[0]!.message, /container app: Back-off pulling image "nope:1"/);
});

test('an unschedulable pod says why in the words of the latest FailedScheduling event', () => {
  const stuck = pod(
    'stuck',
    { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: 'old words', lastTransitionTime: ago(NOW, 4 * min) }] },
    { nodeSelector: { disk: 'none' }, containers: [{ name: 'app', image: 'app:1' }] },
  );
  const event = (name: string, message: string, last: number): unknown => ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: meta(name),
    type: 'Warning',
    reason: 'FailedScheduling',
    message,
    involvedObject: { kind: 'Pod', namespace: 'shop', name: 'stuck', uid: 'uid-shop-stuck', apiVersion: 'v1' },
    count: 1,
    firstTimestamp: ago(NOW, last),
    lastTimestamp: ago(NOW, last),
  });
  const events = [event('e1', '0/3 nodes are available: older.', 3 * min), event('e2', "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector.", 1 * min)];
  const [f] = podFindings(sourceOf(NOW, { pods: [stuck], events }));
  assert.deepEqual([f!.severity, f!.reason, f!.since], ['critical', 'Unschedulable', NOW - 4 * min]);
  assert.match(f!.message, /didn't match Pod's node affinity\/selector/);
  // Without the event, the condition's own message.
  assert.equal(podFindings(sourceOf(NOW, { pods: [stuck] }))[0]!.message, 'old words');
});

test('a failed pod is critical; a pending one without a reason only after the grace period', () => {
  const failed = pod('batch', { phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory.' });
  const exited = pod('job-pod', { phase: 'Failed', containerStatuses: [{ name: 'main', state: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(NOW, min) } } }] });
  const fresh = { apiVersion: 'v1', kind: 'Pod', metadata: meta('fresh', 'shop', { creationTimestamp: ago(NOW, 30_000) }), spec: { containers: [] }, status: { phase: 'Pending' } };
  const old = { apiVersion: 'v1', kind: 'Pod', metadata: meta('old', 'shop', { creationTimestamp: ago(NOW, 10 * min) }), spec: { containers: [] }, status: { phase: 'Pending' } };
  const found = podFindings(sourceOf(NOW, { pods: [failed, exited, fresh, old] }));
  assert.deepEqual(
    found.map((f) => [f.target.name, f.severity, f.reason, f.message]),
    [
      ['batch', 'critical', 'Evicted', 'The node was low on resource: memory.'],
      ['job-pod', 'critical', 'Failed', 'container main exited with code 1'],
      ['old', 'warning', 'Pending', ''],
    ],
  );
});
