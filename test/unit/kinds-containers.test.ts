/**
 * The containers view's projection: a pod's row carries a summary of its containers, and the
 * view's rows (one a container: init, sidecar, main, ephemeral) are projected from it. Real pods
 * from a cluster (test/fixtures/real) plus a crafted one with a native sidecar and an ephemeral
 * container.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { cellsAt } from '../../src/kinds/cells.ts';
import { containerColumns, containerRows, containerTone } from '../../src/kinds/container-rows.ts';
import { containerSummaries } from '../../src/kinds/container-summary.ts';
import { podsKind } from '../../src/kinds/pods.ts';
import type { Row } from '../../src/kinds/types.ts';
import type { KubeList, KubeObject } from '../../src/kube/object.ts';

const real = JSON.parse(readFileSync(new URL('../fixtures/real/pods.json', import.meta.url), 'utf8')) as KubeList;
const pod = (name: string): KubeObject => {
  const found = real.items.find((o) => o.metadata.name === name);
  assert.ok(found, `fixture pod ${name}`);
  return found;
};

/** The table as cells by column name, at `now`. */
function table(p: KubeObject, now: number): Record<string, string>[] {
  return containerRows(podsKind.toRow(p, now), now).map((row) => Object.fromEntries(containerColumns.map((c, i) => [c.name, cellsAt(row, now)[i]!])));
}

const sidecarPod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'api-1', namespace: 'shop', uid: 'u-api-1', resourceVersion: '7', creationTimestamp: '2026-01-01T10:00:00Z' },
  spec: {
    initContainers: [
      { name: 'migrate', image: 'shop/migrate:2' },
      {
        name: 'envoy',
        image: 'envoyproxy/envoy:v1.31',
        restartPolicy: 'Always',
        ports: [{ name: 'admin', containerPort: 9901, protocol: 'TCP' }],
        startupProbe: { httpGet: { port: 9901 } },
      },
    ],
    containers: [
      {
        name: 'api',
        image: 'shop/api:2',
        ports: [
          { name: 'http', containerPort: 8080, protocol: 'TCP' },
          { containerPort: 9090, protocol: 'UDP' },
        ],
        livenessProbe: { httpGet: { port: 8080 } },
        readinessProbe: { httpGet: { port: 8080 } },
      },
    ],
    ephemeralContainers: [{ name: 'debugger-x7k', image: 'busybox', targetContainerName: 'api' }],
  },
  status: {
    phase: 'Running',
    initContainerStatuses: [
      { name: 'migrate', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: '2026-01-01T10:00:01Z', finishedAt: '2026-01-01T10:00:05Z' } } },
      {
        name: 'envoy',
        ready: true,
        started: true,
        restartCount: 3,
        state: { running: { startedAt: '2026-01-01T11:00:00Z' } },
        lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: '2026-01-01T10:30:00Z', finishedAt: '2026-01-01T10:59:58Z' } },
      },
    ],
    containerStatuses: [{ name: 'api', ready: false, restartCount: 0, state: { running: { startedAt: '2026-01-01T10:00:06Z' } } }],
    ephemeralContainerStatuses: [
      { name: 'debugger-x7k', ready: false, restartCount: 0, state: { terminated: { exitCode: 1, startedAt: '2026-01-01T11:10:00Z', finishedAt: '2026-01-01T11:11:00Z' } } },
    ],
  },
};

test('one row a container, init, sidecar, main and ephemeral, with k9s-like columns', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  assert.deepEqual(
    containerColumns.map((c) => c.name),
    ['NAME', 'TYPE', 'IMAGE', 'READY', 'STATE', 'REASON', 'RESTARTS', 'PORTS', 'PROBES', 'AGE'],
  );
  assert.deepEqual(table(sidecarPod, now), [
    { NAME: 'migrate', TYPE: 'init', IMAGE: 'shop/migrate:2', READY: 'false', STATE: 'Terminated', REASON: 'Completed', RESTARTS: '0', PORTS: '', PROBES: '- - -', AGE: '119m' },
    { NAME: 'envoy', TYPE: 'sidecar', IMAGE: 'envoyproxy/envoy:v1.31', READY: 'true', STATE: 'Running', REASON: '', RESTARTS: '3 (60m ago)', PORTS: 'admin:9901/TCP', PROBES: '- - s', AGE: '60m' },
    { NAME: 'api', TYPE: 'main', IMAGE: 'shop/api:2', READY: 'false', STATE: 'Running', REASON: '', RESTARTS: '0', PORTS: 'http:8080/TCP,9090/UDP', PROBES: 'l r -', AGE: '119m' },
    { NAME: 'debugger-x7k', TYPE: 'ephemeral', IMAGE: 'busybox', READY: 'false', STATE: 'Terminated', REASON: 'ExitCode:1', RESTARTS: '0', PORTS: '', PROBES: '- - -', AGE: '50m' },
  ]);
});

test('container rows name their pod and are keyed within it; ages tick from the summary', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  const podRow = podsKind.toRow(sidecarPod, now);
  const rows = containerRows(podRow, now);
  assert.deepEqual(
    rows.map((r) => [r.uid, r.namespace, r.name, r.container]),
    [
      ['u-api-1/migrate', 'shop', 'migrate', { pod: 'api-1', podUid: 'u-api-1', type: 'init' }],
      ['u-api-1/envoy', 'shop', 'envoy', { pod: 'api-1', podUid: 'u-api-1', type: 'sidecar' }],
      ['u-api-1/api', 'shop', 'api', { pod: 'api-1', podUid: 'u-api-1', type: 'main' }],
      ['u-api-1/debugger-x7k', 'shop', 'debugger-x7k', { pod: 'api-1', podUid: 'u-api-1', type: 'ephemeral' }],
    ],
  );
  const later = now + 3 * 3600_000;
  assert.equal(cellsAt(rows[1]!, later)[containerColumns.findIndex((c) => c.name === 'RESTARTS')], '3 (4h ago)');
  assert.equal(cellsAt(rows[1]!, later)[containerColumns.findIndex((c) => c.name === 'AGE')], '4h');
});

test('tones: broken red, completed muted, running but not ready warn, ready normal', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  const tones = containerRows(podsKind.toRow(sidecarPod, now), now).map((r: Row) => containerTone(r));
  assert.deepEqual(tones, ['muted', 'normal', 'warn', 'error']);
});

test('real pods: a crash loop, init containers that completed, one still running', () => {
  const now = Date.parse('2026-11-22T09:10:00Z');
  assert.deepEqual(table(pod('crashloop'), now), [
    { NAME: 'worker', TYPE: 'main', IMAGE: 'shop/worker-crash:0.9', READY: 'false', STATE: 'Waiting', REASON: 'CrashLoopBackOff', RESTARTS: '2 (3m58s ago)', PORTS: '', PROBES: '- - -', AGE: '-' },
  ]);
  assert.equal(containerTone(containerRows(podsKind.toRow(pod('crashloop'), now), now)[0]!), 'error');
  assert.deepEqual(
    table(pod('with-init'), now).map((c) => [c['NAME'], c['TYPE'], c['STATE'], c['REASON'], c['PROBES'], c['AGE']]),
    [
      ['migrate', 'init', 'Terminated', 'Completed', '- - -', '4m11s'],
      ['warm-cache', 'init', 'Terminated', 'Completed', '- - -', '4m10s'],
      ['app', 'main', 'Running', '', '- r -', '4m9s'],
      ['proxy', 'main', 'Running', '', '- - -', '4m9s'],
    ],
  );
  assert.deepEqual(
    table(pod('stuck-init'), now).map((c) => [c['NAME'], c['TYPE'], c['STATE'], c['REASON']]),
    [
      ['wait-for-db', 'init', 'Running', ''],
      ['app', 'main', 'Waiting', 'PodInitializing'],
    ],
  );
});

test('a pod the kubelet has not reported on yet: its containers, state unknown', () => {
  const s = containerSummaries(pod('unschedulable'));
  assert.deepEqual(
    s.map((c) => [c.name, c.type, c.state, c.ready, Number.isNaN(c.startedAt)]),
    [['db', 'main', '', false, true]],
  );
  assert.deepEqual(containerSummaries({ metadata: { name: 'x' } }), []);
});
