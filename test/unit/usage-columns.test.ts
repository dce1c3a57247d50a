/** Which views get CPU and MEM columns, and their cells in kubectl top's units. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeUsageCells, podUsageCells, usageCellsOf, usageKindOf } from '../../src/explorer/usage-columns.ts';
import type { ViewEntry } from '../../src/explorer/view-entry.ts';

const entry = (group: string, plural: string, scope?: ViewEntry['scope']): ViewEntry => ({ resource: { group, plural }, ...(scope ? { scope } : {}) }) as unknown as ViewEntry;

test('core pods and nodes lists get usage columns; other kinds and a pod’s containers do not', () => {
  assert.equal(usageKindOf(entry('', 'pods')), 'pods');
  assert.equal(usageKindOf(entry('', 'nodes')), 'nodes');
  assert.equal(usageKindOf(entry('metrics.k8s.io', 'pods')), undefined);
  assert.equal(usageKindOf(entry('apps', 'deployments')), undefined);
  assert.equal(usageKindOf(entry('', 'pods', { kind: 'containers', pod: 'p', podUid: 'u' } as unknown as ViewEntry['scope'])), undefined);
});

test('a pod’s cells sum its containers exactly (CPU rounded up to m, memory truncated to Mi); rows without metrics stay blank', () => {
  const meta = (name: string, namespace?: string) => ({ name, uid: '', ...(namespace ? { namespace } : {}) });
  const pods = podUsageCells([
    {
      apiVersion: 'metrics.k8s.io/v1beta1',
      kind: 'PodMetrics',
      metadata: meta('web', 'shop'),
      containers: [
        { name: 'a', usage: { cpu: '1500001n', memory: '1048575' } },
        { name: 'b', usage: { cpu: '1n', memory: '1Mi' } },
      ],
    },
  ]);
  assert.deepEqual(usageCellsOf(pods, 'shop', 'web'), ['2m', '1Mi']);
  assert.deepEqual(usageCellsOf(pods, 'shop', 'new'), ['', '']);
  const nodes = nodeUsageCells([{ apiVersion: 'metrics.k8s.io/v1beta1', kind: 'NodeMetrics', metadata: meta('n1'), usage: { cpu: '1', memory: '2Gi' } }]);
  assert.deepEqual(usageCellsOf(nodes, '', 'n1'), ['1000m', '2048Mi']);
});
