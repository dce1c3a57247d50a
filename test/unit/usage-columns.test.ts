/** Which views get usage columns, their cells in kubectl top's units and k9s's percentages. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterUsage, clusterUsageText, nodeUsages, podUsages, usageCells, usageColumnsOf, usageKindOf, type ViewUsage } from '../../src/explorer/usage-columns.ts';
import type { ViewEntry } from '../../src/explorer/view-entry.ts';
import { containerRows } from '../../src/kinds/container-rows.ts';
import { kindFor } from '../../src/kinds/registry.ts';
import type { KubeObject } from '../../src/kube/object.ts';

const entry = (group: string, plural: string, scope?: ViewEntry['scope']): ViewEntry => ({ resource: { group, plural }, ...(scope ? { scope } : {}) }) as unknown as ViewEntry;
const meta = (name: string, namespace?: string) => ({ name, uid: `uid-${name}`, ...(namespace ? { namespace } : {}) });

test('core pods, nodes and a pod’s containers get usage columns; other kinds do not', () => {
  assert.equal(usageKindOf(entry('', 'pods')), 'pods');
  assert.equal(usageKindOf(entry('', 'nodes')), 'nodes');
  assert.equal(usageKindOf(entry('metrics.k8s.io', 'pods')), undefined);
  assert.equal(usageKindOf(entry('apps', 'deployments')), undefined);
  assert.equal(usageKindOf(entry('', 'pods', { kind: 'containers', pod: 'p', podUid: 'u', podNamespace: 'ns', label: 'p' })), 'containers');
  assert.deepEqual(
    usageColumnsOf('pods').map((c) => c.spec.name),
    ['CPU', 'MEM', '%CPU/R', '%CPU/L', '%MEM/R', '%MEM/L'],
  );
  assert.deepEqual(
    usageColumnsOf('nodes').map((c) => c.spec.name),
    ['CPU', '%CPU', 'MEM', '%MEM'],
  );
});

const podObject = (name: string, containers: { name: string; requests?: Record<string, string>; limits?: Record<string, string> }[]): KubeObject =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { ...meta(name, 'shop'), creationTimestamp: '2024-01-01T00:00:00Z' },
    spec: { containers: containers.map((c) => ({ name: c.name, image: 'x', resources: { requests: c.requests, limits: c.limits } })) },
    status: { phase: 'Running' },
  }) as unknown as KubeObject;

const webMetrics = {
  apiVersion: 'metrics.k8s.io/v1beta1',
  kind: 'PodMetrics',
  metadata: meta('web', 'shop'),
  containers: [
    { name: 'a', usage: { cpu: '1500001n', memory: '1048575' } },
    { name: 'b', usage: { cpu: '1n', memory: '1Mi' } },
  ],
};
const pods = podUsages([webMetrics, { apiVersion: 'metrics.k8s.io/v1beta1', kind: 'PodMetrics', metadata: meta('lone', 'shop'), containers: [{ name: 'a', usage: { cpu: '50m', memory: '64Mi' } }] }]);
const sample = { pods, nodes: new Map() };

test('a pod’s CPU and MEM sum its containers exactly (rounded up to m, truncated to Mi); rows without metrics stay blank', () => {
  const kind = kindFor('pods')!;
  const usage: ViewUsage = { kind: 'pods', sample };
  const web = kind.toRow(podObject('web', [{ name: 'a' }, { name: 'b' }]), 0);
  assert.deepEqual(usageCells(usage, web, undefined).slice(0, 2), ['2m', '1Mi']);
  const fresh = kind.toRow(podObject('new', [{ name: 'a' }]), 0);
  assert.deepEqual(usageCells(usage, fresh, undefined), ['', '', '', '', '', '']);
});

test('percentages of requests and limits, truncated; n/a without a request, or when a container has no limit', () => {
  const kind = kindFor('pods')!;
  const usage: ViewUsage = { kind: 'pods', sample };
  const lone = kind.toRow(podObject('lone', [{ name: 'a', requests: { cpu: '200m', memory: '256Mi' }, limits: { cpu: '150m', memory: '96Mi' } }]), 0);
  assert.deepEqual(usageCells(usage, lone, undefined), ['50m', '64Mi', '25', '33', '25', '66']);
  const partly = kind.toRow(podObject('web', [{ name: 'a', limits: { cpu: '1' } }, { name: 'b' }]), 0);
  assert.deepEqual(usageCells(usage, partly, undefined).slice(2), ['n/a', 'n/a', 'n/a', 'n/a']);
});

test('a container row reads its own usage and its own requests', () => {
  const kind = kindFor('pods')!;
  const pod = kind.toRow(podObject('web', [{ name: 'a', requests: { cpu: '3m' } }, { name: 'b' }]), 0);
  const [a, b] = containerRows(pod, 0);
  const usage: ViewUsage = { kind: 'containers', sample };
  assert.deepEqual(usageCells(usage, a!, 'shop/web'), ['2m', '0Mi', '66', 'n/a', 'n/a', 'n/a']);
  assert.deepEqual(usageCells(usage, b!, 'shop/web').slice(0, 2), ['1m', '1Mi']);
});

test('nodes: usage against allocatable like kubectl top nodes; the header sums the cluster', () => {
  const kind = kindFor('nodes')!;
  const node = kind.toRow({ apiVersion: 'v1', kind: 'Node', metadata: meta('n1'), status: { allocatable: { cpu: '3', memory: '6Gi' } } } as unknown as KubeObject, 0);
  const nodes = nodeUsages([{ apiVersion: 'metrics.k8s.io/v1beta1', kind: 'NodeMetrics', metadata: meta('n1'), usage: { cpu: '1', memory: '2Gi' } }]);
  assert.deepEqual(usageCells({ kind: 'nodes', sample: { pods: new Map(), nodes } }, node, undefined), ['1000m', '33', '2048Mi', '33']);
  const text = clusterUsageText(clusterUsage(nodes, [node.allocatable!, { cpu: 1000, memory: 2 * 1024 ** 3 }]));
  assert.deepEqual(text, { cpu: '1/4 (25%)', memory: '2.0Gi/8.0Gi (25%)' });
});

test('an API that fails shows n/a in every usage cell', () => {
  const kind = kindFor('pods')!;
  const row = kind.toRow(podObject('web', [{ name: 'a' }]), 0);
  assert.deepEqual(usageCells({ kind: 'pods', sample: undefined, problem: 'metrics n/a: unavailable' }, row, undefined), ['n/a', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a']);
});

test('a pods view reads the sums alone: the same figures without a map of containers per pod', () => {
  const items = [webMetrics];
  const summed = podUsages(items, { containers: false }).get('shop/web')!;
  const full = podUsages(items).get('shop/web')!;
  assert.deepEqual({ cpu: summed.cpu, memory: summed.memory }, { cpu: full.cpu, memory: full.memory });
  assert.deepEqual({ cpu: summed.cpu, memory: summed.memory }, { cpu: 2, memory: 2097151 });
  assert.equal(summed.containers.size, 0);
  assert.equal(full.containers.size, 2);
});
