import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../src/kube/object.ts';
import { diffFingerprints } from '../../../src/store/changes/change-diff.ts';
import { changedBy, fingerprintOf } from '../../../src/store/changes/change-fingerprint.ts';
import { ChangeRecorder, changeText } from '../../../src/store/changes/change-recorder.ts';
import { ManualScheduler } from '../../../src/store/manual-scheduler.ts';
import { ObjectCache } from '../../../src/store/object-cache.ts';

function deployment(change: { replicas?: number; image?: string; labels?: Record<string, string>; ready?: number; annotations?: Record<string, string>; paused?: boolean } = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'shop',
      uid: 'u-web',
      labels: change.labels ?? { app: 'a' },
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"huge":"' + 'x'.repeat(500) + '"}', ...change.annotations },
    },
    spec: {
      replicas: change.replicas ?? 3,
      paused: change.paused ?? false,
      template: { spec: { containers: [{ name: 'web', image: change.image ?? 'nginx:1.25' }] } },
    },
    status: { readyReplicas: change.ready ?? 3, conditions: [{ type: 'Available', status: 'True' }] },
  };
}

function pod(restarts: number, reason: string, ready: 'True' | 'False', node?: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web-1', namespace: 'shop', uid: 'u-pod' },
    spec: { containers: [{ name: 'web', image: 'nginx' }], ...(node ? { nodeName: node } : {}) },
    status: {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: ready }],
      containerStatuses: [{ name: 'web', restartCount: restarts, lastState: reason ? { terminated: { reason } } : {} }],
    },
  };
}

const diff = (a: KubeObject, b: KubeObject): string[] => diffFingerprints(fingerprintOf(a), fingerprintOf(b));

test('an image, replicas and a label read as kubectl users would say them', () => {
  assert.deepEqual(diff(deployment(), deployment({ image: 'nginx:1.27' })), ['image web: nginx:1.25 → nginx:1.27']);
  assert.deepEqual(diff(deployment(), deployment({ replicas: 5 })), ['replicas 3 → 5']);
  assert.deepEqual(diff(deployment(), deployment({ labels: { app: 'b' } })), ['label app: a → b']);
  assert.deepEqual(diff(deployment(), deployment({ labels: { app: 'a', tier: 'web' } })), ['label tier=web']);
  assert.deepEqual(diff(deployment(), deployment({ ready: 2 })), ['ready 3 → 2']);
  assert.deepEqual(diff(deployment(), deployment({ paused: true })), ['spec changed']);
  assert.deepEqual(diff(deployment(), deployment()), []);
});

test('restarts carry the last state reason, conditions their status, scheduling the node', () => {
  assert.deepEqual(diff(pod(3, 'Error', 'True'), pod(4, 'OOMKilled', 'False')), ['Ready True → False', 'restarts 3 → 4 (OOMKilled)']);
  assert.deepEqual(diff(pod(0, '', 'False'), pod(0, '', 'False', 'node-a')), ['scheduled on node-a']);
});

test('the last-applied annotation is not kept, long annotation values are kept as a hash', () => {
  const fp = fingerprintOf(deployment({ annotations: { note: 'y'.repeat(300) } }));
  assert.equal(fp.annotations['kubectl.kubernetes.io/last-applied-configuration'], undefined);
  assert.match(fp.annotations['note']!, /^#[0-9a-f]{8}$/);
  assert.deepEqual(diff(deployment(), deployment({ annotations: { 'kubectl.kubernetes.io/last-applied-configuration': 'other' } })), []);
});

test('a Secret only ever reads "changed", and its values are not in its fingerprint', () => {
  const secret = (value: string, label = 'a'): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 's', namespace: 'shop', uid: 'u-s', labels: { app: label } },
    data: { password: value },
  });
  assert.deepEqual(diff(secret('aHVudGVyMg=='), secret('c2VjcmV0')), ['changed']);
  assert.deepEqual(diff(secret('aHVudGVyMg=='), secret('aHVudGVyMg==', 'b')), ['changed']);
  assert.deepEqual(diff(secret('aHVudGVyMg=='), secret('aHVudGVyMg==')), []);
  assert.doesNotMatch(JSON.stringify(fingerprintOf(secret('aHVudGVyMg=='))), /aHVudGVyMg|password/);
});

test('who changed it: the newest managedFields entry, else unknown', () => {
  const obj = deployment();
  assert.equal(changedBy(obj), 'unknown');
  obj.metadata.managedFields = [
    { manager: 'kubectl-client-side-apply', operation: 'Update', time: '2024-05-14T10:00:00Z' },
    { manager: 'kubectl-scale', operation: 'Update', time: '2024-05-14T10:05:00Z' },
    { manager: 'kube-controller-manager', operation: 'Update', time: '2024-05-14T10:01:00Z' },
  ];
  assert.equal(changedBy(obj), 'kubectl-scale (Update)');
});

test('who changed it: the newest entry that owns a changed field, not a status update that came after', () => {
  const obj = deployment();
  obj.metadata.managedFields = [
    { manager: 'kubectl-create', operation: 'Update', time: '2024-05-14T10:00:00Z', fieldsV1: { 'f:spec': { 'f:replicas': {}, 'f:template': {} } } },
    { manager: 'kubectl-scale', operation: 'Update', time: '2024-05-14T10:05:00Z', fieldsV1: { 'f:spec': { 'f:replicas': {} } } },
    { manager: 'kube-controller-manager', operation: 'Update', time: '2024-05-14T10:05:01Z', fieldsV1: { 'f:status': { 'f:replicas': {} } } },
    { manager: 'kubectl-label', operation: 'Update', time: '2024-05-14T10:04:00Z', fieldsV1: { 'f:metadata': { 'f:labels': { 'f:tier': {} } } } },
  ];
  assert.equal(changedBy(obj, ['replicas 3 → 5']), 'kubectl-scale (Update)');
  assert.equal(changedBy(obj, ['label tier=web']), 'kubectl-label (Update)');
  assert.equal(changedBy(obj, ['image web: nginx:1 → nginx:2']), 'kubectl-scale (Update)');
  assert.equal(changedBy(obj, ['ready 3 → 5']), 'kube-controller-manager (Update)');
  // Nothing owns what changed (an annotation here): the newest entry, as before.
  assert.equal(changedBy(obj, ['annotation a=b']), 'kube-controller-manager (Update)');
  // The owner wrote before kx saw the previous version: this change left no entry (1.20's /scale), so no name.
  assert.equal(changedBy(obj, ['replicas 3 → 5'], Date.parse('2024-05-14T10:04:59Z')), 'kubectl-scale (Update)');
  assert.equal(changedBy(obj, ['replicas 3 → 5'], Date.parse('2024-05-14T10:10:00Z')), 'unknown');
});

test('the recorder keeps a baseline on the first list, then records diffs, creations and deletions', () => {
  let now = 1000;
  const rec = new ChangeRecorder({}, () => now);
  rec.upsert('u-web', deployment(), false);
  assert.deepEqual(rec.changes(), []);
  now = 2000;
  rec.upsert('u-web', deployment({ replicas: 5 }), true);
  rec.upsert('u-pod', pod(0, '', 'True'), true);
  rec.remove('u-pod');
  assert.deepEqual(
    rec.changes().map((c) => [c.at, c.kind, c.name, changeText(c), c.by]),
    [
      [2000, 'Pod', 'web-1', 'deleted', 'unknown'],
      [2000, 'Pod', 'web-1', 'created', 'unknown'],
      [2000, 'Deployment', 'web', 'replicas 3 → 5', 'unknown'],
    ],
  );
  assert.deepEqual(rec.changesOf('u-web').map(changeText), ['replicas 3 → 5']);
});

test('the budget: at most perObject changes per object and total in all, the oldest dropped', () => {
  const rec = new ChangeRecorder({ perObject: 3, total: 5 });
  rec.upsert('u-web', deployment(), false);
  for (let r = 1; r <= 6; r++) rec.upsert('u-web', deployment({ replicas: r }), true);
  assert.deepEqual(rec.changesOf('u-web').map(changeText), ['replicas 5 → 6', 'replicas 4 → 5', 'replicas 3 → 4']);
  assert.equal(rec.changes().length, 3);
  for (let i = 0; i < 10; i++) rec.upsert(`u-${i}`, { ...pod(0, '', 'True'), metadata: { name: `p${i}`, namespace: 'shop', uid: `u-${i}` } }, true);
  assert.deepEqual(
    rec.changes().map((c) => c.name),
    ['p9', 'p8', 'p7', 'p6', 'p5'],
  );
  assert.deepEqual(rec.changesOf('u-web'), []);
  assert.equal(rec.size().changes, 5);
});

test('the cache feeds the recorder: a first list is the baseline, watch events are changes, a selector stream is not counted twice', () => {
  const changes = new ChangeRecorder({}, () => 5);
  const cache = new ObjectCache({ scheduler: new ManualScheduler(0), changes });
  const sink = cache.sinkFor('deployments.apps');
  sink.beginSync();
  sink.upsert({ ...deployment(), metadata: { ...deployment().metadata, resourceVersion: '1' } });
  sink.endSync();
  const bySelector = cache.sinkFor('deployments.apps|app=a');
  bySelector.beginSync();
  bySelector.endSync();
  const scaled = { ...deployment({ replicas: 4 }), metadata: { ...deployment().metadata, resourceVersion: '2' } };
  sink.upsert(scaled);
  bySelector.upsert(scaled);
  sink.remove(scaled);
  assert.deepEqual(changes.changes().map(changeText), ['deleted', 'replicas 3 → 4']);
  cache.dispose();
});

test('a condition reported for the first time is not a change; an event reads as its own line', () => {
  const fresh = pod(0, '', 'False');
  (fresh['status'] as { conditions: unknown[] }).conditions = [];
  assert.deepEqual(diff(fresh, pod(0, '', 'False')), []);
  const event = (count: number): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'e', namespace: 'shop', uid: 'u-e' },
    type: 'Warning',
    reason: 'BackOff',
    message: `Back-off ${'x'.repeat(200)}`,
    count,
  });
  const [line] = diff(event(1), event(4));
  assert.match(line!, /^Warning BackOff: Back-off x+… \(x4\)$/);
});

test('clear forgets every fingerprint and change', () => {
  const rec = new ChangeRecorder();
  rec.upsert('u-web', deployment(), false);
  rec.upsert('u-web', deployment({ replicas: 4 }), true);
  rec.clear();
  assert.deepEqual(rec.size(), { fingerprints: 0, changes: 0, slots: 0 });
  rec.upsert('u-web', deployment({ replicas: 5 }), true);
  assert.deepEqual(rec.changes().map(changeText), ['created']);
});

test('with a generation, a spec change reads "spec changed" unless an image or replicas line already says it', () => {
  const gen = (obj: KubeObject, generation: number): KubeObject => ({ ...obj, metadata: { ...obj.metadata, generation } });
  assert.deepEqual(diff(gen(deployment(), 1), gen(deployment({ image: 'nginx:1.27' }), 2)), ['image web: nginx:1.25 → nginx:1.27']);
  assert.deepEqual(diff(gen(deployment(), 1), gen(deployment({ paused: true }), 2)), ['spec changed']);
  assert.deepEqual(diff(gen(deployment(), 2), gen(deployment({ ready: 1 }), 2)), ['ready 3 → 1']);
  const tolerating = pod(0, '', 'True');
  (tolerating['spec'] as Record<string, unknown>)['tolerations'] = [{ key: 'gpu', operator: 'Exists' }];
  assert.deepEqual(diff(pod(0, '', 'True'), tolerating), ['spec changed']);
});
