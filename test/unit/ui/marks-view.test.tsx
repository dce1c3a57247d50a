/**
 * Marks in the table, through Ink's own key parsing: space marks, ctrl-space (NUL) marks a range,
 * ctrl-\ (0x1c) clears; marked rows show a ✓ gutter (visible under NO_COLOR) and the status line
 * counts them; the marks stay on their objects through a re-sort and go with a deleted object.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useState, type ReactElement } from 'react';
import type { KubeObject } from '../../../src/kube/object.ts';
import type { Row } from '../../../src/kinds/types.ts';
import { emptyMarks, type Marks } from '../../../src/explorer/marks.ts';
import { viewOf, type ViewEntry } from '../../../src/explorer/view-entry.ts';
import { ObjectCache } from '../../../src/store/object-cache.ts';
import { ResourceView } from '../../../src/ui/views/resource-view.tsx';
import { renderThemed } from '../../support/render-themed.tsx';
import { waitForFrame } from '../../support/ink-frame.ts';
import { podsResource } from '../../support/pods-resource.ts';

const pods = podsResource;

function pod(name: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'shop', uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: new Date(Date.now() - 3_600_000).toISOString() },
    spec: { containers: [{ name: 'c', image: 'i' }] },
    status: { phase: 'Running', containerStatuses: [{ name: 'c', ready: true, restartCount: 0, state: { running: {} } }] },
  };
}

function Harness(props: { cache: ObjectCache; entry: ViewEntry; onAction: (id: string, row: Row | undefined, marked: readonly Row[]) => void }): ReactElement {
  const [marks, setMarks] = useState<Marks>(() => emptyMarks('demo', props.entry));
  return (
    <ResourceView
      cache={props.cache}
      entry={props.entry}
      width={80}
      height={9}
      active
      globalHandlers={{}}
      onAction={props.onAction}
      onSort={() => undefined}
      title="pods (shop)"
      marks={marks}
      onMarks={setMarks}
    />
  );
}

const line = (frame: string, name: string): string => frame.split('\n').find((l) => l.includes(name)) ?? '';

test('space, ctrl-space and ctrl-\\ as the terminal sends them: marks drawn, counted and handed to actions', async () => {
  const cache = new ObjectCache();
  const sink = cache.sinkFor('pods', { namespace: 'shop', kind: 'Pod', namespaced: true });
  sink.beginSync();
  for (const name of ['web-a', 'web-b', 'web-c', 'web-d', 'web-e']) sink.upsert(pod(name));
  sink.endSync();
  sink.state({ phase: 'live', since: Date.now() });
  cache.flush();
  const actions: Array<{ id: string; marked: string[] }> = [];
  const entry = viewOf(pods, 'shop', { sort: { column: 0, descending: false } });
  const ui = renderThemed(<Harness cache={cache} entry={entry} onAction={(id, _row, marked) => actions.push({ id, marked: marked.map((r) => r.name) })} />);
  let frame = await waitForFrame(ui.lastFrame, (t) => t.includes('web-e'), 'rows');
  assert.ok(!frame.includes('✓'), 'no gutter without marks');
  assert.ok(!frame.includes('marked'));

  ui.stdin.write('j'); // web-b
  ui.stdin.write(' ');
  frame = await waitForFrame(ui.lastFrame, (t) => t.includes('1 marked'), 'one mark counted');
  assert.match(line(frame, 'web-b'), /^✓ web-b/);
  assert.match(line(frame, 'web-a'), /^ {2}web-a/);
  assert.match(line(frame, 'NAME'), /^ {2}NAME/, 'the heading makes room for the gutter');

  ui.stdin.write('j');
  ui.stdin.write('j'); // web-d
  ui.stdin.write('\x00'); // ctrl-space: web-b to web-d
  frame = await waitForFrame(ui.lastFrame, (t) => t.includes('3 marked'), 'a range marked');
  for (const name of ['web-b', 'web-c', 'web-d']) assert.match(line(frame, name), new RegExp(`^✓ ${name}`));
  assert.doesNotMatch(line(frame, 'web-e'), /✓/);

  ui.stdin.write('\x04'); // ctrl-d: the action gets every marked row
  await waitForFrame(ui.lastFrame, () => actions.length === 1, 'delete handed up');
  assert.deepEqual(actions[0], { id: 'delete', marked: ['web-b', 'web-c', 'web-d'] });

  // A deleted object's mark goes; the others stay.
  sink.remove(pod('web-c'));
  cache.flush();
  await waitForFrame(ui.lastFrame, (t) => t.includes('2 marked') && !t.includes('web-c'), 'a deleted object unmarked');

  ui.stdin.write(' '); // unmark web-d (the cursor's row)
  await waitForFrame(ui.lastFrame, (t) => t.includes('1 marked'), 'unmarked');
  ui.stdin.write('\x1c'); // ctrl-\: clear
  frame = await waitForFrame(ui.lastFrame, (t) => !t.includes('marked'), 'cleared');
  assert.ok(!frame.includes('✓'));
  ui.unmount();
});

test('keys typed faster than a frame (one chunk) mark in turn: " j " marks two rows, "jj\\x00" a range', async () => {
  const cache = new ObjectCache();
  const sink = cache.sinkFor('pods', { namespace: 'shop', kind: 'Pod', namespaced: true });
  sink.beginSync();
  for (const name of ['web-a', 'web-b', 'web-c', 'web-d', 'web-e']) sink.upsert(pod(name));
  sink.endSync();
  sink.state({ phase: 'live', since: Date.now() });
  cache.flush();
  const entry = viewOf(pods, 'shop', { sort: { column: 0, descending: false } });
  const ui = renderThemed(<Harness cache={cache} entry={entry} onAction={() => undefined} />);
  await waitForFrame(ui.lastFrame, (t) => t.includes('web-e'), 'rows');
  ui.stdin.write(' j ');
  let frame = await waitForFrame(ui.lastFrame, (t) => t.includes('2 marked'), 'two marks from one chunk');
  assert.match(line(frame, 'web-a'), /^✓ web-a/);
  assert.match(line(frame, 'web-b'), /^✓ web-b/);
  ui.stdin.write('jj\x00');
  frame = await waitForFrame(ui.lastFrame, (t) => t.includes('4 marked'), 'a range from one chunk');
  for (const name of ['web-a', 'web-b', 'web-c', 'web-d']) assert.match(line(frame, name), new RegExp(`^✓ ${name}`));
  ui.unmount();
});
