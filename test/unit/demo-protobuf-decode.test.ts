/**
 * The demo's protobuf request decoding on bodies built here byte by byte: the wire's corner cases
 * (negative 64-bit integers, packed repeated fields, the last of a repeated non-repeated field),
 * Kubernetes' JSON mapping (Time, IntOrString, Quantity, embedded structs, zero values), and the
 * refusals. kubectl's real bodies are covered by test/integration/demo-protobuf-kubectl.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeKubernetesProtobuf } from '../../src/demo/server/protobuf/decode.ts';
import { messages, roots } from '../../src/demo/server/protobuf/schema.ts';
import { DemoStatusError } from '../../src/demo/server/errors.ts';

function varint(n: bigint): Buffer {
  const bytes: number[] = [];
  let v = BigInt.asUintN(64, n);
  while (v > 0x7fn) {
    bytes.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  bytes.push(Number(v));
  return Buffer.from(bytes);
}
const int = (no: number, n: number | bigint): Buffer => Buffer.concat([varint(BigInt(no << 3)), varint(BigInt(n))]);
const bytes = (no: number, value: Buffer | string): Buffer => {
  const b = typeof value === 'string' ? Buffer.from(value) : value;
  return Buffer.concat([varint(BigInt((no << 3) | 2)), varint(BigInt(b.length)), b]);
};
const msg = (no: number, ...fields: Buffer[]): Buffer => bytes(no, Buffer.concat(fields));
const envelope = (apiVersion: string, kind: string, raw: Buffer): Buffer =>
  Buffer.concat([Buffer.from('k8s\0', 'latin1'), msg(1, bytes(1, apiVersion), bytes(2, kind)), bytes(2, raw), bytes(3, ''), bytes(4, '')]);

test('a deployment: Time, IntOrString both ways, a pointer zero kept, plain zeros and empty strings dropped, maps, embedded structs', () => {
  const metadata = msg(
    1,
    bytes(1, 'web'),
    bytes(2, ''), // generateName: Go always writes its plain strings
    int(7, 0), // generation 0: plain, dropped
    msg(8, int(1, 1_700_000_000)), // creationTimestamp
    msg(9), // deletionTimestamp zero: null, dropped
    msg(11, bytes(1, 'app'), bytes(2, 'web')),
    msg(11, bytes(1, 'tier'), bytes(2, '')), // a label with an empty value is kept
  );
  const container = Buffer.concat([
    bytes(1, 'main'),
    bytes(2, 'nginx:1.27'),
    msg(6, int(2, 0), int(3, 8080)), // hostPort 0 dropped
    msg(8, msg(1, bytes(1, 'memory'), msg(2, bytes(1, '256Mi')))), // limits
    msg(11, msg(1, msg(2, bytes(1, '/healthz'), msg(2, int(1, 1), bytes(3, 'http')))), int(4, 10)), // readinessProbe: ProbeHandler inlined, port by name
  ]);
  const spec = msg(
    2,
    int(1, 0), // replicas 0: a pointer, kept
    msg(3, msg(2, msg(2, container), msg(1, bytes(1, 'cfg'), msg(2, msg(19, msg(1, bytes(1, 'web-config'))))))), // volume: VolumeSource and LocalObjectReference inlined
    msg(4, bytes(1, 'RollingUpdate'), msg(2, msg(1, int(1, 0), int(2, 1)), msg(2, int(1, 1), bytes(3, '25%')))),
  );
  const status = msg(3, int(1, 5)); // status: ignored on create
  const obj = decodeKubernetesProtobuf(envelope('apps/v1', 'Deployment', Buffer.concat([metadata, spec, status])));
  assert.deepEqual(obj, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', creationTimestamp: '2023-11-14T22:13:20Z', labels: { app: 'web', tier: '' } },
    spec: {
      replicas: 0,
      template: {
        spec: {
          containers: [
            {
              name: 'main',
              image: 'nginx:1.27',
              ports: [{ containerPort: 8080 }],
              resources: { limits: { memory: '256Mi' } },
              readinessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 10 },
            },
          ],
          volumes: [{ name: 'cfg', configMap: { name: 'web-config' } }],
        },
      },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: '25%' } },
    },
  });
});

test('negative 64-bit integers, packed and unpacked repeated integers, bytes as base64', () => {
  const podSpec = Buffer.concat([
    int(5, -1n), // activeDeadlineSeconds: a ten-byte varint
    msg(14, bytes(4, Buffer.concat([varint(1000n), varint(2000n)])), int(4, 3000)), // supplementalGroups packed, then one more unpacked
  ]);
  const pod = decodeKubernetesProtobuf(envelope('v1', 'Pod', msg(2, podSpec)));
  assert.deepEqual(pod.spec, { activeDeadlineSeconds: -1, securityContext: { supplementalGroups: [1000, 2000, 3000] } });
  const secret = decodeKubernetesProtobuf(envelope('v1', 'Secret', msg(2, bytes(1, 'key'), bytes(2, Buffer.from([0, 255, 1])))));
  assert.deepEqual(secret.data, { key: 'AP8B' });
});

test('refusals: no k8s prefix is a 400, a kind or a field the schema does not have is a 415 that names it', () => {
  const status = (f: () => unknown): DemoStatusError => {
    try {
      f();
    } catch (err) {
      assert.ok(err instanceof DemoStatusError, String(err));
      return err;
    }
    assert.fail('no error');
  };
  assert.equal(status(() => decodeKubernetesProtobuf(Buffer.from('{"kind":"Pod"}'))).code, 400);
  const kind = status(() => decodeKubernetesProtobuf(envelope('v1', 'Node', Buffer.alloc(0))));
  assert.equal(kind.code, 415);
  assert.match(kind.message, /cannot decode Node \(v1\) from protobuf; send the object as application\/json/);
  // PodSpec field 18 (affinity) is not in the schema.
  const field = status(() => decodeKubernetesProtobuf(envelope('v1', 'Pod', msg(2, msg(18)))));
  assert.equal(field.code, 415);
  assert.match(field.message, /cannot decode field 18 of PodSpec \(in Pod\.spec\)/);
  // A length that runs past the end.
  assert.equal(status(() => decodeKubernetesProtobuf(Buffer.concat([Buffer.from('k8s\0', 'latin1'), Buffer.from([0x0a, 50, 1])]))).code, 400);
});

test('the schema is whole: every message a field names and every root is defined, field numbers unique', () => {
  const named = new Set(['s', 'b', 'i', 't', 'time', 'intstr', 'quantity', '-']);
  for (const [name, text] of Object.entries(messages)) {
    const numbers = new Set<string>();
    for (const field of text.split('|')) {
      const [no, , type] = field.split(' ') as [string, string, string];
      assert.ok(!numbers.has(no), `${name}: field ${no} twice`);
      numbers.add(no);
      const bare = type.replace(/^\*/, '').replace(/!$/, '');
      const parts = bare.startsWith('{') ? bare.slice(1, -1).split(':') : [bare];
      for (const p of parts) assert.ok(named.has(p) || p in messages, `${name}.${field}: no message ${p}`);
    }
  }
  for (const [key, root] of Object.entries(roots)) assert.ok(root in messages, `${key}: no message ${root}`);
});
