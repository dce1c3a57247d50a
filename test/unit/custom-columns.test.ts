/** views.yaml applied to a kind: columns reordered and hidden, JSONPath cells made on arrival, tone and sort kept. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../src/kube/object.ts';
import { ManualScheduler } from '../../src/store/manual-scheduler.ts';
import { ObjectCache } from '../../src/store/object-cache.ts';
import { builtinViewProblems, viewCustomizer, viewKeyMatches } from '../../src/kinds/custom-columns.ts';
import { podsKind } from '../../src/kinds/pods.ts';
import { parseViewsFile } from '../../src/kinds/views-file.ts';
import { viewSort } from '../../src/explorer/view-rows.ts';
import { viewOf } from '../../src/explorer/view-entry.ts';
import type { ResourceInfo } from '../../src/kube/resource-info.ts';

const T0 = Date.parse('2024-05-14T10:30:00Z');

function pod(name: string, zone: string | undefined, phase = 'Running', created = '2024-05-14T10:00:00Z'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'shop', uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: created, labels: zone ? { 'topology.kubernetes.io/zone': zone } : {} },
    spec: { containers: [{ name: 'c', image: `nginx:${name}` }], nodeName: 'node-a' },
    status: {
      phase,
      startTime: '2024-05-14T10:20:00Z',
      containerStatuses: [{ name: 'c', ready: phase === 'Running', restartCount: 0, state: phase === 'Running' ? { running: {} } : { waiting: { reason: 'CrashLoopBackOff' } } }],
    },
  };
}

const file = parseViewsFile(
  `views:
  v1/pods:
    sortColumn: ZONE:desc
    columns:
      - AGE
      - NAMESPACE
      - NAME
      - "ZONE:.metadata.labels.topology\\\\.kubernetes\\\\.io/zone"
      - "IMAGE:.spec.containers[0].image|W"
      - "TWO:.spec.containers[1].image"
      - "STARTED:.status.startTime|T"
      - STATUS|H
`,
  '/x/views.yaml',
);

function cacheWith(objects: KubeObject[]): ObjectCache {
  const cache = new ObjectCache({ scheduler: new ManualScheduler(T0), customize: viewCustomizer(file.views) });
  const sink = cache.sinkFor('pods', { kind: 'Pod', namespaced: true, shortNames: ['po'] });
  sink.beginSync();
  for (const o of objects) sink.upsert(o);
  sink.endSync();
  return cache;
}

test('the listed columns come first in their order, JSONPath ones included; the rest are hidden but kept', () => {
  const cache = cacheWith([pod('a', 'eu-1b')]);
  const columns = cache.columnsOf('pods');
  assert.deepEqual(
    columns.filter((c) => c.hidden !== true).map((c) => c.name),
    ['AGE', 'NAMESPACE', 'NAME', 'ZONE', 'IMAGE', 'TWO', 'STARTED'],
  );
  assert.deepEqual(
    columns.filter((c) => c.hidden === true).map((c) => c.name),
    ['STATUS', 'READY', 'RESTARTS', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
  );
  assert.equal(columns[4]!.wide, true);
  assert.equal(columns[6]!.sort, 'age');
  const row = cache.rowByName('pods', 'shop', 'a')!;
  assert.deepEqual(row.cells.slice(0, 7), ['30m', 'shop', 'a', 'eu-1b', 'nginx:a', '<error>', '10m']);
  assert.equal(row.cells[7], 'Running');
  // Ages tick: AGE's time cell moved with its column, and STARTED is one too.
  assert.deepEqual(
    row.timeCells.map((c) => c.column),
    [0, 6],
  );
  // Kept slim: the row holds cells, not the object.
  assert.equal((row as unknown as Record<string, unknown>)['spec'], undefined);
});

test('tone still reads the hidden STATUS cell', () => {
  const cache = cacheWith([pod('a', 'eu-1a'), pod('b', 'eu-1a', 'Pending')]);
  const kind = cache.kindOf('pods');
  const tones = ['a', 'b'].map((n) => kind.tone(cache.rowByName('pods', 'shop', n)!));
  assert.deepEqual(tones, [podsKind.tone(podsKind.toRow(pod('a', 'eu-1a'), T0)), podsKind.tone(podsKind.toRow(pod('b', 'eu-1a', 'Pending'), T0))]);
  assert.notEqual(tones[0], tones[1]);
});

test('sortColumn is the view sort until the user picks another, and the JSONPath column sorts like any other', () => {
  const cache = cacheWith([pod('a', 'eu-1b'), pod('b', undefined), pod('c', 'eu-1c'), pod('d', 'eu-1a')]);
  const resource = { group: '', version: 'v1', plural: 'pods', kind: 'Pod', namespaced: true } as ResourceInfo;
  const entry = viewOf(resource, 'shop');
  assert.deepEqual(viewSort(cache, entry), { column: 3, descending: true });
  const order = (descending: boolean): string[] => cache.rows('pods', { sortBy: 3, descending }).map((r) => r.cells[3]!);
  assert.deepEqual(order(false), ['<none>', 'eu-1a', 'eu-1b', 'eu-1c']);
  assert.deepEqual(order(true), ['eu-1c', 'eu-1b', 'eu-1a', '<none>']);
  assert.deepEqual(viewSort(cache, { ...entry, sort: { column: 2, descending: false } }), { column: 2, descending: false });
});

test('view keys: k9s GVRs and the names kubectl takes', () => {
  const deploy = { resourceKey: 'deployments.apps', kind: 'Deployment', shortNames: ['deploy'] };
  for (const key of ['apps/v1/deployments', 'deployments.apps', 'deployments', 'deployment', 'Deployment', 'deploy']) assert.ok(viewKeyMatches(key, deploy), key);
  for (const key of ['v1/deployments', 'batch/v1/deployments', 'pods']) assert.ok(!viewKeyMatches(key, deploy), key);
  assert.ok(viewKeyMatches('v1/pods', { resourceKey: 'pods', kind: 'Pod' }));
  assert.ok(viewKeyMatches('po', { resourceKey: 'pods', kind: 'Pod', shortNames: ['po'] }));
});

test('a built-in column the kind does not have is named with the file and line', () => {
  const bad = parseViewsFile('views:\n  v1/pods:\n    sortColumn: NOPE:asc\n    columns:\n      - NAME\n      - STATUSS\n', '/x/views.yaml');
  assert.deepEqual(builtinViewProblems(bad), [
    '/x/views.yaml line 2: sortColumn NOPE of v1/pods is not one of its columns, so kx sorts v1/pods by name.',
    '/x/views.yaml line 6: v1/pods has no column "STATUSS" (its columns: NAMESPACE, NAME, READY, STATUS, RESTARTS, AGE, IP, NODE, NOMINATED NODE, READINESS GATES), so it is left out.',
  ]);
});

test('a JSONPath column over a Secret reads its values masked, as the YAML pane shows them', async () => {
  const { customKind } = await import('../../src/kinds/custom-columns.ts');
  const { kindFor } = await import('../../src/kinds/registry.ts');
  const { parseViewsFile } = await import('../../src/kinds/views-file.ts');
  const views = parseViewsFile(['views:', '  v1/secrets:', '    columns:', '      - NAME', '      - "PW:.data.password"', ''].join('\n'), 'views.yaml');
  const setting = [...views.views.values()][0]!;
  const kind = customKind(kindFor('secrets')!, setting);
  const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'shop', uid: 'u' }, data: { password: Buffer.from('hunter2').toString('base64') } };
  const row = kind.toRow(secret as never, 0);
  assert.equal(row.cells[0], 's');
  assert.ok(!row.cells.includes(Buffer.from('hunter2').toString('base64')), 'the base64 value is not in the row');
  assert.ok(!row.cells.join(' ').includes('hunter2'));
});
