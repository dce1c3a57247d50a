/** The sort keys: S picks the kind's status column, whatever order the table shows it in. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kindFor } from '../../src/kinds/registry.ts';
import { tableKind } from '../../src/kinds/table-kind.ts';
import type { ColumnSpec } from '../../src/kinds/types.ts';
import { nextSort } from '../../src/ui/table/sort-keys.ts';

function statusSortName(columns: readonly ColumnSpec[]): string | undefined {
  const sort = nextSort(
    columns,
    columns.map((_, i) => i),
    undefined,
    { by: 'status' },
  );
  return sort === undefined ? undefined : columns[sort.column]!.name;
}

test('S sorts pods by STATUS, not by READY that comes first in the table', () => {
  assert.equal(statusSortName(kindFor('pods')!.columns), 'STATUS');
});

test("S picks each built-in kind's status column", () => {
  const expected: Record<string, string | undefined> = {
    'deployments.apps': 'READY',
    'statefulsets.apps': 'READY',
    'daemonsets.apps': 'READY',
    'replicasets.apps': 'READY',
    'jobs.batch': 'STATUS',
    'cronjobs.batch': 'SUSPEND',
    nodes: 'STATUS',
    namespaces: 'STATUS',
    persistentvolumeclaims: 'STATUS',
    events: 'TYPE',
    configmaps: undefined,
  };
  for (const [key, name] of Object.entries(expected)) assert.equal(statusSortName(kindFor(key)!.columns), name, key);
});

test('S on a custom resource prefers its Status column over an earlier Ready one', () => {
  const kind = tableKind('certificates.cert-manager.io', 'Certificate', true, [
    { name: 'Name', type: 'string', format: 'name', description: '' },
    { name: 'Ready', type: 'string', format: '', description: '' },
    { name: 'Secret', type: 'string', format: '', description: '' },
    { name: 'Status', type: 'string', format: '', description: '', priority: 1 },
    { name: 'Age', type: 'date', format: '', description: '' },
  ]);
  assert.equal(statusSortName(kind.columns), 'STATUS');
});

test('pressing S again reverses the status sort', () => {
  const columns = kindFor('pods')!.columns;
  const first = nextSort(columns, [], undefined, { by: 'status' })!;
  assert.deepEqual(nextSort(columns, [], first, { by: 'status' }), { column: first.column, descending: true });
});
