import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ResourceTable, type RowView } from '../../src/ui/table/resource-table.tsx';
import { renderThemed } from '../support/render-themed.tsx';

const columns = [{ title: 'NAME' }, { title: 'STATUS' }, { title: 'RESTARTS', align: 'right' as const }];
const rows: RowView[] = Array.from({ length: 1000 }, (_, i) => ({
  key: `uid-${i}`,
  cells: [`pod-${String(i).padStart(4, '0')}`, i % 7 === 0 ? 'CrashLoopBackOff' : 'Running', String(i % 5)],
  tone: 'normal',
}));

test('only the visible window of rows is rendered', () => {
  const { lastFrame, unmount } = renderThemed(<ResourceTable columns={columns} rows={rows} cursor={502} top={500} height={5} width={60} />);
  const lines = lastFrame()!.split('\n');
  unmount();
  assert.equal(lines.length, 6, 'a heading and five rows');
  assert.match(lines[0]!, /^NAME\s+STATUS\s+RESTARTS$/);
  assert.match(lines[1]!, /^pod-0500\s+Running\s+0$/);
  assert.match(lines[5]!, /^pod-0504  CrashLoopBackOff {9}4$/, 'RESTARTS is right-aligned');
  assert.ok(!lines.some((l) => l.includes('pod-0499') || l.includes('pod-0505')));
});

test('the heading marks the sort column and an empty table says why', () => {
  const { lastFrame, unmount } = renderThemed(
    <ResourceTable columns={columns} rows={[]} cursor={0} top={0} height={3} width={60} sort={{ column: 1, descending: true }} emptyText="No pods in namespace shop." />,
  );
  const frame = lastFrame()!;
  unmount();
  assert.match(frame, /STATUS↓/);
  assert.match(frame, /No pods in namespace shop\./);
});
