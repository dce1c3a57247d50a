import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLocalPort, portRowLabel, portRows } from '../../../src/explorer/port-forward-rows.ts';
import type { KubeObject } from '../../../src/kube/object.ts';

const pod = {
  metadata: { name: 'web-1', uid: 'p' },
  spec: {
    containers: [
      {
        name: 'web',
        ports: [
          { name: 'http', containerPort: 8080 },
          { name: 'dns', containerPort: 53, protocol: 'UDP' },
        ],
      },
      {
        name: 'metrics',
        ports: [
          { containerPort: 9090, protocol: 'TCP' },
          { name: 'again', containerPort: 8080 },
        ],
      },
    ],
  },
} as unknown as KubeObject;

test("a pod's rows: its containers' TCP ports, named ones with their name, local port = the port", () => {
  const rows = portRows('pod', pod, pod);
  assert.deepEqual(rows, [
    { remote: 8080, name: 'http', podPort: 8080, local: 8080 },
    { remote: 9090, name: undefined, podPort: 9090, local: 9090 },
  ]);
  assert.deepEqual(rows.map(portRowLabel), ['8080 (http)', '9090']);
  // A workload's rows are the ports of the pod it resolved to.
  assert.deepEqual(portRows('deployment', { metadata: { name: 'web', uid: 'd' } } as KubeObject, pod), rows);
});

test("a Service's rows: its ports, each mapped to the pod's port as kubectl maps targetPort", () => {
  const svc = {
    metadata: { name: 'web', uid: 's' },
    spec: {
      clusterIP: '10.96.0.9',
      ports: [
        { name: 'web', port: 80, targetPort: 'http' },
        { name: 'metrics', port: 9000, targetPort: 9090 },
        { name: 'plain', port: 7000 },
        { name: 'gone', port: 81, targetPort: 'nope' },
        { name: 'dns', port: 53, protocol: 'UDP' },
      ],
    },
  } as unknown as KubeObject;
  const rows = portRows('service', svc, pod);
  assert.deepEqual(rows, [
    { remote: 80, name: 'web', podPort: 8080, local: 80 },
    { remote: 9000, name: 'metrics', podPort: 9090, local: 9000 },
    { remote: 7000, name: 'plain', podPort: 7000, local: 7000 },
    { remote: 81, name: 'gone', podPort: undefined, local: 81, problem: "Pod 'web-1' does not have a named port 'nope'" },
  ]);
  assert.deepEqual(rows.map(portRowLabel), ['80 (web) → pod port 8080', '9000 (metrics) → pod port 9090', '7000 (plain)', '81 (gone)']);
});

test('a local port field: a number, empty to skip, anything else one sentence', () => {
  const row = { remote: 80, name: undefined, podPort: 80, local: 80 };
  assert.deepEqual(parseLocalPort(' 8080 ', row), { ok: true, port: 8080 });
  assert.deepEqual(parseLocalPort('', row), { ok: true, port: undefined });
  assert.deepEqual(parseLocalPort('80a', row), { ok: false, message: 'The local port for port 80 must be a number from 0 to 65535, not "80a".' });
  assert.deepEqual(parseLocalPort('70000', row), { ok: false, message: 'The local port for port 80 must be a number from 0 to 65535, not "70000".' });
});
