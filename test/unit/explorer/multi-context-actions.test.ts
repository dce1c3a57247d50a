/** Writes in a view of several contexts act on the row's own context, and that context's read-only setting refuses them first. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contextRow } from '../../../src/explorer/multi-context.ts';
import { viewOf } from '../../../src/explorer/view-entry.ts';
import { writeGateFor } from '../../../src/kube/access/write-gate.ts';
import type { Row } from '../../../src/kinds/types.ts';
import type { ResourceInfo } from '../../../src/kube/resource-info.ts';
import { multiContextAction } from '../../../src/ui/explorer/multi-context-actions.ts';

const pods = { group: '', version: 'v1', plural: 'pods', kind: 'Pod', namespaced: true, singular: 'pod', verbs: [], shortNames: [], categories: [], versions: ['v1'] } as unknown as ResourceInfo;
const own = { uid: 'u1', resourceKey: 'pods', namespace: 'shop', name: 'shared', resourceVersion: '1', createdAt: 0, deleting: false, cells: [], timeCells: [], labels: {}, ownerRefs: [] } as Row;

function run(id: 'delete' | 'kill' | 'shell', readonlyContexts: string[]) {
  const said: string[] = [];
  const dispatched: unknown[] = [];
  multiContextAction(id, contextRow('staging', own), {
    entry: { ...viewOf(pods, 'shop'), contexts: ['prod', 'staging'] },
    namespace: 'shop',
    discovery: undefined,
    dispatch: (a) => dispatched.push(a),
    visit: () => undefined,
    say: (text) => said.push(text),
    label: (a) => a,
    gateFor: (context) => writeGateFor({ readonlyFlag: false, context, readonlyContexts: new Set(readonlyContexts) }),
  });
  return { said, dispatched };
}

test("delete on a staging row opens the question over staging's object", () => {
  const { said, dispatched } = run('delete', []);
  assert.deepEqual(said, []);
  assert.deepEqual(dispatched, [
    { type: 'pane', pane: { kind: 'confirm', action: 'delete', target: { resource: pods, namespace: 'shop', name: 'shared', uid: 'u1' } }, cursorUid: contextRow('staging', own).uid },
  ]);
});

test('a read-only staging refuses delete and kill before any question; prod being writable does not matter', () => {
  for (const id of ['delete', 'kill'] as const) {
    const { said, dispatched } = run(id, ['staging']);
    assert.deepEqual(dispatched, []);
    assert.deepEqual(said, [`kx is read-only here (context staging in config.yaml): ${id} is off`]);
  }
});

test('a shell still acts on one context only', () => {
  const { said, dispatched } = run('shell', []);
  assert.deepEqual(dispatched, []);
  assert.match(said[0] ?? '', /shell acts on one context: open the view in that context \(:pods @staging\)\./);
});
