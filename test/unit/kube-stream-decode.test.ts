import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePage, decodeWatchLine } from '../../src/kube/stream-decode.ts';

const pods = { group: '', version: 'v1', kind: 'Pod' };
const crontabs = { group: 'stable.example.com', version: 'v1', kind: 'CronTab' };

test('list items get apiVersion and kind, paging facts come through', () => {
  const page = decodePage(
    { kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '42', continue: 'abc', remainingItemCount: 7 }, items: [{ metadata: { name: 'a', uid: '1' } }] },
    pods,
    false,
  );
  assert.deepEqual(page.objects[0], { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a', uid: '1' } });
  assert.equal(page.resourceVersion, '42');
  assert.equal(page.continueToken, 'abc');
  assert.equal(page.remainingItemCount, 7);
  assert.equal(decodePage({ metadata: { continue: '' }, items: [] }, pods, false).continueToken, undefined);
});

test('table pages become TableRowObjects with the row metadata and cells', () => {
  const page = decodePage(
    {
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: { resourceVersion: '9' },
      columnDefinitions: [
        { name: 'Name', type: 'string' },
        { name: 'Spec', type: 'string' },
      ],
      rows: [{ cells: ['c1', '*/5 * * * *'], object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: { name: 'c1', uid: 'u', namespace: 'ns' } } }],
    },
    crontabs,
    true,
  );
  assert.deepEqual(
    page.columns?.map((c) => c.name),
    ['Name', 'Spec'],
  );
  assert.deepEqual(page.objects[0], { apiVersion: 'stable.example.com/v1', kind: 'CronTab', metadata: { name: 'c1', uid: 'u', namespace: 'ns' }, cells: ['c1', '*/5 * * * *'] });
});

test('watch lines: objects, bookmarks, errors, junk', () => {
  const added = decodeWatchLine(JSON.stringify({ type: 'ADDED', object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a', uid: '1', resourceVersion: '50' } } }), pods, false);
  assert.equal(added.type, 'ADDED');
  assert.ok(added.type === 'ADDED' && added.resourceVersion === '50' && added.objects[0]?.metadata.name === 'a');
  const bookmark = decodeWatchLine(JSON.stringify({ type: 'BOOKMARK', object: { kind: 'Pod', apiVersion: 'v1', metadata: { resourceVersion: '77' } } }), pods, false);
  assert.deepEqual(bookmark, { type: 'BOOKMARK', resourceVersion: '77' });
  const gone = decodeWatchLine(JSON.stringify({ type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired', message: 'too old resource version' } }), pods, false);
  assert.ok(gone.type === 'ERROR' && gone.error.kind === 'gone');
  assert.deepEqual(decodeWatchLine('{not json', pods, false), { type: 'IGNORED' });
});

test('table watch events carry their row and, when present, columns', () => {
  const line = JSON.stringify({
    type: 'MODIFIED',
    object: {
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: { resourceVersion: '12' },
      columnDefinitions: [],
      rows: [{ cells: ['c1'], object: { metadata: { name: 'c1', uid: 'u', resourceVersion: '11' } } }],
    },
  });
  const ev = decodeWatchLine(line, crontabs, true);
  assert.ok(ev.type === 'MODIFIED');
  assert.equal(ev.columns, undefined);
  assert.equal(ev.resourceVersion, '11');
  assert.deepEqual((ev.objects[0] as { cells?: unknown[] }).cells, ['c1']);
});
