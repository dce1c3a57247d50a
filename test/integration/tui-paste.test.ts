/**
 * A pasted `:deploy` or `/api` arrives as one chunk; it must work every time, not only before
 * the first prompt was ever opened.
 */
import { after, before, test } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { openKx, type TmuxTerminal } from '../support/tmux-terminal.ts';

let demo: DemoCluster;
let dir: string;
let t: TmuxTerminal;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-paste-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
  t = openKx('-n shop', { kubeconfig: demo.kubeconfigPath, columns: 150, rows: 26 });
  await t.waitFor(/pods \(shop\)\s+● live/);
});
after(async () => {
  t?.kill();
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('pasted : commands and / filters work every time', async () => {
  for (let round = 1; round <= 3; round++) {
    t.type(':deploy');
    t.send('Enter');
    await t.waitFor(/deployments \(shop\)\s+● live/);
    t.type(':po');
    t.send('Enter');
    await t.waitFor(/pods \(shop\)\s+● live/);
    t.type('/cart');
    t.send('Enter');
    await t.waitFor((s) => s.trimEnd().split('\n').at(-1)!.startsWith('/cart  ('));
    t.send('Escape');
    await t.waitFor((s) => !s.trimEnd().split('\n').at(-1)!.startsWith('/cart'));
  }
});

test('global keys work in panes as their hints promise: : leaves a pane for a command, ? opens help', async () => {
  await t.waitFor(/pods \(shop\)\s+● live/);
  t.send('d');
  await t.waitFor(/Describe Pod shop\//);
  t.type(':');
  await new Promise((r) => setTimeout(r, 200));
  t.type('deploy');
  t.send('Enter');
  await t.waitFor(/deployments \(shop\)\s+● live/);
  t.send('y');
  await t.waitFor(/YAML Deployment shop\//);
  t.send('?');
  await t.waitFor(/^Keys · ids go in/m);
  t.send('Escape');
  await t.waitFor(/deployments \(shop\)\s+● live/);
});
