import assert from 'node:assert/strict';
import { test } from 'node:test';
import { triageColumns, triageRows, triageTone } from '../../../src/explorer/triage/triage-rows.ts';
import { jumpTo } from '../../../src/explorer/triage/triage-view.ts';
import { cellsAt } from '../../../src/kinds/cells.ts';
import type { DiscoveryResult } from '../../../src/kube/discovery.ts';
import type { ResourceInfo } from '../../../src/kube/resource-info.ts';
import { ago, meta, sourceOf } from '../../support/triage-source.ts';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const min = 60_000;

const crashing = (name: string, lastCrashAgo: number): unknown => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: meta(name),
  spec: { nodeName: 'n1', containers: [{ name: 'app' }] },
  status: {
    phase: 'Running',
    containerStatuses: [{ name: 'app', restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, finishedAt: ago(NOW, lastCrashAgo) } } }],
  },
});
const cordoned = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { ...meta('kx-worker3'), namespace: undefined },
  spec: { unschedulable: true },
  status: { conditions: [{ type: 'Ready', status: 'True' }] },
};

test('rows are worst first, then newest first, with the columns of the view', () => {
  const src = sourceOf(NOW, { pods: [crashing('old', 30 * min), crashing('new', 1 * min)], nodes: [cordoned] });
  const rows = triageRows(src);
  assert.deepEqual(
    triageColumns.map((c) => c.name),
    ['SEVERITY', 'KIND', 'NAMESPACE', 'NAME', 'REASON', 'SINCE', 'MESSAGE'],
  );
  assert.deepEqual(
    rows.map((r) => cellsAt(r, NOW).slice(0, 6)),
    [
      ['CRITICAL', 'Pod', 'shop', 'new', 'CrashLoopBackOff', '60s'],
      ['CRITICAL', 'Pod', 'shop', 'old', 'CrashLoopBackOff', '30m'],
      ['NOTICE', 'Node', '', 'kx-worker3', 'Cordoned', '<unknown>'],
    ],
  );
  assert.deepEqual(
    rows.map((r) => triageTone(r)),
    ['error', 'error', 'info'],
  );
  assert.equal(new Set(rows.map((r) => r.uid)).size, rows.length);
});

test('an object with a row of its own has no second row for its events; events about others keep theirs', () => {
  const event = (name: string, object: string): unknown => ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: meta(name),
    type: 'Warning',
    reason: 'BackOff',
    message: 'Back-off restarting failed container app',
    involvedObject: { apiVersion: 'v1', kind: 'Pod', namespace: 'shop', name: object, uid: `uid-shop-${object}` },
    count: 2,
    firstTimestamp: ago(NOW, 2 * min),
    lastTimestamp: ago(NOW, min),
  });
  const rows = triageRows(sourceOf(NOW, { pods: [crashing('api', min)], events: [event('e1', 'api'), event('e2', 'gone')] }));
  assert.deepEqual(
    rows.map((r) => [r.name, r.cells[4]]),
    [
      ['api', 'CrashLoopBackOff'],
      ['gone', 'BackOff'],
    ],
  );
});

test('Enter jumps to the object: its kind, its namespace, the cursor on it', () => {
  const resource = (group: string, plural: string, kind: string, namespaced: boolean): ResourceInfo => ({
    group,
    version: 'v1',
    versions: ['v1'],
    plural,
    singular: kind.toLowerCase(),
    kind,
    shortNames: [],
    categories: [],
    namespaced,
    verbs: ['list'],
    subresources: { scale: false, status: false, log: false, exec: false },
  });
  const discovery = { resources: [resource('', 'pods', 'Pod', true), resource('', 'nodes', 'Node', false)] } as unknown as DiscoveryResult;
  const [pod, node] = triageRows(sourceOf(NOW, { pods: [crashing('api', min)], nodes: [cordoned] }));
  const toPod = jumpTo(pod!.target!, discovery);
  assert.deepEqual([toPod?.resource.plural, toPod?.namespace, toPod?.cursorUid, toPod?.cursorName], ['pods', 'shop', 'uid-shop-api', 'api']);
  const toNode = jumpTo(node!.target!, discovery);
  assert.deepEqual([toNode?.resource.plural, toNode?.namespace, toNode?.cursorName], ['nodes', undefined, 'kx-worker3']);
});
