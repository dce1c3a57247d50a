/** The snapshot file: round trip, the sentences for files kx cannot open, and what Secrets keep. */
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { test } from 'node:test';
import { scrubObject } from '../../../src/kube/snapshot/scrub-object.ts';
import { decodeSnapshot, encodeSnapshot, type KxSnapshot } from '../../../src/kube/snapshot/snapshot-format.ts';
import type { KubeObject } from '../../../src/kube/object.ts';

const doc: KxSnapshot = {
  kind: 'KxSnapshot',
  version: 1,
  takenAt: '2025-03-01T10:00:00.000Z',
  context: 'prod',
  serverVersion: { gitVersion: 'v1.32.2' },
  resources: [],
  lists: [{ group: '', version: 'v1', plural: 'pods', items: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a', namespace: 'x', uid: 'u1', resourceVersion: '42' } }] }],
};

test('a snapshot reads back as written, gzipped or not', () => {
  const bytes = encodeSnapshot(doc);
  assert.equal(bytes[0], 0x1f);
  assert.deepEqual(decodeSnapshot(bytes, 'f'), doc);
  assert.deepEqual(decodeSnapshot(Buffer.from(JSON.stringify(doc)), 'f'), doc);
});

test('a truncated file, another version and another document are each one sentence', () => {
  const bytes = encodeSnapshot(doc);
  assert.throws(() => decodeSnapshot(bytes.subarray(0, bytes.length / 2), 'snap.json.gz'), { message: 'snap.json.gz is not a kx snapshot: the file is truncated or not gzip' });
  assert.throws(() => decodeSnapshot(gzipSync(Buffer.from(JSON.stringify({ ...doc, version: 2 }))), 'f'), { message: 'f is a kx snapshot of version 2, and this kx reads version 1 only' });
  assert.throws(() => decodeSnapshot(Buffer.from('{"kind":"PodList","items":[]}'), 'f'), { message: 'f is not a kx snapshot (no kind: KxSnapshot)' });
  assert.throws(() => decodeSnapshot(Buffer.from('{"kind":"KxSnap'), 'f'), { message: 'f is not a kx snapshot: the file is truncated or not JSON' });
});

const secret = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: {
    name: 's',
    namespace: 'x',
    uid: 'u',
    managedFields: [{ manager: 'kubectl' }],
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"data":{"password":"aHVudGVyMg=="}}', team: 'a' },
  },
  data: { password: 'aHVudGVyMg==', user: 'YWRtaW4=' },
  stringData: { token: 'abc' },
} as KubeObject;

test('secret values are dropped with their keys kept, and the last-applied annotation goes too', () => {
  const out = scrubObject(secret, { secret: true, includeSecretValues: false }) as KubeObject & { data: object; stringData: object };
  assert.deepEqual(out.data, { password: '', user: '' });
  assert.deepEqual(out.stringData, { token: '' });
  assert.deepEqual(out.metadata.annotations, { team: 'a' });
  assert.equal(out.metadata.managedFields, undefined);
  assert.doesNotMatch(JSON.stringify(out), /aHVudGVyMg|YWRtaW4|abc/);
  // The input is left alone.
  assert.equal((secret as unknown as { data: { password: string } }).data.password, 'aHVudGVyMg==');
});

test('--include-secret-values keeps them; other kinds only lose managedFields', () => {
  const kept = scrubObject(secret, { secret: true, includeSecretValues: true }) as KubeObject & { data: object };
  assert.deepEqual(kept.data, { password: 'aHVudGVyMg==', user: 'YWRtaW4=' });
  assert.equal(kept.metadata.managedFields, undefined);
  const cm = scrubObject({ ...secret, kind: 'ConfigMap' }, { secret: false, includeSecretValues: false }) as KubeObject & { data: object };
  assert.deepEqual(cm.data, { password: 'aHVudGVyMg==', user: 'YWRtaW4=' });
});
