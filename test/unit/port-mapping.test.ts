import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePortSpec, podPort, servicePodPort } from '../../src/kube/port-forward/port-mapping.ts';
import type { KubeObject } from '../../src/kube/object.ts';

const pod = { metadata: { name: 'web-1', uid: 'u' }, spec: { containers: [{ name: 'web', ports: [{ name: 'http', containerPort: 8080 }] }] } } as unknown as KubeObject;
const svc = (ports: unknown[], clusterIP = '10.96.0.9') => ({ metadata: { name: 'web', uid: 's' }, spec: { clusterIP, ports } }) as unknown as KubeObject;

test('port specs as kubectl reads them: LOCAL:REMOTE, REMOTE, :REMOTE, named remote', () => {
  assert.deepEqual(parsePortSpec('8080:80'), { local: 8080, remote: '80' });
  assert.deepEqual(parsePortSpec('80'), { local: undefined, remote: '80' });
  assert.deepEqual(parsePortSpec(':80'), { local: 0, remote: '80' });
  assert.deepEqual(parsePortSpec('9000:http'), { local: 9000, remote: 'http' });
  assert.throws(() => parsePortSpec('1:2:3'), /^Error: invalid port format '1:2:3'$/);
  assert.throws(() => parsePortSpec('x:80'), /^Error: error parsing local port 'x'/);
  assert.throws(() => parsePortSpec('0'), /^Error: remote port must be > 0$/);
});

test("named container ports resolve on the pod; a missing name is kubectl's sentence", () => {
  assert.equal(podPort(pod, 'http'), 8080);
  assert.equal(podPort(pod, '9999'), 9999);
  assert.throws(() => podPort(pod, 'nope'), /^Error: Pod 'web-1' does not have a named port 'nope'$/);
});

test('a Service port maps to its targetPort: numeric, named (via the pod), omitted, headless', () => {
  assert.equal(servicePodPort(svc([{ name: 'web', port: 80, targetPort: 8081 }]), pod, '80'), 8081);
  assert.equal(servicePodPort(svc([{ name: 'web', port: 80, targetPort: 'http' }]), pod, 'web'), 8080);
  assert.equal(servicePodPort(svc([{ port: 80 }]), pod, '80'), 80);
  assert.equal(servicePodPort(svc([{ port: 80, targetPort: 8081 }], 'None'), pod, '80'), 80);
  assert.throws(() => servicePodPort(svc([{ port: 80 }]), pod, '81'), /^Error: Service web does not have a service port 81$/);
  assert.throws(() => servicePodPort(svc([{ port: 80 }]), pod, 'nope'), /^Error: Service 'web' does not have a named port 'nope'$/);
  assert.throws(() => servicePodPort(svc([{ name: 'web', port: 80, targetPort: 'grpc' }]), pod, '80'), /^Error: Pod 'web-1' does not have a named port 'grpc'$/);
});
