/**
 * Scale, rollout history/undo and restart from the explorer's keys, against the demo cluster;
 * kubectl reads the result. Bad counts are refused with a sentence; scaling to 0 asks first.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { filterTo, killTerminals, openKx, type TmuxTerminal } from '../support/tmux-terminal.ts';
import { kubectlFor } from '../support/kubectl.ts';

let demo: DemoCluster;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-workload-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
});

after(async () => {
  killTerminals();
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

const kubectl = kubectlFor(() => demo.kubeconfigPath).ok;

async function openOn(name: string): Promise<TmuxTerminal> {
  const t = openKx('deploy -n shop', { kubeconfig: demo.kubeconfigPath, columns: 150, rows: 26 });
  await t.waitFor(/deployments \(shop\)\s+● live/);
  await filterTo(t, name);
  return t;
}

const replicas = async (name: string) => kubectl('get', 'deploy', name, '-n', 'shop', '-o', 'jsonpath={.spec.replicas}');

test('s scales: +, typed numbers, a refused count, 0 asks first; kubectl sees each result', async () => {
  const t = await openOn('cart');
  const before = Number(await replicas('cart'));
  t.send('s');
  await t.waitFor(new RegExp(`Current replicas: ${before}`));
  t.send('+');
  await t.waitFor(new RegExp(`New replicas: ${before + 1}`));
  t.send('Enter');
  await t.waitFor(/deployment\.apps\/cart scaled/);
  assert.equal(await replicas('cart'), String(before + 1));

  t.send('s');
  await t.waitFor(/Current replicas: \d+/);
  t.type('x');
  await t.waitFor(/"x" is not a replica count/);
  t.send('BSpace');
  t.type('0');
  await t.waitFor(/New replicas: 0/);
  t.send('Enter');
  await t.waitFor(/Scale deployment\.apps\/cart to 0\? Every pod stops/);
  t.send('n');
  await t.waitFor((s) => !/to 0\?/.test(s));
  assert.equal(await replicas('cart'), String(before + 1), 'n does not scale');
  t.send('Enter');
  await t.waitFor(/to 0\?/);
  t.send('y');
  await t.waitFor(/deployment\.apps\/cart scaled/);
  assert.equal(await replicas('cart'), '0');
  t.send('q');
  await t.waitFor(/kx exited with 0/);
});

test('h shows the history with the current revision marked; enter diffs; u + y undoes like kubectl; r + y restarts', async () => {
  const t = await openOn('frontend');
  t.send('h');
  await t.waitFor(/rollout history deployment\.apps\/frontend \(shop\)/);
  let screen = await t.waitFor(/^\* 3\s/m);
  assert.match(screen, /^ {2}1\s+\S+\s+nginx:1\.25\s+initial release/m);
  t.send('k');
  await new Promise((r) => setTimeout(r, 300));
  t.send('Enter');
  screen = await t.waitFor(/\+\+\+ revision 3 \(current\)/);
  assert.match(screen, /^-\s+- image: nginx:1\.26/m);
  t.send('u');
  await t.waitFor(/Roll deployment\.apps\/frontend in namespace shop on context kx-demo back to revision 2\?/);
  t.send('y');
  await t.waitFor(/deployment\.apps\/frontend rolled back/);
  assert.equal(await kubectl('get', 'deploy', 'frontend', '-n', 'shop', '-o', 'jsonpath={.spec.template.spec.containers[0].image}'), 'nginx:1.26');
  t.send('Escape');
  await t.waitFor(/deployments \(shop\)\s+● live\s+1 of/);
  await t.waitFor((s) => s.trimEnd().split('\n').at(-1)!.startsWith('/frontend  ('));
  t.send('r');
  await t.waitFor(/Restart deployment\.apps\/frontend in namespace shop on context kx-demo\?/);
  t.send('y');
  await t.waitFor(/deployment\.apps\/frontend restarted/);
  assert.match(await kubectl('get', 'deploy', 'frontend', '-n', 'shop', '-o', 'jsonpath={.spec.template.metadata.annotations}'), /restartedAt/);
  t.send('q');
  await t.waitFor(/kx exited with 0/);
});
