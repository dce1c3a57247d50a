import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changeDiffLines, changesSeenSection, filterChanges } from '../../../src/explorer/change-rows.ts';
import type { ChangeRecord } from '../../../src/store/changes/change-recorder.ts';

const at = new Date(2024, 4, 14, 10, 30, 0).getTime();
const change = (kind: string, namespace: string, name: string, parts: string[], by = 'unknown'): ChangeRecord => ({ at, kind, namespace, name, uid: `u-${name}`, parts, by });
const changes = [
  change('Deployment', 'shop', 'web', ['replicas 3 → 5'], 'kubectl-scale (Update)'),
  change('Pod', 'shop', 'web-1', ['restarts 3 → 4 (OOMKilled)']),
  change('ConfigMap', 'ops', 'settings', ['data changed']),
];

test('/ filters by kind, namespace, name, change text and who, ~ by regex, ! inverts', () => {
  const names = (filter: string): string[] => filterChanges(changes, filter).map((c) => c.name);
  assert.deepEqual(names('deployment'), ['web']);
  assert.deepEqual(names('ops'), ['settings']);
  assert.deepEqual(names('oomkilled'), ['web-1']);
  assert.deepEqual(names('kubectl-scale'), ['web']);
  assert.deepEqual(names('shop restarts'), ['web-1']);
  assert.deepEqual(names('~^pod '), ['web-1']);
  assert.deepEqual(names('!shop'), ['settings']);
  assert.deepEqual(names(''), ['web', 'web-1', 'settings']);
});

test('an object’s changes read as a diff: - before, + after, ~ for the rest', () => {
  const lines = changeDiffLines([change('Deployment', 'shop', 'web', ['image web: nginx:1.25 → nginx:1.27', 'label app: a → b', 'spec changed'], 'kubectl-set (Update)')], at);
  assert.deepEqual(lines, ['@@ 10:30:00 by kubectl-set (Update) @@', '- image web: nginx:1.25', '+ image web: nginx:1.27', '- label app: a', '+ label app: b', '~ spec changed']);
});

test('describe’s "Changes seen" is kubectl-aligned and absent without changes', () => {
  assert.deepEqual(changesSeenSection([], at), []);
  assert.deepEqual(changesSeenSection(changes.slice(0, 1), at), [
    'Changes seen:',
    '  Time      Change          By',
    '  ----      ------          --',
    '  10:30:00  replicas 3 → 5  kubectl-scale (Update)',
  ]);
});
