/** The demo server's CronJob table against printCronJob, and kx's own cronjobs kind against both. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { cellsAt } from '../../src/kinds/cells.ts';
import { kindFor } from '../../src/kinds/registry.ts';
import type { KubeList } from '../../src/kube/object.ts';
import { cronJobColumns } from '../../src/demo/server/table/workload-columns.ts';

const NOW = Date.parse('2024-05-14T10:30:00Z');
const list = JSON.parse(readFileSync(new URL('../fixtures/objects/cronjobs.json', import.meta.url), 'utf8')) as KubeList;

test("the demo server sends SUSPEND as printBoolPtr's text, True or False, not a JSON boolean", () => {
  const byName = new Map(list.items.map((o) => [o.metadata.name, cronJobColumns.cells(o, NOW)]));
  assert.deepEqual(byName.get('backup')!.slice(0, 7), ['backup', '0 * * * *', '<none>', 'False', 0, '30m', '45d']);
  assert.deepEqual(byName.get('cleanup')!.slice(2, 6), ['Europe/Berlin', 'True', 0, '<none>']);
  const unset = { ...list.items[0]!, spec: { ...(list.items[0]!['spec'] as object), suspend: undefined } };
  assert.equal(cronJobColumns.cells(unset, NOW)[3], 'False');
});

test("kx's cronjobs kind prints every cell as the server table does", () => {
  const kind = kindFor('cronjobs.batch')!;
  for (const o of list.items) {
    const server = cronJobColumns.cells(o, NOW).map(String);
    assert.deepEqual(cellsAt(kind.toRow(o, NOW), NOW).slice(1), server, o.metadata.name);
  }
});
