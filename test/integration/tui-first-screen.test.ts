/**
 * The first screen in a real pseudo-terminal (tmux): the built bin/kx against the demo API
 * server, read the way a person sees it.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoApiServer, type DemoServer } from '../../src/demo/server/index.ts';
import { killTerminals, openKx } from '../support/tmux-terminal.ts';

let server: DemoServer;
let dir: string;
let kubeconfig: string;

const pods = { group: '', plural: 'pods' };

function pod(name: string, namespace: string, restarts = 0): Parameters<DemoServer['store']['create']>[1] {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, uid: '', labels: { app: name.split('-')[0]! } },
    spec: { nodeName: 'node-a', containers: [{ name: 'main', image: 'nginx:1.27' }] },
    status: {
      phase: 'Running',
      podIP: '10.244.0.7',
      containerStatuses: [{ name: 'main', ready: true, restartCount: restarts, state: { running: { startedAt: new Date().toISOString() } } }],
    },
  };
}

before(async () => {
  server = await startDemoApiServer();
  dir = mkdtempSync(join(tmpdir(), 'kx-tui-'));
  kubeconfig = join(dir, 'config');
  server.writeKubeconfig(kubeconfig, { namespace: 'shop' });
  for (const ns of ['shop', 'payments']) {
    server.store.create({ group: '', plural: 'namespaces' }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, uid: '' } });
  }
  for (let i = 0; i < 40; i++) server.store.create(pods, pod(`web-${String(i).padStart(2, '0')}`, 'shop'));
  for (let i = 0; i < 5; i++) server.store.create(pods, pod(`ledger-${i}`, 'payments'));
});

after(async () => {
  killTerminals();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const open = (args: string) => openKx(args, { kubeconfig, columns: 120, rows: 20 });

test('kx opens a live pods table in the context namespace, follows changes, and restores the terminal on q', async () => {
  const t = open('');
  const screen = await t.waitFor(/● live\s+40\b/);
  assert.match(screen, /Context: kx-demo/);
  assert.match(screen, /Namespace: shop/);
  assert.match(screen, /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE/m, 'one namespace: no NAMESPACE column');
  assert.match(screen, /^web-00\s+1\/1\s+Running\s+0\s+\d+s\s+10\.244\.0\.7\s+node-a/m);
  assert.doesNotMatch(screen, /ledger-/, 'pods of other namespaces are not listed');

  // A change made by another client shows up in place.
  server.store.mutate(pods, 'shop', 'web-00', (draft) => {
    const status = draft['status'] as { containerStatuses: Array<{ restartCount: number }> };
    status.containerStatuses[0]!.restartCount = 7;
  });
  await t.waitFor(/^web-00\s+1\/1\s+Running\s+7\b/m);
  server.store.delete(pods, 'shop', 'web-01', { gracePeriodSeconds: 0 });
  await t.waitFor(/● live\s+39\b/);

  t.send('q');
  const final = await t.waitFor(/kx exited with \d+/);
  assert.match(final, /kx exited with 0/);
  assert.doesNotMatch(final, /web-00/, 'the alternate screen is gone after quitting');
});

test('-A lists every namespace with a NAMESPACE column; the cursor moves with j and G', async () => {
  const t = open('-A');
  const screen = await t.waitFor(/● live\s+44\b/);
  assert.match(screen, /^NAMESPACE\s+NAME\s+READY/m);
  assert.match(screen, /^payments\s+ledger-0\s/m);
  t.send('G');
  await t.waitFor((s) => /^shop\s+web-39\s/m.test(s));
  t.send('C-c');
  assert.match(await t.waitFor(/kx exited with \d+/), /kx exited with 0/);
});

test('an unknown context is one sentence and exit code 1, before any screen is drawn', async () => {
  const t = open('--context nope');
  const screen = await t.waitFor(/kx exited with \d+/);
  assert.match(screen, /context "nope" not found in kubeconfig; known contexts: kx-demo/);
  assert.match(screen, /kx exited with 1/);
  assert.doesNotMatch(screen, /at .*\.js:\d+/, 'no stack trace');
});

test('/ filters the rows as you type, q inside the prompt is text, esc clears', async () => {
  const t = open('-A');
  await t.waitFor(/● live\s+\d+/);
  t.send('/');
  t.type('ledger');
  let screen = await t.waitFor(/● live\s+5 of \d+\b/);
  assert.match(screen, /^:?\/ledger/m, 'the prompt shows what was typed');
  assert.match(screen, /^payments\s+ledger-0\s/m);
  assert.doesNotMatch(screen, /web-\d\d/, 'non-matching rows are hidden');
  t.type('q');
  screen = await t.waitFor(/● live\s+0 of \d+\b/);
  assert.match(screen, /\/ledgerq/, 'q inside the prompt is text, not quit');
  t.send('BSpace');
  t.send('Enter');
  screen = await t.waitFor(/^\/ledger\s+\(fuzzy/m);
  assert.match(screen, /● live\s+5 of \d+\b/, 'the filter stays after enter');
  t.send('Escape');
  screen = await t.waitFor(/● live\s+4\d\b/);
  assert.match(screen, /\? help/, 'the hints are back');
  assert.match(screen, /^shop\s+web-\d\d\s/m, 'all rows are back');
  t.send('q');
  assert.match(await t.waitFor(/kx exited with \d+/), /kx exited with 0/);
});
