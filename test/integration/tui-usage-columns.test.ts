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

test('pods show usage and k9s’s percentages (ledger near its limit, the crash loop quiet); C sorts busiest first; nodes and the header too', async () => {
  const t = openKx('pods -n payments', { kubeconfig: demo.kubeconfigPath, columns: 220, rows: 24 });
  await t.waitFor(/^NAME\s.*\sCPU\s+MEM\s+%CPU\/R\s+%CPU\/L\s+%MEM\/R\s+%MEM\/L\s*$/m);
  const usageRow = (name: string): RegExp => new RegExp(`^${name}-\\S+.*\\s(\\d+)m\\s+(\\d+)Mi\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s*$`, 'm');
  const screen = await t.waitFor((s) => usageRow('ledger').test(s) && usageRow('fraud-scorer').test(s), 30_000);
  for (const m of screen.matchAll(new RegExp(usageRow('ledger').source, 'gm'))) {
    const [cpu, , cpuR, cpuL] = [Number(m[1]), m[2], Number(m[3]), Number(m[4])];
    assert.ok(cpu >= 425 && cpu <= 490, `ledger at ${cpu}m`);
    // requests 250m, limits 500m: the percentages are the same figure over each, truncated.
    assert.equal(cpuR, Math.trunc((cpu * 100) / 250));
    assert.equal(cpuL, Math.trunc((cpu * 100) / 500));
  }
  const crash = usageRow('fraud-scorer').exec(screen);
  assert.ok(Number(crash?.[1]) <= 3, `fraud-scorer at ${crash?.[1]}m`);
  assert.match(screen, /CPU: [\d.]+\/[\d.]+ \(\d+%\)\s+MEM: [\d.]+Gi\/[\d.]+Gi \(\d+%\)/, 'the header shows the cluster’s usage against allocatable');
  t.send('C');
  const sorted = await t.waitFor(/\sCPU↓\s/);
  const cpus = [...sorted.matchAll(/^\S+\s.*\s(\d+)m\s+\d+Mi\s/gm)].map((m) => Number(m[1]));
  assert.ok(cpus.length >= 3, sorted);
  assert.deepEqual(
    cpus,
    [...cpus].sort((a, b) => b - a),
    'C sorts by CPU, busiest first',
  );
  await prompt(t, ':', 'nodes');
  t.send('Enter');
  await t.waitFor(/^NAME\s.*\sCPU\s+%CPU\s+MEM\s+%MEM\s*$/m);
  await t.waitFor(/^kx-worker\s.*\s\d+m\s+\d+\s+\d+Mi\s+\d+\s*$/m, 30_000);
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
