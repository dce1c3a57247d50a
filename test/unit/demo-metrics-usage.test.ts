/** The demo's simulated usage: fixed within a metrics window, shaped by the workload, nodes the sum of their pods plus overhead. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { containerUsage, nodeUsage } from '../../src/demo/server/metrics-usage.ts';
import { pod } from '../support/demo-fixtures.ts';
import type { KubeObject } from '../../src/kube/object.ts';

const Mi = 1024 * 1024;

function withResources(p: KubeObject, resources: unknown): KubeObject {
  const spec = p.spec as { containers: Record<string, unknown>[] };
  return { ...p, spec: { ...spec, containers: spec.containers.map((c) => ({ ...c, resources })) } };
}

test('usage is the same within a window and moves between windows', () => {
  const p = pod('shop', 'web');
  assert.deepEqual(containerUsage(p, 100), containerUsage(p, 100));
  const windows = new Set([100, 101, 102, 103, 104].map((w) => JSON.stringify(containerUsage(p, w))));
  assert.ok(windows.size > 1);
});

test('a container with a CPU limit runs at 85–98 % of it; a crash-looping one barely uses anything; idle ones a few percent of the request', () => {
  for (let w = 0; w < 50; w++) {
    const busy = containerUsage(withResources(pod('p', 'busy'), { limits: { cpu: '500m' }, requests: { cpu: '250m', memory: '256Mi' } }), w)[0]!.usage;
    assert.ok(busy.nanocores >= 425e6 && busy.nanocores < 491e6, `busy ${busy.nanocores}`);
    const crashing = pod('p', 'crash');
    (crashing.status as { containerStatuses: unknown[] }).containerStatuses = [{ name: 'app', restartCount: 7, state: { waiting: { reason: 'CrashLoopBackOff' } } }];
    const low = containerUsage(crashing, w)[0]!.usage;
    assert.ok(low.nanocores < 3e6 && low.bytes < 10 * Mi, `crash-looping ${low.nanocores}`);
    const idle = containerUsage(withResources(pod('p', 'idle'), { requests: { cpu: '100m', memory: '128Mi' } }), w)[0]!.usage;
    assert.ok(idle.nanocores >= 1e6 && idle.nanocores < 16e6 && idle.bytes < 128 * Mi, `idle ${idle.nanocores}`);
    assert.equal(idle.bytes % 1024, 0, 'memory in whole KiB, as metrics-server reports it');
  }
});

test("a node's usage is its running pods' usage plus a system overhead", () => {
  const node: KubeObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1', uid: '' } };
  const bare = nodeUsage(node, [], 7);
  const pods = [pod('a', 'one'), pod('a', 'two'), pod('a', 'elsewhere', { node: 'node-2' }), pod('a', 'pending', { phase: 'Pending' })];
  const loaded = nodeUsage(node, pods, 7);
  const own = [pods[0]!, pods[1]!].flatMap((p) => containerUsage(p, 7));
  assert.equal(
    loaded.nanocores - bare.nanocores,
    own.reduce((s, c) => s + c.usage.nanocores, 0),
  );
  assert.equal(
    loaded.bytes - bare.bytes,
    own.reduce((s, c) => s + c.usage.bytes, 0),
  );
  assert.ok(bare.nanocores >= 80e6 && bare.bytes >= 600 * Mi);
});
