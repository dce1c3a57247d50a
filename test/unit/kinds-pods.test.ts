import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { cellsAt } from '../../src/kinds/cells.ts';
import { podsKind } from '../../src/kinds/pods.ts';
import type { Row } from '../../src/kinds/types.ts';
import type { KubeList } from '../../src/kube/object.ts';

const NOW = Date.parse('2024-05-14T10:30:00Z');
const list = JSON.parse(readFileSync(new URL('../fixtures/objects/pods.json', import.meta.url), 'utf8')) as KubeList;
const rows = new Map<string, Row>(list.items.map((o) => [o.metadata.name, podsKind.toRow(o, NOW)]));
const col = (name: string): number => podsKind.columns.findIndex((c) => c.name === name);

function cells(name: string, now = NOW): Record<string, string> {
  const row = rows.get(name);
  assert.ok(row, `fixture pod ${name}`);
  const text = cellsAt(row, now);
  return Object.fromEntries(podsKind.columns.map((c, i) => [c.name, text[i]!]));
}

test('pod columns are kubectl get pods -A -o wide', () => {
  assert.deepEqual(
    podsKind.columns.map((c) => c.name),
    ['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
  );
  assert.deepEqual(
    podsKind.columns.filter((c) => c.wide).map((c) => c.name),
    ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
  );
});

test('pod READY / STATUS / RESTARTS / AGE match kubectl for every fixture', () => {
  const want: Record<string, [string, string, string, string]> = {
    'web-6b7f9c8d5-x2x9q': ['1/1', 'Running', '0', '3d4h'],
    'api-5c8d7b9f6-k7m2p': ['1/2', 'Running', '0', '125m'],
    'db-migrate-7f6d5c4b3-p9q8r': ['0/1', 'Init:1/2', '0', '90s'],
    'orders-7c9b8d6f5-t4w2z': ['0/1', 'Init:CrashLoopBackOff', '4 (2m ago)', '12m'],
    'checkout-5f4d8b7c9-m3n4b': ['2/2', 'Running', '1 (5h29m ago)', '5h30m'],
    'payments-84b6c7d9f-zx8vw': ['0/1', 'CrashLoopBackOff', '5 (3m ago)', '40m'],
    'backup-28597140-q8z4n': ['0/1', 'Completed', '0', '30m'],
    'web-6b7f9c8d5-old9z': ['1/1', 'Terminating', '0', '3d4h'],
    'ml-train-0': ['0/1', 'Pending', '0', '7m'],
    'search-6d5f4c3b2-h7j8k': ['0/1', 'ImagePullBackOff', '0', '4m12s'],
    'gated-batch-1': ['0/1', 'SchedulingGated', '0', '45s'],
    'report-fail-x7c2d': ['0/1', 'Error', '0', '9h'],
    'cache-0': ['0/1', 'ContainerCreating', '0', '8s'],
    'etl-runner-9k2l3': ['1/2', 'NotReady', '0', '60m'],
  };
  assert.equal(rows.size, Object.keys(want).length);
  for (const [name, [ready, status, restarts, age]] of Object.entries(want)) {
    const c = cells(name);
    assert.deepEqual([c['READY'], c['STATUS'], c['RESTARTS'], c['AGE']], [ready, status, restarts, age], name);
  }
});

test('wide pod cells: IP, NODE, NOMINATED NODE and READINESS GATES', () => {
  assert.deepEqual([cells('web-6b7f9c8d5-x2x9q')['IP'], cells('web-6b7f9c8d5-x2x9q')['NODE'], cells('web-6b7f9c8d5-x2x9q')['READINESS GATES']], ['10.244.1.23', 'kx-worker-1', '<none>']);
  assert.deepEqual([cells('ml-train-0')['IP'], cells('ml-train-0')['NODE']], ['<none>', '<none>']);
  assert.equal(cells('cache-0')['IP'], '<none>');
  assert.equal(cells('etl-runner-9k2l3')['READINESS GATES'], '0/1');
});

test('ages and restart times tick from stored timestamps without re-projecting', () => {
  const later = NOW + 10 * 60_000;
  const c = cells('payments-84b6c7d9f-zx8vw', later);
  assert.equal(c['RESTARTS'], '5 (13m ago)');
  assert.equal(c['AGE'], '50m');
  const row = rows.get('payments-84b6c7d9f-zx8vw')!;
  assert.equal(row.cells[col('AGE')], '40m', 'the stored cells are as projected');
  assert.equal(cellsAt(rows.get('gated-batch-1')!, NOW + 70_000)[col('AGE')], '115s');
});

test('a pod row keeps what indexes need and nothing of the raw object', () => {
  const row = rows.get('web-6b7f9c8d5-x2x9q')!;
  assert.equal(row.nodeName, 'kx-worker-1');
  assert.deepEqual(row.labels, { app: 'web', 'pod-template-hash': '6b7f9c8d5', tier: 'frontend' });
  assert.deepEqual(
    row.ownerRefs.map((o) => [o.kind, o.name, o.controller]),
    [['ReplicaSet', 'web-6b7f9c8d5', true]],
  );
  assert.equal(row.createdAt, Date.parse('2024-05-11T06:30:00Z'));
  assert.equal(row.deleting, false);
  assert.ok(!JSON.stringify(row).includes('containerd://'), 'no container statuses are kept');
  const terminating = rows.get('web-6b7f9c8d5-old9z')!;
  assert.equal(terminating.deleting, true);
  assert.equal(rows.get('ml-train-0')!.nodeName, '');
});

test('pod tones: errors red, progress amber, finished muted', () => {
  const tone = (name: string): string => podsKind.tone(rows.get(name)!);
  assert.equal(tone('payments-84b6c7d9f-zx8vw'), 'error');
  assert.equal(tone('orders-7c9b8d6f5-t4w2z'), 'error');
  assert.equal(tone('search-6d5f4c3b2-h7j8k'), 'error');
  assert.equal(tone('db-migrate-7f6d5c4b3-p9q8r'), 'warn');
  assert.equal(tone('api-5c8d7b9f6-k7m2p'), 'warn');
  assert.equal(tone('backup-28597140-q8z4n'), 'muted');
  assert.equal(tone('web-6b7f9c8d5-old9z'), 'muted');
  assert.equal(tone('web-6b7f9c8d5-x2x9q'), 'normal');
});
