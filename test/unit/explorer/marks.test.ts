/** The marks model: toggle, range from the last mark, kept by uid through sorts, filters and updates, cleared by a view change. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clearMarks, emptyMarks, isMarked, keepExisting, markedRows, markRange, marksFor, toggleMark } from '../../../src/explorer/marks.ts';
import { viewOf } from '../../../src/explorer/view-entry.ts';
import type { ResourceInfo } from '../../../src/kube/resource-info.ts';

function resource(plural: string): ResourceInfo {
  return {
    group: '',
    version: 'v1',
    versions: ['v1'],
    plural,
    singular: plural.slice(0, -1),
    kind: plural,
    shortNames: [],
    categories: [],
    namespaced: true,
    verbs: ['delete'],
    subresources: { scale: false, status: false, log: false, exec: false },
  };
}
const pods = viewOf(resource('pods'), 'shop');
const rows = ['a', 'b', 'c', 'd', 'e'].map((name) => ({ uid: `uid-${name}`, name }));
const uids = (names: string): string[] => [...names].map((n) => `uid-${n}`);
const names = (m: ReturnType<typeof emptyMarks>, list = rows): string =>
  markedRows(m, list)
    .map((r) => r.name)
    .join('');

test('space marks and unmarks one object', () => {
  let m = toggleMark(emptyMarks('demo', pods), 'uid-b');
  assert.ok(isMarked(m, 'uid-b'));
  m = toggleMark(m, 'uid-d');
  assert.equal(names(m), 'bd');
  m = toggleMark(m, 'uid-b');
  assert.equal(names(m), 'd');
  assert.equal(m.anchor, 'uid-d', 'unmarking another object keeps the last mark');
  assert.equal(toggleMark(m, 'uid-d').anchor, undefined);
});

test('ctrl-space marks from the last mark to the selected row, both ways, in the order shown', () => {
  const order = uids('abcde');
  let m = markRange(toggleMark(emptyMarks('demo', pods), 'uid-b'), order, 'uid-d');
  assert.equal(names(m), 'bcd');
  m = markRange(toggleMark(emptyMarks('demo', pods), 'uid-d'), order, 'uid-a');
  assert.equal(names(m), 'abcd');
  // The range is taken in the order on screen (sorted the other way here), not by name.
  m = markRange(toggleMark(emptyMarks('demo', pods), 'uid-e'), uids('edcba'), 'uid-c');
  assert.equal(names(m), 'cde');
  // No last mark: only the selected row; the range ends become the last mark.
  m = markRange(emptyMarks('demo', pods), order, 'uid-c');
  assert.equal(names(m), 'c');
  assert.equal(markRange(m, order, 'uid-e').anchor, 'uid-e');
  // The last mark filtered away: only the selected row.
  m = markRange(toggleMark(emptyMarks('demo', pods), 'uid-a'), uids('cde'), 'uid-e');
  assert.equal(names(m), 'ae');
});

test('marks follow their objects through a re-sort, a filter and an update of the rows', () => {
  let m = toggleMark(toggleMark(emptyMarks('demo', pods), 'uid-b'), 'uid-e');
  const sorted = [...rows].reverse();
  assert.equal(names(m, sorted), 'eb', 'in the new order');
  const filtered = rows.filter((r) => r.name !== 'b');
  assert.equal(names(m, filtered), 'e', 'a hidden object is not among the rows shown…');
  assert.equal(names(m), 'be', '…but still marked when the filter goes');
  const updated = rows.map((r) => ({ ...r, name: r.name.toUpperCase() }));
  assert.equal(names(m, updated), 'BE', 'an update (same uid) keeps the mark');
  m = markRange(m, uids('edcba'), 'uid-c');
  assert.equal(names(m), 'bcde');
});

test('a deleted object loses its mark (and is no longer where a range starts)', () => {
  const m = toggleMark(toggleMark(emptyMarks('demo', pods), 'uid-a'), 'uid-c');
  const gone = keepExisting(m, new Set(uids('abde')));
  assert.equal(names(gone), 'a');
  assert.equal(gone.anchor, undefined);
  assert.equal(markRange(gone, uids('abde'), 'uid-e').uids.size, 2);
  assert.equal(keepExisting(gone, new Set(uids('abde'))), gone, 'nothing gone: the same marks');
});

test('marks clear when the view changes: another resource, namespace, drill-down or context; not on a filter or sort', () => {
  const m = toggleMark(emptyMarks('demo', pods), 'uid-a');
  assert.equal(marksFor(m, 'demo', { ...pods, filter: 'web', sort: { column: 1, descending: true }, cursorUid: 'uid-c' }), m);
  assert.equal(marksFor(m, 'demo', viewOf(resource('services'), 'shop')).uids.size, 0);
  assert.equal(marksFor(m, 'demo', viewOf(resource('pods'), 'kube-system')).uids.size, 0);
  assert.equal(marksFor(m, 'demo', viewOf(resource('pods'), undefined)).uids.size, 0);
  assert.equal(marksFor(m, 'demo', { ...pods, scope: { kind: 'node', node: 'n1', label: 'node n1' } }).uids.size, 0);
  assert.equal(marksFor(m, 'prod', pods).uids.size, 0);
  assert.equal(clearMarks(m).uids.size, 0);
});
