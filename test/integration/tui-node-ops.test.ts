/**
 * The node keys in a real terminal against the demo, with kubectl as the oracle: c on a node
 * cordons it (kubectl sees spec.unschedulable true), u uncordons it, r opens the drain dialog whose
 * evictions kubectl then sees; c on a pod still copies its name.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { kubectlFor } from '../support/kubectl.ts';
import { waitFor } from '../support/wait-for.ts';
import { filterTo, filterToOne, killTerminals, openKx, type TmuxTerminal } from '../support/tmux-terminal.ts';

let demo: DemoCluster;
let dir: string;
const kubectl = kubectlFor(() => demo.kubeconfigPath).ok;
const unschedulable = async (node: string) => (await kubectl('get', 'node', node, '-o', 'jsonpath={.spec.unschedulable}')).trim();

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-node-ops-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
});

after(async () => {
  killTerminals();
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

function open(args: string): TmuxTerminal {
  return openKx(args, { kubeconfig: demo.kubeconfigPath, columns: 160, rows: 40, env: { XDG_STATE_HOME: join(dir, 'state') } });
}

test('c asks, then cordons the selected node, and u uncordons it; n changes nothing; kubectl sees spec.unschedulable change', async () => {
  assert.equal(await unschedulable('kx-worker2'), '');
  const t = open('nodes');
  await t.waitFor(/nodes\s+● live/);
  await filterToOne(t, 'kx-worker2');
  // As in k9s, a question first, naming the node and the context.
  t.send('c');
  await t.waitFor(/Cordon node\/kx-worker2 on context kx-demo\?/);
  t.send('n');
  await t.waitFor((s) => !/Cordon node/.test(s));
  assert.equal(await unschedulable('kx-worker2'), '', 'n does not cordon');
  t.send('c');
  await t.waitFor(/Cordon node\/kx-worker2 on context kx-demo\?/);
  t.send('y');
  await t.waitFor(/node\/kx-worker2 cordoned/);
  await waitFor('kubectl to see the cordon', async () => (await unschedulable('kx-worker2')) === 'true' || undefined, 10_000, 200);
  await t.waitFor(/kx-worker2\s+Ready,SchedulingDisabled/);
  t.send('u');
  await t.waitFor(/Uncordon node\/kx-worker2 on context kx-demo\?/);
  t.send('y');
  await t.waitFor(/node\/kx-worker2 uncordoned/);
  await waitFor('kubectl to see the uncordon', async () => (await unschedulable('kx-worker2')) === '' || undefined, 10_000, 200);
});

test('r drains the node through the dialog: options, then each pod evicted; kubectl sees the node cordoned and emptied', async () => {
  const t = open('nodes');
  await t.waitFor(/nodes\s+● live/);
  // kx-worker is the first of the kx-worker* rows (sorted by name), where the cursor lands.
  await filterTo(t, 'kx-worker');
  await t.waitFor(/● live\s+3 of \d+/);
  t.send('r');
  await t.waitFor(/Drain node\/kx-worker on context/);
  // Without options kubectl's refusal: DaemonSet pods.
  t.send('Enter');
  await t.waitFor(/cannot delete DaemonSet-managed Pods \(use --ignore-daemonsets to ignore\)/);
  t.send('Escape');
  await t.waitFor((s) => !s.includes('Drain node/'));
  t.send('r');
  await t.waitFor(/\[ \] --ignore-daemonsets/);
  // Ink draws the dialog a moment before its key handler is attached.
  await new Promise((r) => setTimeout(r, 300));
  // All three options on (x or space toggles the row under the cursor), grace period 0; one key at a time, as typed.
  for (const key of ['x', 'j', 'x', 'j', 'x', 'j', '0']) {
    t.type(key);
    await new Promise((r) => setTimeout(r, 100));
  }
  await t.waitFor(/\[x\] --force[\s\S]*--grace-period 0/);
  t.send('Enter');
  await t.waitFor(/node\/kx-worker drained/, 60_000);
  const screen = t.screen();
  assert.match(screen, /evicted\s+\S+\/\S+/);
  assert.doesNotMatch(screen, /pending\s+\S+\/\S+/);
  assert.equal(await unschedulable('kx-worker'), 'true');
  const left = JSON.parse(await kubectl('get', 'pods', '-A', '--field-selector', 'spec.nodeName=kx-worker', '-o', 'json')) as {
    items: { metadata: { ownerReferences?: { kind: string }[]; deletionTimestamp?: string } }[];
  };
  for (const pod of left.items.filter((p) => !p.metadata.deletionTimestamp)) assert.equal(pod.metadata.ownerReferences?.[0]?.kind, 'DaemonSet');
});

test('c on a pod still copies its name (node-ops shadows copy-name only on nodes)', async () => {
  const t = open('po -n shop');
  await t.waitFor(/pods \(shop\)\s+● live/);
  await filterToOne(t, 'redis-0');
  t.send('c');
  await t.waitFor(/Copied pod name redis-0 to the clipboard/);
});
