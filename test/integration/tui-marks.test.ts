/**
 * Marks and bulk actions in a real terminal against the demo cluster, kubectl the oracle: rows
 * marked across a sort and a filter are exactly the objects a bulk delete removes; an object
 * deleted by kubectl meanwhile is reported by name and the others still go; --readonly refuses a
 * bulk delete and sends nothing; another namespace clears the marks; r restarts every marked deployment.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { filterTo, filterToOne, killTerminals, lastLine, openKx, type TmuxTerminal } from '../support/tmux-terminal.ts';
import { kubectlFor } from '../support/kubectl.ts';

let demo: DemoCluster;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-marks-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
});

after(async () => {
  killTerminals();
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

const kubectl = kubectlFor(() => demo.kubeconfigPath);

/** Config maps in shop, put in the demo's store directly (kubectl create speaks protobuf, which the demo does not). */
function configMaps(names: readonly string[]): void {
  for (const name of names) {
    demo.server.store.create({ group: '', plural: 'configmaps' }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'shop', uid: '' }, data: { a: 'b' } });
  }
}

/** The config maps in shop whose names start with `prefix`, as kubectl lists them. */
async function listed(prefix: string): Promise<string[]> {
  const out = await kubectl.ok('get', 'configmaps', '-n', 'shop', '-o', 'name');
  return out
    .split('\n')
    .map((line) => line.replace(/^configmap\//, '').trim())
    .filter((name) => name.startsWith(prefix))
    .sort();
}

async function openConfigMaps(extra = ''): Promise<TmuxTerminal> {
  const t = openKx(`cm -n shop ${extra}`.trim(), { kubeconfig: demo.kubeconfigPath, columns: 150, rows: 30 });
  await t.waitFor(/configmaps \(shop\)\s+● live/);
  return t;
}

/** The screen's row of `name` (the line that starts with it, after the mark gutter). */
function rowOf(screen: string, name: string): string {
  return screen.split('\n').find((line) => new RegExp(`^(✓ |  )?${name}\\s`).test(line)) ?? '';
}

test('rows marked across a sort and a filter are exactly what a bulk delete removes', async () => {
  const names = ['bulk-a1', 'bulk-a2', 'bulk-a3', 'bulk-b1', 'bulk-b2', 'bulk-c1', 'bulk-c2'];
  configMaps(names);
  const t = await openConfigMaps();
  await filterTo(t, 'bulk-');
  await t.waitFor(/● live\s+7 of/);
  t.send('N');
  await t.waitFor(/NAME↑/);
  // The first row is bulk-a1: mark it.
  t.send('Space');
  let screen = await t.waitFor(/1 marked/);
  assert.match(rowOf(screen, 'bulk-a1'), /^✓ bulk-a1/);

  // Reverse the sort: the mark stays on bulk-a1 (now last, the cursor with it); two up and
  // ctrl-space marks the range back to it in the order shown: a3, a2, a1.
  t.send('R');
  screen = await t.waitFor(/NAME↓/);
  assert.match(rowOf(screen, 'bulk-a1'), /^✓ bulk-a1/, 'the mark follows its object through the sort');
  t.send('k');
  t.send('k');
  t.send('C-Space');
  screen = await t.waitFor(/3 marked/);
  for (const name of ['bulk-a1', 'bulk-a2', 'bulk-a3']) assert.match(rowOf(screen, name), new RegExp(`^✓ ${name}`));
  assert.match(rowOf(screen, 'bulk-b1'), /^ {2}bulk-b1/);

  // Filter to one more object and mark it; the marks hidden by the filter still count.
  t.send('Escape');
  await t.waitFor((s) => /3 marked/.test(s) && !lastLine(s).startsWith('/bulk-'));
  await filterToOne(t, 'bulk-b2');
  t.send('Space');
  screen = await t.waitFor(/4 marked/);
  assert.match(rowOf(screen, 'bulk-b2'), /^✓ bulk-b2/);
  t.send('Escape');
  screen = await t.waitFor((s) => /4 marked/.test(s) && rowOf(s, 'bulk-c2') !== '');
  assert.match(rowOf(screen, 'bulk-a3'), /^✓ bulk-a3/, 'marks survive the filter');

  t.send('C-d');
  screen = await t.waitFor(/Delete 4 configmaps \(.+\) in namespace shop on context kx-demo\?/);
  assert.match(screen, /bulk-a3, bulk-a2, bulk-a1 and 1 more|bulk-b2, bulk-a3, bulk-a2 and 1 more/);
  t.send('y');
  screen = await t.waitFor(/4 configmaps deleted \(any key closes\)/);
  assert.match(screen, /Deleting 4 configmaps on context kx-demo: 4 of 4 done/);
  for (const name of ['bulk-a1', 'bulk-a2', 'bulk-a3', 'bulk-b2']) assert.match(screen, new RegExp(`✓ configmap "${name}" deleted`));
  t.send('Escape');
  screen = await t.waitFor(/configmaps \(shop\)\s+● live/);
  assert.doesNotMatch(screen, /marked/, 'the marks are used up');
  assert.deepEqual(await listed('bulk-'), ['bulk-b1', 'bulk-c1', 'bulk-c2'], 'exactly the marked objects are gone');
});

test('an object deleted meanwhile is reported by name with kubectl’s NotFound; the others are still deleted', async () => {
  configMaps(['gone-1', 'gone-2', 'gone-3']);
  const t = await openConfigMaps();
  await filterTo(t, 'gone-');
  await t.waitFor(/● live\s+3 of/);
  t.send('N');
  await t.waitFor(/NAME↑/);
  t.send('Space');
  t.send('j');
  t.send('j');
  t.send('C-Space');
  await t.waitFor(/3 marked/);
  t.send('C-d');
  await t.waitFor(/Delete 3 configmaps \(gone-1, gone-2, gone-3\) in namespace shop on context kx-demo\?/);
  await kubectl.ok('delete', 'configmap', 'gone-2', '-n', 'shop');
  t.send('y');
  const screen = await t.waitFor(/2 configmaps deleted, 1 failed: gone-2 \(any key closes\)/);
  assert.match(screen, /✗ configmap\/gone-2: Error from server \(NotFound\): configmaps "gone-2" not found/);
  assert.match(screen, /✓ configmap "gone-1" deleted/);
  assert.match(screen, /✓ configmap "gone-3" deleted/);
  t.send('x');
  await t.waitFor(/2 configmaps deleted, 1 failed: gone-2/);
  assert.deepEqual(await listed('gone-'), []);
});

test('--readonly refuses a bulk delete with the gate’s sentence and sends nothing', async () => {
  configMaps(['kept-1', 'kept-2']);
  const changes: string[] = [];
  const stop = demo.server.store.subscribe((change) => {
    if (change.object.metadata.name.startsWith('kept-')) changes.push(`${change.type} ${change.object.metadata.name}`);
  });
  try {
    const t = await openConfigMaps('--readonly');
    await filterTo(t, 'kept-');
    await t.waitFor(/● live\s+2 of/);
    t.send('Space');
    t.send('j');
    t.send('Space');
    await t.waitFor(/2 marked/);
    t.send('C-d');
    await t.waitFor(/kx is read-only here \(--readonly\): delete is off/);
    assert.doesNotMatch(t.screen(), /Delete 2 configmaps/);
    assert.deepEqual(await listed('kept-'), ['kept-1', 'kept-2']);
    assert.deepEqual(changes, [], 'the store saw no change to the marked objects');
    // Another namespace clears the marks, and coming back does not bring them back.
    t.send('0');
    await t.waitFor((s) => /configmaps \(all namespaces\)/.test(s) && !/marked/.test(s));
    t.send('0');
    await t.waitFor((s) => /configmaps \(shop\)\s+● live/.test(s) && !/marked/.test(s));
    // The view drawn after a switch takes keys a moment later (its key handler attaches after the frame).
    await new Promise((r) => setTimeout(r, 300));
    // ctrl-\ clears the marks.
    t.send('Space');
    await t.waitFor(/1 marked/);
    t.send('C-\\');
    await t.waitFor((s) => !/marked/.test(s));
  } finally {
    stop();
  }
});

/** A deployment's kubectl.kubernetes.io/restartedAt, as kubectl reads it ('' without one). */
function restartedAt(name: string): Promise<string> {
  return kubectl.ok('get', 'deployment', name, '-n', 'shop', '-o', 'jsonpath={.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt}');
}

test('r with marks restarts every marked deployment: kubectl sees the restartedAt annotation on each', async () => {
  const t = openKx('deploy -n shop', { kubeconfig: demo.kubeconfigPath, columns: 150, rows: 30 });
  await t.waitFor(/deployments \(shop\)\s+● live/);
  t.send('N');
  await t.waitFor(/NAME↑/);
  t.send('Space');
  t.send('j');
  t.send('Space');
  const screen = await t.waitFor(/2 marked/);
  const marked = screen
    .split('\n')
    .filter((line) => line.startsWith('✓ '))
    .map((line) => line.slice(2).split(/\s+/)[0]!);
  assert.equal(marked.length, 2);
  const before = new Map(await Promise.all(marked.map(async (name) => [name, await restartedAt(name)] as const)));
  t.send('r');
  await t.waitFor(/Restart 2 deployments \(.+\) in namespace shop on context kx-demo\?/);
  t.send('y');
  await t.waitFor(/2 deployments restarted \(any key closes\)/);
  for (const name of marked) {
    const at = await restartedAt(name);
    assert.match(at, /^\d{4}-\d\d-\d\dT/, `${name} restarted`);
    assert.notEqual(at, before.get(name), `${name}'s annotation is new`);
  }
});
