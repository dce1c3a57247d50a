/**
 * ResourceView against a real ObjectCache (filled through its stream sink): only visible rows
 * render, sort keys reorder and mark the heading, the cursor stays on its object while rows arrive
 * above it and while re-sorting, the filter narrows and highlights, and object actions carry the
 * selected row.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../src/kube/object.ts';
import type { Row } from '../../../src/kinds/types.ts';
import { viewOf, type SortState, type ViewEntry } from '../../../src/explorer/view-entry.ts';
import { ObjectCache } from '../../../src/store/object-cache.ts';
import { ResourceView } from '../../../src/ui/views/resource-view.tsx';
import { renderThemed } from '../../support/render-themed.tsx';
import { podsResource } from '../../support/pods-resource.ts';

const pods = podsResource;
const tick = () => new Promise((r) => setTimeout(r, 30));

function pod(name: string, createdMinutesAgo: number, restarts = 0): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'shop', uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: new Date(Date.now() - createdMinutesAgo * 60_000).toISOString() },
    spec: { containers: [{ name: 'c', image: 'i' }], nodeName: 'node-a' },
    status: { phase: 'Running', podIP: '10.0.0.1', containerStatuses: [{ name: 'c', ready: true, restartCount: restarts, state: { running: {} } }] },
  };
}

function filled(names: string[]): ObjectCache {
  const cache = new ObjectCache();
  const sink = cache.sinkFor('pods', { namespace: 'shop', kind: 'Pod', namespaced: true });
  sink.beginSync();
  names.forEach((n, i) => sink.upsert(pod(n, 100 + i, i % 3)));
  sink.endSync();
  sink.state({ phase: 'live', since: Date.now() });
  cache.flush();
  return cache;
}

function view(cache: ObjectCache, entry: ViewEntry, opts: { onAction?: (id: string, row: Row | undefined) => void; onSort?: (s: SortState) => void; height?: number } = {}) {
  return renderThemed(
    <ResourceView
      cache={cache}
      entry={entry}
      width={100}
      height={opts.height ?? 8}
      active
      globalHandlers={{}}
      onAction={opts.onAction ?? (() => undefined)}
      onSort={opts.onSort ?? (() => undefined)}
      title="pods (shop)"
    />,
  );
}

test('10,000 rows: only the visible window is rendered, G goes to the last', async () => {
  const names = Array.from({ length: 10_000 }, (_, i) => `web-${String(i).padStart(5, '0')}`);
  const cache = filled(names);
  const ui = view(cache, viewOf(pods, 'shop'));
  await tick();
  let lines = ui.lastFrame()!.split('\n');
  assert.equal(lines.length, 8, 'status line, heading and six rows');
  assert.match(lines[0]!, /pods \(shop\)\s+● live\s+10,000/);
  assert.match(lines[2]!, /^web-00000\s/);
  assert.ok(!ui.lastFrame()!.includes('web-00006'));
  ui.stdin.write('G');
  await tick();
  lines = ui.lastFrame()!.split('\n');
  assert.match(lines.at(-1)!, /^web-09999\s/);
  ui.unmount();
  cache.dispose();
});

test('sort keys ask for a new sort (N twice reverses); the heading marks the sorted column', async () => {
  const cache = filled(['b', 'a', 'c']);
  const sorts: SortState[] = [];
  const entry = viewOf(pods, 'shop');
  const ui = view(cache, entry, { onSort: (s) => sorts.push(s) });
  await tick();
  ui.stdin.write('N');
  await tick();
  const nameColumn = cache.columnsOf('pods').findIndex((c) => c.name === 'NAME');
  assert.deepEqual(sorts.at(-1), { column: nameColumn, descending: false });
  ui.rerender(
    <ResourceView
      cache={cache}
      entry={{ ...entry, sort: { column: nameColumn, descending: true } }}
      width={100}
      height={8}
      active
      globalHandlers={{}}
      onAction={() => undefined}
      onSort={(s) => sorts.push(s)}
      title="pods"
    />,
  );
  await tick();
  const lines = ui.lastFrame()!.split('\n');
  assert.match(lines[1]!, /^NAME↓/);
  assert.deepEqual(
    [2, 3, 4].map((i) => lines[i]!.split(/\s+/)[0]),
    ['c', 'b', 'a'],
  );
  ui.unmount();
  cache.dispose();
});

test('the cursor stays on its object when rows arrive above it and when the order flips', async () => {
  const cache = filled(['m-1', 'm-2', 'm-3', 'm-4']);
  const actions: (string | undefined)[] = [];
  const entry = viewOf(pods, 'shop');
  const ui = view(cache, entry, { onAction: (id, row) => actions.push(`${id}:${row?.name}`) });
  await tick();
  ui.stdin.write('j');
  await tick();
  ui.stdin.write('j');
  await tick();
  // Someone creates pods that sort before m-3.
  const sink = cache.sinkFor('pods', { namespace: 'shop', kind: 'Pod', namespaced: true });
  sink.upsert(pod('a-1', 1));
  sink.upsert(pod('a-2', 1));
  cache.flush();
  await tick();
  ui.stdin.write('d');
  await tick();
  assert.deepEqual(actions, ['describe:m-3']);
  const nameColumn = cache.columnsOf('pods').findIndex((c) => c.name === 'NAME');
  ui.rerender(
    <ResourceView
      cache={cache}
      entry={{ ...entry, sort: { column: nameColumn, descending: true } }}
      width={100}
      height={8}
      active
      globalHandlers={{}}
      onAction={(id, row) => actions.push(`${id}:${row?.name}`)}
      onSort={() => undefined}
      title="pods"
    />,
  );
  await tick();
  ui.stdin.write('y');
  await tick();
  assert.deepEqual(actions, ['describe:m-3', 'yaml:m-3']);
  ui.unmount();
  cache.dispose();
});

test('a filter narrows the rows; an inverse filter keeps the others; no match says so', async () => {
  const cache = filled(['api-1', 'cart-1', 'cart-2']);
  const ui = view(cache, { ...viewOf(pods, 'shop'), filter: 'cart' });
  try {
    await tick();
    const frame = ui.lastFrame()!;
    assert.match(frame, /● live\s+2 of 3/);
    assert.ok(!frame.includes('api-1'));
    ui.rerender(
      <ResourceView
        cache={cache}
        entry={{ ...viewOf(pods, 'shop'), filter: '!cart' }}
        width={100}
        height={8}
        active
        globalHandlers={{}}
        onAction={() => undefined}
        onSort={() => undefined}
        title="pods"
      />,
    );
    await tick();
    assert.match(ui.lastFrame()!, /● live\s+1 of 3[\s\S]*^api-1\s/m);
    ui.rerender(
      <ResourceView
        cache={cache}
        entry={{ ...viewOf(pods, 'shop'), filter: 'zzz' }}
        width={100}
        height={8}
        active
        globalHandlers={{}}
        onAction={() => undefined}
        onSort={() => undefined}
        title="pods"
      />,
    );
    await tick();
    assert.match(ui.lastFrame()!, /No pods match the filter \(esc clears it\)\./);
  } finally {
    ui.unmount();
    cache.dispose();
  }
});
