import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { cellsAt } from '../../src/kinds/cells.ts';
import { builtinKinds, kindFor } from '../../src/kinds/registry.ts';
import { cellText, metaKind, tableKind } from '../../src/kinds/table-kind.ts';
import { rowObject } from '../../src/kube/stream-decode.ts';
import type { KubeList, KubeTable } from '../../src/kube/object.ts';

const NOW = Date.parse('2024-05-14T10:30:00Z');
const table = JSON.parse(readFileSync(new URL('../fixtures/objects/crontabs-table.json', import.meta.url), 'utf8')) as KubeTable;
const which = { group: 'stable.example.com', version: 'v1', kind: 'CronTab' };

test('a custom resource shows the server Table columns, wide ones flagged by priority', () => {
  const kind = tableKind('crontabs.stable.example.com', 'CronTab', true, table.columnDefinitions);
  assert.deepEqual(kind.columns.map((c) => c.name), ['NAMESPACE', 'NAME', 'SPEC', 'REPLICAS', 'IMAGE', 'AGE']);
  assert.deepEqual(kind.columns.map((c) => c.wide), [false, false, false, false, true, false]);
  assert.equal(kind.columns[3]!.sort, 'number');
  const rows = table.rows.map((r) => kind.toRow(rowObject(r, which), NOW));
  assert.deepEqual(cellsAt(rows[0]!, NOW), ['shop', 'nightly', '0 3 * * *', '2', 'ghcr.io/acme/nightly:1.0', '9d']);
  assert.deepEqual(cellsAt(rows[1]!, NOW), ['shop', 'stuck', '*/5 * * * *', '<none>', 'ghcr.io/acme/poller:0.3', '5h']);
  // The server's Age text is frozen; kx recomputes it from creationTimestamp so it keeps ticking.
  assert.equal(cellsAt(rows[1]!, NOW + 3 * 3_600_000)[5], '8h');
  assert.equal(rows[1]!.deleting, true);
  assert.deepEqual(rows[1]!.finalizers, ['example.com/protect']);
  assert.equal(kind.tone(rows[1]!), 'muted');
});

test('server cells print like kubectl: nil <none>, text cut at a newline, numbers and booleans plain', () => {
  assert.deepEqual(
    [cellText(null), cellText('a\nb'), cellText(3), cellText(1.5), cellText(true), cellText('x')],
    ['<none>', 'a...', '3', '1.5', 'true', 'x'],
  );
});

test('objects without cells get a NAME/AGE kind', () => {
  const list = JSON.parse(readFileSync(new URL('../fixtures/objects/crontabs.json', import.meta.url), 'utf8')) as KubeList;
  const kind = metaKind('crontabs.stable.example.com', 'CronTab', true);
  assert.deepEqual(cellsAt(kind.toRow(list.items[0]!, NOW), NOW), ['shop', 'nightly', '9d']);
});

test('the registry knows every built-in kind the explorer lists', () => {
  const keys = [
    'pods', 'deployments.apps', 'replicasets.apps', 'statefulsets.apps', 'daemonsets.apps', 'jobs.batch', 'cronjobs.batch',
    'services', 'endpoints', 'ingresses.networking.k8s.io', 'configmaps', 'secrets', 'nodes', 'namespaces', 'events',
    'horizontalpodautoscalers.autoscaling', 'persistentvolumeclaims', 'customresourcedefinitions.apiextensions.k8s.io',
  ];
  for (const key of keys) assert.equal(kindFor(key)?.resourceKey, key, key);
  assert.equal(kindFor('crontabs.stable.example.com'), undefined);
  for (const k of builtinKinds()) {
    assert.equal(k.columns.filter((c) => c.allNamespaces).length, k.namespaced ? 1 : 0, `${k.resourceKey} NAMESPACE column`);
  }
  assert.deepEqual(Object.entries(kindFor('pods')!.capabilities).filter(([, v]) => v).map(([k]) => k), ['loggable', 'execable', 'deletable']);
});
