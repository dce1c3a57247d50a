/**
 * Port-forward in a real terminal: F on the frontend deployment opens the dialog naming object and
 * context, enter starts the forward in the background, :pf lists it, an HTTP GET through it is
 * answered; after kubectl deletes its pod, :pf shows it moved to another pod and GETs still work;
 * ctrl-d then y stops it and the port no longer answers. Read-only mode refuses F in one sentence.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { filterToOne, killTerminals, openKx, prompt, type TmuxTerminal } from '../support/tmux-terminal.ts';
import { kubectlFor } from '../support/kubectl.ts';
import { freePort, httpGet } from '../support/port-forward.ts';

let demo: DemoCluster;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-pf-tui-'));
  demo = await startDemoCluster({ churn: false, speed: 20, kubeconfigPath: join(dir, 'config') });
});

after(async () => {
  killTerminals();
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

const kubectl = kubectlFor(() => demo.kubeconfigPath).ok;

async function openOnFrontend(extra = ''): Promise<TmuxTerminal> {
  const t = openKx(`deploy -n shop ${extra}`, { kubeconfig: demo.kubeconfigPath, columns: 160, rows: 30 });
  await t.waitFor(/deployments \(shop\)\s+● live/);
  await filterToOne(t, 'frontend');
  return t;
}

test('F → dialog → enter forwards in the background; :pf lists it, follows a deleted pod, and ctrl-d y stops it', async () => {
  const t = await openOnFrontend();
  const port = await freePort();
  t.send('F');
  await t.waitFor(/Port-forward deployment\.apps\/frontend in namespace shop on context kx-demo/);
  await t.waitFor(/^\W*▸ 80 \(http\)\s+local port 80/m);
  assert.match(t.screen(), /address\s+127\.0\.0\.1/, 'listens on 127.0.0.1 by default');
  // Port 80 needs root here: the local port field takes another.
  t.send('C-u');
  t.type(String(port));
  await t.waitFor(new RegExp(`local port ${port}`));
  t.send('Enter');
  await t.waitFor(new RegExp(`Forwarding 127\\.0\\.0\\.1:${port} → 80 to deployment/frontend in namespace shop`));
  const first = await httpGet(port, '/hello');
  assert.equal(first.status, 200);

  await prompt(t, ':', 'pf');
  t.send('Enter');
  const listed = await t.waitFor(new RegExp(`shop/deployment/frontend\\s+127\\.0\\.0\\.1:${port} → 80\\s+forwarding to (\\S+)\\s+0\\s`));
  const pod = new RegExp(`forwarding to (\\S+)\\s+0\\s`).exec(listed)![1]!;
  assert.ok(first.body.includes(pod), `the GET reached ${pod}: ${first.body}`);

  await kubectl('delete', 'pod', pod, '-n', 'shop', '--wait=false');
  // The pane refreshes every second: the forward now goes to another pod, moved once.
  const moved = await t.waitFor((s) => new RegExp(`forwarding to (?!${pod}\\s)(\\S+)\\s+1\\s`).test(s), 30_000);
  const next = /forwarding to (\S+)\s+1\s/.exec(moved)![1]!;
  const second = await httpGet(port, '/again');
  assert.equal(second.status, 200);
  assert.ok(second.body.includes(next), `the GET reached ${next}: ${second.body}`);

  t.send('C-d');
  await t.waitFor(new RegExp(`Stop forwarding 127\\.0\\.0\\.1:${port} → 80 to shop/deployment/frontend on context kx-demo\\?`));
  t.send('y');
  await t.waitFor(/No port-forward is running/);
  await assert.rejects(httpGet(port), 'the port no longer answers');
  t.send('Escape');
  await t.waitFor(/deployments \(shop\)/);
  t.send('q');
  await t.waitFor(/kx exited with 0/);
});

test('--readonly: F is refused with the gate’s sentence and opens nothing', async () => {
  const t = await openOnFrontend('--readonly');
  t.send('F');
  await t.waitFor(/kx is read-only here \(--readonly\): port-forward is off/);
  assert.doesNotMatch(t.screen(), /Port-forward deployment/);
  t.send('q');
  await t.waitFor(/kx exited with 0/);
});
