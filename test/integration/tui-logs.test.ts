/** The logs pane in a real terminal against the demo cluster, with kubectl logs as the oracle. */
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
  dir = mkdtempSync(join(tmpdir(), 'kx-logs-pane-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
});

after(async () => {
  killTerminals();
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

const open = (args: string) => openKx(args, { kubeconfig: demo.kubeconfigPath, columns: 160, rows: 30, env: { XDG_STATE_HOME: join(dir, 'state') } });

const kubectl = kubectlFor(() => demo.kubeconfigPath).ok;

test('l follows a pod’s log: the lines kubectl logs prints are on screen, new ones keep coming', async () => {
  const t = open('-n shop');
  await t.waitFor(/pods \(shop\)\s+● live/);
  const pod = (await kubectl('get', 'pods', '-n', 'shop', '-l', 'app=cart', '-o', 'jsonpath={.items[0].metadata.name}')).trim();
  await filterToOne(t, pod);
  t.send('l');
  await t.waitFor(new RegExp(`logs pod/${pod} \\(shop\\)\\s+following`));
  const tail = (await kubectl('logs', '-n', 'shop', pod, '--tail=3')).trim().split('\n');
  const screen = await t.waitFor((s) => s.includes(tail[0]!.slice(0, 60)), 15_000);
  const lines = Number(/· ([\d,]+) lines/.exec(screen)![1]!.replace(/,/g, ''));
  assert.ok(lines > 0);
  // Following: the count grows as the demo kubelet writes.
  await t.waitFor((s) => Number(/· ([\d,]+) lines/.exec(s)?.[1]?.replace(/,/g, '') ?? 0) > lines, 15_000);

  t.send('f');
  await t.waitFor(/paused \(f resumes\)/);
  t.send('t');
  await t.waitFor(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/m);
  t.send('Escape');
  await t.waitFor(/pods \(shop\)\s+● live\s+1 of/);
  t.send('q');
  assert.match(await t.waitFor(/kx exited with \d+/), /kx exited with 0/);
});

test('l on a deployment interleaves its pods with prefixes; c picks one container; p shows the previous instance', async () => {
  const t = open('deploy -n shop');
  await t.waitFor(/deployments \(shop\)\s+● live/);
  await filterToOne(t, 'api');
  t.send('l');
  const pods = (await kubectl('get', 'pods', '-n', 'shop', '-l', 'app=api', '-o', 'jsonpath={.items[*].metadata.name}')).trim().split(' ');
  assert.ok(pods.length > 1);
  const screen = await t.waitFor((s) => pods.filter((p) => new RegExp(`^${p} \\S+ `, 'm').test(s)).length >= 2, 20_000);
  assert.match(screen, /logs deployment\/api \(shop\)\s+following · all containers/);
  t.send('c');
  await t.waitFor(/· container \S+ ·/);
  t.send('Escape');
  await t.waitFor(/deployments \(shop\)\s+● live/);
  t.send('q');
  await t.waitFor(/kx exited with 0/);
});

test('previous logs of a crash-looping pod match kubectl logs --previous', async () => {
  const t = open('-n payments');
  await t.waitFor(/pods \(payments\)\s+● live/);
  const pod = (await kubectl('get', 'pods', '-n', 'payments', '-o', 'name'))
    .split('\n')
    .find((n) => n.includes('fraud-scorer'))!
    .replace('pod/', '');
  await filterToOne(t, pod);
  t.send('p');
  const previous = (await kubectl('logs', '-n', 'payments', pod, '--previous', '--tail=2')).trim().split('\n');
  const screen = await t.waitFor(/previous instance/);
  await t.waitFor((s) => s.includes(previous.at(-1)!.trim().slice(0, 60)), 15_000).catch(() => assert.fail(`kubectl's last previous line is not shown:\n${previous.at(-1)}\n${screen}`));
  t.send('Escape');
  await t.waitFor(/pods \(payments\)\s+● live/);
  t.send('q');
  await t.waitFor(/kx exited with 0/);
});

test('the logs pane says what it loaded: the last 500 lines, then s loads all of it (as many lines as kubectl logs)', async () => {
  const t = open('-n shop');
  await t.waitFor(/pods \(shop\)\s+● live/);
  const pod = (await kubectl('get', 'pods', '-n', 'shop', '-l', 'app=cart', '-o', 'jsonpath={.items[0].metadata.name}')).trim();
  await filterToOne(t, pod);
  t.send('l');
  const count = (s: string) => Number(/· ([\d,]+) lines/.exec(s)?.[1]?.replace(/,/g, '') ?? -1);
  await t.waitFor((s) => /last 500 lines per container/.test(s) && count(s) >= 500);
  t.send('f');
  await t.waitFor(/paused \(f resumes\)/);
  const all = (await kubectl('logs', '-n', 'shop', pod)).trimEnd().split('\n').length;
  assert.ok(all > 500, `the pod has more than 500 lines (${all})`);
  t.send('s');
  await t.waitFor((s) => /following · [^·]+ · all ·/.test(s) && count(s) >= all, 15_000);
  t.send('Escape');
  await t.waitFor(/pods \(shop\)\s+● live\s+1 of/);
  t.send('q');
  assert.match(await t.waitFor(/kx exited with \d+/), /kx exited with 0/);
});
