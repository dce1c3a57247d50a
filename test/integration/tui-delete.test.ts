/**
 * Delete and kill in a real terminal against the demo cluster: nothing happens without `y`; the
 * question names object, namespace and context; kubectl sees the result.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { filterToOne, killTerminals, openKx } from '../support/tmux-terminal.ts';
import { kubectlFor } from '../support/kubectl.ts';

let demo: DemoCluster;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-delete-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
});

after(async () => {
  killTerminals();
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

const open = (args: string) => openKx(args, { kubeconfig: demo.kubeconfigPath, columns: 150, rows: 25 });

const kubectl = kubectlFor(() => demo.kubeconfigPath).ok;

test('ctrl-d asks, names object and context; enter and n do nothing; y deletes like kubectl', async () => {
  const t = open('cm -n shop');
  await t.waitFor(/configmaps \(shop\)\s+● live/);
  // kubectl create speaks protobuf, which the demo does not; put the object in its store directly.
  demo.server.store.create({ group: '', plural: 'configmaps' }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'doomed', namespace: 'shop', uid: '' }, data: { a: 'b' } });
  await filterToOne(t, 'doomed');
  t.send('C-d');
  await t.waitFor(/Delete configmap\/doomed in namespace shop on context kx-demo\?/);
  t.send('Enter');
  t.send('n');
  await t.waitFor(/configmaps \(shop\)\s+● live\s+1 of/);
  assert.match(await kubectl('get', 'configmap', 'doomed', '-n', 'shop', '-o', 'name'), /configmap\/doomed/, 'enter and n delete nothing');
  t.send('C-d');
  await t.waitFor(/Delete configmap\/doomed/);
  t.send('y');
  await t.waitFor(/configmap "doomed" deleted/);
  await t.waitFor(/configmaps \(shop\)\s+● live\s+0 of/);
  await assert.rejects(kubectl('get', 'configmap', 'doomed', '-n', 'shop'), /NotFound/);
  t.send('Escape');
  await t.waitFor(/configmaps \(shop\)\s+● live\s+\d+\s/);
  await t.waitFor(/\? help/);
  t.send('q');
  await t.waitFor(/kx exited with 0/);
});

test('ctrl-k force-deletes a pod with kubectl’s warning; a resource stuck on a finalizer says what it waits for', async () => {
  const t = open('-n default');
  await t.waitFor(/pods \(default\)\s+● live/);
  await filterToOne(t, 'debug-shell');
  t.send('C-k');
  const screen = await t.waitFor(/Force delete pod\/debug-shell in namespace default on context kx-demo\?/);
  assert.match(screen, /Immediate deletion does not wait/);
  t.send('y');
  await t.waitFor(/pod "debug-shell" force deleted/);
  await t.waitFor(/pods \(default\)\s+● live\s+0\b/);

  await kubectl('delete', 'crontab', 'legacy-export', '-n', 'batch', '--wait=false').catch(() => undefined);
  t.send('Escape');
  await t.waitFor(/\? help/);
  t.type(':');
  await t.waitFor((s) => s.trimEnd().split('\n').at(-1)!.trim() === ':');
  // Ink shows the prompt before its input handler is attached: give it a moment.
  await new Promise((r) => setTimeout(r, 200));
  t.type('ct batch');
  t.send('Enter');
  await t.waitFor(/crontabs \(batch\)\s+● live/);
  await filterToOne(t, 'legacy-export');
  t.send('C-d');
  await t.waitFor(/already terminating and waits for its finalizers: stable\.example\.com\/cleanup/);
  t.send('Escape');
  await t.waitFor(/crontabs \(batch\)\s+● live/);
  t.send('q');
  await t.waitFor(/kx exited with 0/);
});
