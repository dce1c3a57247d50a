/**
 * Projections over real captures from the 1.20 control plane, when another engineer has dropped
 * them into test/fixtures/real/ (any *.json holding an object, a List or a Table).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { cellsAt } from '../../src/kinds/cells.ts';
import { kindFor } from '../../src/kinds/registry.ts';
import type { KubeObject } from '../../src/kube/object.ts';

const dir = new URL('../fixtures/real/', import.meta.url);
const NOW = Date.now();
const plurals: Record<string, string> = {
  Pod: 'pods',
  Deployment: 'deployments.apps',
  ReplicaSet: 'replicasets.apps',
  StatefulSet: 'statefulsets.apps',
  DaemonSet: 'daemonsets.apps',
  Job: 'jobs.batch',
  CronJob: 'cronjobs.batch',
  Service: 'services',
  Endpoints: 'endpoints',
  Ingress: 'ingresses.networking.k8s.io',
  ConfigMap: 'configmaps',
  Secret: 'secrets',
  Node: 'nodes',
  Namespace: 'namespaces',
  Event: 'events',
  HorizontalPodAutoscaler: 'horizontalpodautoscalers.autoscaling',
  PersistentVolumeClaim: 'persistentvolumeclaims',
  CustomResourceDefinition: 'customresourcedefinitions.apiextensions.k8s.io',
};

function objectsIn(file: URL): KubeObject[] {
  const body = JSON.parse(readFileSync(file, 'utf8')) as { kind?: string; items?: KubeObject[] };
  if (Array.isArray(body.items)) return body.items;
  return body.kind && body.kind !== 'Table' ? [body as KubeObject] : [];
}

const files = existsSync(dir)
  ? readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.json'))
  : [];

test('every real captured object projects to a full row', { skip: files.length === 0 ? 'no test/fixtures/real/ captures yet' : false }, () => {
  let projected = 0;
  for (const f of files) {
    for (const o of objectsIn(new URL(f, dir))) {
      const key = plurals[o.kind];
      const kind = key ? kindFor(key) : undefined;
      if (!kind) continue;
      const row = kind.toRow(o, NOW);
      const cells = cellsAt(row, NOW);
      assert.equal(cells.length, kind.columns.length, `${f}: ${o.kind} ${o.metadata.name}`);
      assert.equal(row.uid, o.metadata.uid);
      assert.ok(!cells.includes('<invalid>'), `${f}: ${o.kind} ${o.metadata.name} has an invalid age`);
      if (o.kind === 'Pod') assert.match(cells[3]!, /^\S+$/, `${f}: pod ${o.metadata.name} STATUS`);
      if (o.kind === 'Secret') for (const v of Object.values((o['data'] ?? {}) as Record<string, string>)) assert.ok(!JSON.stringify(row).includes(v));
      projected++;
    }
  }
  assert.ok(projected > 0, 'the captures held objects of a built-in kind');
});

const realPods = new URL('pods.json', dir);
const realPodTable = new URL('pods-table.json', dir);
const havePair = existsSync(realPods) && existsSync(realPodTable);

test('pods project exactly like the real API server prints them (its own as=Table for the same pods)', { skip: havePair ? false : 'no real pods.json + pods-table.json pair' }, async () => {
  const { podsKind } = await import('../../src/kinds/pods.ts');
  const byName = new Map(objectsIn(realPods).map((p) => [p.metadata.name, p]));
  const table = JSON.parse(readFileSync(realPodTable, 'utf8')) as { columnDefinitions: { name: string }[]; rows: { cells: unknown[] }[] };
  const serverColumns = table.columnDefinitions.map((c) => c.name.toUpperCase());
  let compared = 0;
  for (const r of table.rows) {
    const pod = byName.get(String(r.cells[0]));
    if (!pod) continue;
    const mine = cellsAt(podsKind.toRow(pod, NOW), NOW);
    for (let i = 0; i < serverColumns.length; i++) {
      const column = serverColumns[i]!;
      if (column === 'AGE') continue; // relative to the capture time, which the files do not record
      const ours = mine[podsKind.columns.findIndex((c) => c.name === column)]!;
      // Servers before 1.22 print RESTARTS as a bare count; kubectl now adds '(5m ago)'.
      const want = String(r.cells[i]);
      if (column === 'RESTARTS') assert.equal(ours.split(' ')[0], want, `${pod.metadata.name} ${column}`);
      else assert.equal(ours, want, `${pod.metadata.name} ${column}`);
    }
    compared++;
  }
  assert.ok(compared > 0, 'the table and the list name the same pods');
});

const realCrTable = new URL('crontabs-table.json', dir);

test('a real custom-resource Table projects with the server cells', { skip: existsSync(realCrTable) ? false : 'no real crontabs-table.json' }, async () => {
  const { tableKind } = await import('../../src/kinds/table-kind.ts');
  const { rowObject } = await import('../../src/kube/stream-decode.ts');
  const t = JSON.parse(readFileSync(realCrTable, 'utf8')) as import('../../src/kube/object.ts').KubeTable;
  const kind = tableKind('crontabs.stable.example.com', 'CronTab', true, t.columnDefinitions);
  assert.ok(t.rows.length > 0);
  for (const r of t.rows) {
    const row = kind.toRow(rowObject(r, { group: 'stable.example.com', version: 'v1', kind: 'CronTab' }), NOW);
    assert.equal(row.cells.length, kind.columns.length);
    assert.equal(row.namespace, r.object?.metadata.namespace);
    // Every server cell but the Age (which kx recomputes) is kept as the server printed it.
    t.columnDefinitions.forEach((d, i) => {
      if (d.type !== 'date') assert.equal(row.cells[i + 1], r.cells[i] === null ? '' : String(r.cells[i]), d.name);
    });
  }
});
