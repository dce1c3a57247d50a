/** The TUI's CPU and MEM columns against the demo: on pods and nodes when metrics.k8s.io is served, absent when it is not. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { startDemoSetup } from '../support/demo-server-setup.ts';
import { pod } from '../support/demo-fixtures.ts';
import { killTerminals, openKx, prompt } from '../support/tmux-terminal.ts';

let demo: DemoCluster;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-usage-tui-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
});

after(async () => {
  killTerminals();
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('pods show CPU and MEM from the metrics API (ledger busy, the crash loop quiet); nodes too', async () => {
  const t = openKx('pods -n payments', { kubeconfig: demo.kubeconfigPath, columns: 200, rows: 20 });
  await t.waitFor(/^NAME\s.*\sCPU\s+MEM\s*$/m);
  const screen = await t.waitFor((s) => /^ledger-\S+.*\s\d+m\s+\d+Mi\s*$/m.test(s) && /^fraud-scorer-\S+.*\s\d+m\s+\d+Mi\s*$/m.test(s), 30_000);
  for (const m of screen.matchAll(/^ledger-\S+.*\s(\d+)m\s+\d+Mi\s*$/gm)) assert.ok(Number(m[1]) >= 425 && Number(m[1]) <= 490, `ledger at ${m[1]}m`);
  const crash = /^fraud-scorer-\S+.*\s(\d+)m\s+\d+Mi\s*$/m.exec(screen);
  assert.ok(Number(crash?.[1]) <= 3, `fraud-scorer at ${crash?.[1]}m`);
  await prompt(t, ':', 'nodes');
  t.send('Enter');
  await t.waitFor(/^kx-worker\s.*\s\d+m\s+\d+Mi\s*$/m, 30_000);
});

test('without metrics.k8s.io there are no usage columns', async () => {
  const setup = await startDemoSetup();
  try {
    setup.server.store.create({ group: '', plural: 'pods' }, pod('default', 'web'));
    const t = openKx('pods -n default', { kubeconfig: setup.kubeconfig, columns: 200, rows: 20 });
    const screen = await t.waitFor(/^web\s/m);
    assert.doesNotMatch(screen, /\sCPU\s/);
    t.kill();
  } finally {
    await setup.close();
  }
});
