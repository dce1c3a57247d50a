/**
 * An action acts on the object the user sees selected: after any pane or dialog closes, the
 * table is back on the row it was opened from (not row 1), and the next action names that object.
 * Each pane is opened from the third row, closed, and describe is asked again.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { filterTo, openKx, type TmuxTerminal } from '../support/tmux-terminal.ts';

let demo: DemoCluster;
let dir: string;
let t: TmuxTerminal;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-selection-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
  t = openKx('deploy -n shop', { kubeconfig: demo.kubeconfigPath, columns: 160, rows: 30 });
  await t.waitFor(/deployments \(shop\)\s+● live/);
});

after(async () => {
  t?.kill();
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Describes the selected row and returns its name from the pane's title, then closes the pane. */
async function describedName(): Promise<string> {
  t.send('d');
  const screen = await t.waitFor(/Describe Deployment shop\/\S+/);
  const name = /Describe Deployment shop\/(\S+)/.exec(screen)![1]!;
  await t.waitFor(new RegExp(`Name:\\s+${name}`));
  t.send('Escape');
  await t.waitFor(/deployments \(shop\)\s+● live/);
  return name;
}

/** Each pane or dialog: the key that opens it, what shows it names the object, the key that closes it. */
const panes: { label: string; open: string[]; shows: (name: string) => RegExp; close: string[] }[] = [
  { label: 'describe', open: ['d'], shows: (n) => new RegExp(`Describe Deployment shop/${n}`), close: ['Escape'] },
  { label: 'yaml', open: ['y'], shows: (n) => new RegExp(`YAML Deployment shop/${n}`), close: ['Escape'] },
  { label: 'logs', open: ['l'], shows: (n) => new RegExp(`logs deployment/${n} \\(shop\\)`), close: ['Escape'] },
  { label: 'tree', open: ['x'], shows: (n) => new RegExp(`owner tree · \\d+ objects[\\s\\S]*${n}`), close: ['Escape'] },
  { label: 'history', open: ['h'], shows: (n) => new RegExp(`deployment\\.apps/${n}`), close: ['Escape'] },
  { label: 'scale', open: ['s'], shows: (n) => new RegExp(`deployment\\.apps/${n}[\\s\\S]*Current replicas`), close: ['Escape'] },
  { label: 'restart', open: ['r'], shows: (n) => new RegExp(`Restart deployment\\.apps/${n} in namespace shop`), close: ['n'] },
  { label: 'delete', open: ['C-d'], shows: (n) => new RegExp(`${n}[\\s\\S]*context kx-demo`), close: ['n'] },
];

test('every pane and dialog gives the selection back: the next action is on the same row', async () => {
  t.send('j');
  t.send('j');
  const chosen = await describedName();
  const first = /^\s*(\S+)/m.exec(t.screen().split('\n').slice(2).join('\n'))?.[1];
  assert.notEqual(chosen, first, 'the test starts on a row other than the first');
  for (const pane of panes) {
    t.send(...pane.open);
    await t.waitFor(pane.shows(chosen));
    t.send(...pane.close);
    await t.waitFor(/deployments \(shop\)\s+● live/);
    assert.equal(await describedName(), chosen, `after ${pane.label}, the selection is still ${chosen}`);
  }
});

test('a filter and a sort keep the selected object, and clearing the filter too', async () => {
  const chosen = await describedName();
  t.send('N');
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(await describedName(), chosen, 'after a sort by name');
  t.send('R');
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(await describedName(), chosen, 'after reversing the sort');
  await filterTo(t, chosen);
  assert.equal(await describedName(), chosen, 'under a filter that keeps it');
  t.send('Escape');
  await t.waitFor((s) => !s.trimEnd().split('\n').at(-1)!.startsWith(`/${chosen}`));
  assert.equal(await describedName(), chosen, 'after the filter is cleared');
});

test('c copies the selected object’s name to the terminal’s clipboard (OSC 52; tmux keeps it as a buffer)', async () => {
  const { execFileSync } = await import('node:child_process');
  // tmux takes OSC 52 from programs only with set-clipboard on (its default, external, ignores them).
  execFileSync('tmux', ['set-option', '-s', 'set-clipboard', 'on']);
  const chosen = await describedName();
  t.send('c');
  await t.waitFor(new RegExp(`Copied deployment name ${chosen} to the clipboard`));
  assert.equal(execFileSync('tmux', ['show-buffer'], { encoding: 'utf8' }), chosen);
});
