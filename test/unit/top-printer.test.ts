/** kubectl top's table rules that the demo's numbers rarely hit: CPU rounds up to millicores, memory truncates to MiB, percent truncates. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatNodeMetrics, formatPodMetrics } from '../../src/cli/top/top-printer.ts';
import type { NodeMetrics, PodMetrics } from '../../src/kube/metrics.ts';

const podMetrics = (name: string, containers: [string, string, string][]): PodMetrics => ({
  apiVersion: 'metrics.k8s.io/v1beta1',
  kind: 'PodMetrics',
  metadata: { name, namespace: 'ns', uid: '' },
  containers: containers.map(([c, cpu, memory]) => ({ name: c, usage: { cpu, memory } })),
});

test('pod usage: containers summed exactly, CPU rounded up to m, memory truncated to Mi, --sum (of exact usage) under the usage columns', () => {
  const out = formatPodMetrics(
    [
      podMetrics('b', [['x', '1n', '1048575']]),
      podMetrics('a', [
        ['y', '1500001n', '2Mi'],
        ['z', '0', '1Gi'],
      ]),
    ],
    {
      containers: false,
      withNamespace: false,
      noHeaders: false,
      sortBy: '',
      sum: true,
    },
  );
  assert.equal(
    out,
    [
      'NAME   CPU(cores)   MEMORY(bytes)   ',
      'a      2m           1026Mi          ',
      'b      1m           0Mi             ',
      '       ________     ________        ',
      '       2m           1026Mi          ',
      '',
    ].join('\n'),
  );
});

test('node usage: percent of allocatable truncated; a node without metrics prints <unknown>; columns at least 6 wide', () => {
  const node = (name: string, cpu: string, memory: string): NodeMetrics => ({ apiVersion: 'metrics.k8s.io/v1beta1', kind: 'NodeMetrics', metadata: { name, uid: '' }, usage: { cpu, memory } });
  const allocatable = new Map([
    ['n1', { cpu: '3', memory: '3Gi' }],
    ['n2', { cpu: '1', memory: '1Gi' }],
  ]);
  const out = formatNodeMetrics([node('n1', '1999m', '1Gi')], allocatable, { noHeaders: true, sortBy: '' });
  assert.equal(out, ['n1    1999m       66%         1024Mi      33%         ', 'n2    <unknown>   <unknown>   <unknown>   <unknown>   ', ''].join('\n'));
});
