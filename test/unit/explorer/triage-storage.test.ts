import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storageFindings } from '../../../src/explorer/triage/storage-rules.ts';
import { ago, meta, sourceOf } from '../../support/triage-source.ts';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const min = 60_000;

test('a pending claim is a warning since its creation, in the words of its latest warning event', () => {
  const claim = (name: string, phase: string): unknown => ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: meta(name, 'shop', { creationTimestamp: ago(NOW, 8 * min) }),
    spec: {},
    status: { phase },
  });
  const event = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: meta('data.1'),
    type: 'Warning',
    reason: 'ProvisioningFailed',
    message: 'storageclass.storage.k8s.io "fast" not found',
    involvedObject: { kind: 'PersistentVolumeClaim', namespace: 'shop', name: 'data', uid: 'uid-shop-data' },
    count: 3,
    firstTimestamp: ago(NOW, 8 * min),
    lastTimestamp: ago(NOW, 1 * min),
  };
  const found = storageFindings(sourceOf(NOW, { persistentvolumeclaims: [claim('data', 'Pending'), claim('logs', 'Pending'), claim('db', 'Bound')], events: [event] }));
  assert.deepEqual(
    found.map((f) => [f.target.name, f.severity, f.reason, f.message, f.since]),
    [
      ['data', 'warning', 'Pending', 'ProvisioningFailed: storageclass.storage.k8s.io "fast" not found', NOW - 8 * min],
      ['logs', 'warning', 'Pending', 'no volume bound', NOW - 8 * min],
    ],
  );
});
