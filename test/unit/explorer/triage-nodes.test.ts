import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nodeFindings } from '../../../src/explorer/triage/node-rules.ts';
import { ago, meta, sourceOf } from '../../support/triage-source.ts';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const min = 60_000;

function node(name: string, conditions: unknown[], spec: Record<string, unknown> = {}): unknown {
  return { apiVersion: 'v1', kind: 'Node', metadata: { ...meta(name), namespace: undefined }, spec, status: { conditions } };
}

test('nodes: NotReady is critical, pressure a warning, cordoned a notice; a healthy node says nothing', () => {
  const ready = { type: 'Ready', status: 'True' };
  const down = node('kx-worker1', [{ type: 'Ready', status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: ago(NOW, 7 * min) }]);
  const squeezed = node('kx-worker2', [
    ready,
    { type: 'DiskPressure', status: 'True', reason: 'KubeletHasDiskPressure', message: 'kubelet has disk pressure', lastTransitionTime: ago(NOW, 2 * min) },
    { type: 'MemoryPressure', status: 'False' },
  ]);
  const cordoned = node('kx-worker3', [ready], { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: ago(NOW, 30 * min) }] });
  const fine = node('kx-control-plane', [ready]);
  const found = nodeFindings(sourceOf(NOW, { nodes: [down, squeezed, cordoned, fine] }));
  assert.deepEqual(
    found.map((f) => [f.target.name, f.target.namespace, f.severity, f.reason, f.message, f.since]),
    [
      ['kx-worker1', '', 'critical', 'NotReady', 'Kubelet stopped posting node status.', NOW - 7 * min],
      ['kx-worker2', '', 'warning', 'DiskPressure', 'kubelet has disk pressure', NOW - 2 * min],
      ['kx-worker3', '', 'notice', 'Cordoned', 'scheduling disabled (kubectl cordon)', NOW - 30 * min],
    ],
  );
});
