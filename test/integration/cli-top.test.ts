/**
 * kx top against the demo with kubectl top as the oracle: the same bytes and exit code for pods
 * (-A, -n, -l, --containers, --sort-by, --no-headers, --sum) and nodes, kubectl's sentences when the
 * metrics API is absent or has nothing yet, and usage that follows the workload (busy, crash-looping).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { startDemoSetup } from '../support/demo-server-setup.ts';
import { pod } from '../support/demo-fixtures.ts';
import { kubectl } from '../support/kubectl.ts';
import { runKx } from '../support/kx-process.ts';
import { waitFor } from '../support/wait-for.ts';
import { killTerminals, openKx } from '../support/tmux-terminal.ts';

let demo: DemoCluster;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-top-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
  // Pods report metrics once the simulated kubelet has them running.
  await waitFor(
    'the ledger pods to run',
    async () => {
      const res = await runKx(['top', 'pods', '-n', 'payments', '-l', 'app=ledger', '--no-headers', '--kubeconfig', demo.kubeconfigPath]);
      return res.stdout.trim().split('\n').length === 2;
    },
    60_000,
    500,
  );
});

after(async () => {
  killTerminals();
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Outcome {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** kx top and kubectl top back to back; usage changes every 15 s window (and pods may come and go), so a mismatch is retried. */
async function both(kubeconfig: string, args: string[]): Promise<{ kx: Outcome; kubectl: Outcome }> {
  let last: { kx: Outcome; kubectl: Outcome } | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const ours = await runKx(['top', ...args, '--kubeconfig', kubeconfig]);
    const theirs = await kubectl(['top', ...args], { kubeconfig });
    last = { kx: { stdout: ours.stdout, stderr: ours.stderr, code: ours.code }, kubectl: { stdout: theirs.stdout, stderr: theirs.stderr, code: theirs.code } };
    if (JSON.stringify(last.kx) === JSON.stringify(last.kubectl)) break;
  }
  return last!;
}

for (const args of [
  ['pods', '-A'],
  ['pods', '-n', 'shop', '--containers'],
  ['nodes'],
  ['pods', '-A', '--sort-by=memory'],
  ['pods', '-A', '--no-headers'],
  ['pods', '-A', '--sum'],
  ['pods', '-n', 'shop', '--containers', '--sum', '--no-headers'],
  ['pods', '-n', 'shop', '--sort-by=cpu'],
  ['pods', '-n', 'payments', '-l', 'app=ledger', '--sum'],
  ['pods', '-n', 'shop', 'redis-0', '--containers'],
  ['nodes', '--sort-by=memory', '--no-headers'],
  ['nodes', 'kx-worker'],
  ['pods', '-n', 'shop', 'no-such-pod'],
  ['pods', '--sort-by=disk'],
]) {
  test(`kx top ${args.join(' ')} prints what kubectl top prints`, async () => {
    const r = await both(demo.kubeconfigPath, args);
    assert.deepEqual(r.kx, r.kubectl);
  });
}

test('ties under --sort-by=cpu across all namespaces: the order kubectl top prints (Go sort.Sort, not a stable sort)', async () => {
  const r = await both(demo.kubeconfigPath, ['pods', '-A', '--sort-by=cpu', '--no-headers']);
  assert.deepEqual(r.kx, r.kubectl);
  // More than 12 pods (Go insertion-sorts up to 12) and some at the same CPU, or this proves nothing.
  const cpu = r.kubectl.stdout
    .trim()
    .split('\n')
    .map((line) => line.split(/\s+/)[2]);
  assert.ok(cpu.length > 12 && new Set(cpu).size < cpu.length, `ties expected among ${cpu.join(' ')}`);
});

test('the usage follows the workload: ledger near its 500m CPU limit, the crash-looping fraud-scorer low', async () => {
  const res = await runKx(['top', 'pods', '-n', 'payments', '--no-headers', '--kubeconfig', demo.kubeconfigPath]);
  const cpu = (prefix: string) =>
    res.stdout
      .split('\n')
      .filter((l) => l.startsWith(prefix))
      .map((l) => Number(/\s(\d+)m\s/.exec(l)?.[1]));
  const ledger = cpu('ledger-');
  assert.equal(ledger.length, 2, res.stdout);
  for (const m of ledger) assert.ok(m >= 425 && m <= 490, `ledger at ${m}m`);
  for (const m of cpu('fraud-scorer-')) assert.ok(m <= 3, `fraud-scorer at ${m}m`);
});

test('kubectl get apiservices shows v1beta1.metrics.k8s.io Available', async () => {
  const res = await kubectl(['get', 'apiservice', 'v1beta1.metrics.k8s.io', '-o', 'jsonpath={.status.conditions[?(@.type=="Available")].status}'], { kubeconfig: demo.kubeconfigPath });
  assert.equal(res.stdout, 'True');
  const table = await kubectl(['get', 'apiservices'], { kubeconfig: demo.kubeconfigPath });
  assert.match(table.stdout, /^NAME\s+SERVICE\s+AVAILABLE\s+AGE\nv1beta1\.metrics\.k8s\.io\s+kube-system\/metrics-server\s+True\s/);
});

test('without the metrics API: kubectl\'s "Metrics API not available", exit 1', async () => {
  const setup = await startDemoSetup();
  try {
    for (const args of [['pods'], ['nodes']]) {
      const r = await both(setup.kubeconfig, args);
      assert.deepEqual(r.kx, r.kubectl);
      assert.equal(r.kx.stderr, 'error: Metrics API not available\n');
      assert.equal(r.kx.code, 1);
    }
  } finally {
    await setup.close();
  }
});

test('metrics API with nothing to report: "metrics not available yet" for young pods and for nodes, "No resources found" without pods', async () => {
  const setup = await startDemoSetup({ metrics: true });
  try {
    const empty = await both(setup.kubeconfig, ['pods']);
    assert.deepEqual(empty.kx, empty.kubectl);
    assert.equal(empty.kx.stderr, 'No resources found in default namespace.\n');
    assert.equal(empty.kx.code, 0);
    setup.server.store.create({ group: '', plural: 'pods' }, pod('default', 'just-created', { phase: 'Pending' }));
    for (const args of [['pods'], ['nodes']]) {
      const r = await both(setup.kubeconfig, args);
      assert.deepEqual(r.kx, r.kubectl);
      assert.equal(r.kx.stderr, 'error: metrics not available yet\n');
    }
  } finally {
    await setup.close();
  }
});

test('metrics API listed but its APIService unavailable (503): kx top says what kubectl top says, and the TUI shows n/a with the reason', async () => {
  const ref = { group: 'apiregistration.k8s.io', plural: 'apiservices' };
  const setAvailable = (status: 'True' | 'False') =>
    demo.server.store.mutate(ref, undefined, 'v1beta1.metrics.k8s.io', (o) => {
      const conditions = (o as unknown as { status: { conditions: { type: string; status: string }[] } }).status.conditions;
      for (const c of conditions) if (c.type === 'Available') c.status = status;
    });
  setAvailable('False');
  try {
    for (const args of [['pods', '-A'], ['nodes'], ['pods', '-n', 'shop', 'redis-0']]) {
      const r = await both(demo.kubeconfigPath, args);
      assert.deepEqual(r.kx, r.kubectl);
      assert.equal(r.kx.code, 1);
    }
    const t = openKx('pods -n payments', { kubeconfig: demo.kubeconfigPath, columns: 200, rows: 12 });
    try {
      const screen = await t.waitFor(/metrics n\/a: .*unable to handle the request/);
      assert.match(screen, /^ledger-\S+.*\sn\/a\s+n\/a\s+n\/a\s+n\/a\s+n\/a\s+n\/a\s*$/m);
    } finally {
      t.kill();
    }
  } finally {
    setAvailable('True');
  }
});
