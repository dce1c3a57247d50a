import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changeCells, changeLine, changeMatches, parseChangeLine, textTable } from '../../../src/store/changes/change-log.ts';
import type { ChangeRecord } from '../../../src/store/changes/change-recorder.ts';

const change: ChangeRecord = {
  at: Date.parse('2024-05-14T10:30:00Z'),
  kind: 'Deployment',
  namespace: 'shop',
  name: 'web',
  uid: 'u',
  parts: ['replicas 3 → 5', 'label app: a → b'],
  by: 'kubectl-scale (Update)',
};

test('a change survives its JSON line', () => {
  assert.deepEqual(parseChangeLine(changeLine(change)), change);
  assert.equal(parseChangeLine('{"time":"nope"}'), undefined);
  assert.equal(parseChangeLine('not json'), undefined);
});

test('filters by kind (any spelling), namespace and time', () => {
  for (const kind of ['Deployment', 'deployment', 'deployments']) assert.ok(changeMatches(change, { kind }));
  assert.ok(!changeMatches(change, { kind: 'pods' }));
  assert.ok(!changeMatches(change, { namespace: 'web' }));
  assert.ok(changeMatches(change, { since: change.at }));
  assert.ok(!changeMatches(change, { since: change.at + 1 }));
});

test('the table reads like kubectl: columns three spaces apart, parts joined', () => {
  const cells = changeCells(change, change.at);
  assert.equal(cells[4], 'replicas 3 → 5, label app: a → b');
  assert.match(cells[0]!, /^\d\d:\d\d:\d\d$/);
  assert.match(changeCells(change, change.at + 3 * 86_400_000)[0]!, /^2024-05-1\d \d\d:\d\d:\d\d$/);
  assert.equal(textTable(['A', 'BB'], [['xyz', 'q']]), 'A     BB\nxyz   q\n');
});
