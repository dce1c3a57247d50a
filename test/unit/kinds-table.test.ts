import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { cellsAt } from '../../src/kinds/cells.ts';
import { builtinKinds, kindFor } from '../../src/kinds/registry.ts';
import { cellText, metaKind, tableKind } from '../../src/kinds/table-kind.ts';
import { rowObject } from '../../src/kube/stream-decode.ts';
import type { KubeList, KubeObject, KubeTable } from '../../src/kube/object.ts';
import { customColumns } from '../../src/demo/server/table/default-columns.ts';
import { podsKind } from '../../src/kinds/pods.ts';

const NOW = Date.parse('2024-05-14T10:30:00Z');
const table = JSON.parse(readFileSync(new URL('../fixtures/objects/crontabs-table.json', import.meta.url), 'utf8')) as KubeTable;
const which = { group: 'stable.example.com', version: 'v1', kind: 'CronTab' };

test('a custom resource shows the server Table columns, wide ones flagged by priority', () => {
  const kind = tableKind('crontabs.stable.example.com', 'CronTab', true, table.columnDefinitions);
  assert.deepEqual(
    kind.columns.map((c) => c.name),
    ['NAMESPACE', 'NAME', 'SPEC', 'REPLICAS', 'IMAGE', 'AGE'],
  );
  assert.deepEqual(
    kind.columns.map((c) => c.wide),
    [false, false, false, false, true, false],
  );
  assert.equal(kind.columns[3]!.sort, 'number');
  const rows = table.rows.map((r) => kind.toRow(rowObject(r, which), NOW));
  assert.deepEqual(cellsAt(rows[0]!, NOW), ['shop', 'nightly', '0 3 * * *', '2', 'ghcr.io/acme/nightly:1.0', '9d']);
  assert.deepEqual(cellsAt(rows[1]!, NOW), ['shop', 'stuck', '*/5 * * * *', '', 'ghcr.io/acme/poller:0.3', '5h']);
  // The server's Age text is frozen; kx recomputes it from creationTimestamp so it keeps ticking.
  assert.equal(cellsAt(rows[1]!, NOW + 3 * 3_600_000)[5], '8h');
  assert.equal(rows[1]!.deleting, true);
  assert.deepEqual(rows[1]!.finalizers, ['example.com/protect']);
  assert.equal(kind.tone(rows[1]!), 'muted');
});

test('server cells print like kubectl: nil empty, text cut at a newline, numbers and booleans plain', () => {
  assert.deepEqual([cellText(null), cellText('a\nb'), cellText(3), cellText(1.5), cellText(true), cellText('x')], ['', 'a...', '3', '1.5', 'true', 'x']);
});

test('a printer column with no value is an empty cell: the server sends null, kubectl prints nothing', () => {
  // A CronTab with no spec.replicas, through the demo server's CRD table convertor and kx's table kind.
  const printerColumns = [
    { name: 'Spec', type: 'string', jsonPath: '.spec.cronSpec' },
    { name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas' },
    { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
  ];
  const set = customColumns(printerColumns);
  const crontab = {
    apiVersion: 'stable.example.com/v1',
    kind: 'CronTab',
    metadata: { name: 'bare', namespace: 'default', uid: 'u1', resourceVersion: '7', creationTimestamp: '2024-05-14T10:29:00Z' },
    spec: { cronSpec: '*/5 * * * *' },
  };
  const cells = set.cells(crontab, NOW);
  assert.deepEqual(cells, ['bare', '*/5 * * * *', null, '60s']);
  const kind = tableKind('crontabs.stable.example.com', 'CronTab', true, set.columns);
  assert.deepEqual(cellsAt(kind.toRow({ ...crontab, cells } as unknown as KubeObject, NOW), NOW), ['default', 'bare', '*/5 * * * *', '', '60s']);
});

test('objects without cells get a NAME/AGE kind', () => {
  const list = JSON.parse(readFileSync(new URL('../fixtures/objects/crontabs.json', import.meta.url), 'utf8')) as KubeList;
  const kind = metaKind('crontabs.stable.example.com', 'CronTab', true);
  assert.deepEqual(cellsAt(kind.toRow(list.items[0]!, NOW), NOW), ['shop', 'nightly', '9d']);
});

test('the registry knows every built-in kind the explorer lists', () => {
  const keys = [
    'pods',
    'deployments.apps',
    'replicasets.apps',
    'statefulsets.apps',
    'daemonsets.apps',
    'jobs.batch',
    'cronjobs.batch',
    'services',
    'endpoints',
    'ingresses.networking.k8s.io',
    'configmaps',
    'secrets',
    'nodes',
    'namespaces',
    'events',
    'horizontalpodautoscalers.autoscaling',
    'persistentvolumeclaims',
    'customresourcedefinitions.apiextensions.k8s.io',
  ];
  for (const key of keys) assert.equal(kindFor(key)?.resourceKey, key, key);
  assert.equal(kindFor('crontabs.stable.example.com'), undefined);
  for (const k of builtinKinds()) {
    assert.equal(k.columns.filter((c) => c.allNamespaces).length, k.namespaced ? 1 : 0, `${k.resourceKey} NAMESPACE column`);
  }
  assert.equal(kindFor('pods'), podsKind);
  assert.deepEqual(podsKind.module.pods, { kind: 'self' }, 'a pod is its own pod: logs and exec');
});
