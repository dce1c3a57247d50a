/**
 * Several clusters in one table, on the real 1.20 control plane and the demo together, kubectl
 * 1.32 as the oracle: the CONTEXT column's rows are each context's own; scale on a real row
 * changes the real cluster only; alice's context asks alice's RBAC (she may only read in
 * team-b) while the admin's context acts; the demo stopped mid-test says so while the real
 * cluster stays live and keeps streaming.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startControlPlane, type ControlPlane } from './cluster/control-plane.ts';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { kubectlOk } from '../support/kubectl.ts';
import { filterTo, killTerminals, openKx, type TmuxTerminal } from '../support/tmux-terminal.ts';

let cp: ControlPlane;
let demo: DemoCluster;
let kubeconfigs: string;
const admin = 'admin@kx-e2e';
const alice = 'alice@kx-e2e';

const onCluster = (args: string[], input?: string): Promise<string> => kubectlOk(args, { kubeconfig: cp.kubeconfigPath, ...(input ? { input } : {}) });

function deployment(name: string, namespace: string, replicas: number): string {
  return JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels: { app: name } },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'main', image: 'busybox:1.36' }] } } },
  });
}

before(async () => {
  cp = await startControlPlane();
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(cp.dir, 'demo.kubeconfig') });
  await onCluster(['create', 'namespace', 'team-b']);
  for (const [name, ns] of [
    ['web', 'default'],
    ['web', 'team-b'],
  ] as const)
    await onCluster(['create', '-f', '-'], deployment(name, ns, 1));
  // alice may read deployments in team-b, and nothing more there.
  await onCluster(['create', 'role', 'reader', '-n', 'team-b', '--verb=get,list,watch', '--resource=deployments']);
  await onCluster(['create', 'rolebinding', 'alice-reads', '-n', 'team-b', '--role=reader', '--user=alice']);
  // The demo's kubeconfig under its own name beside the control plane's two users, merged by KUBECONFIG as kubectl merges files.
  const demoFile = join(cp.dir, 'demo');
  writeFileSync(demoFile, readFileSync(demo.kubeconfigPath, 'utf8'));
  kubeconfigs = [cp.kubeconfigPath, cp.aliceKubeconfigPath, demoFile].join(':');
});

after(async () => {
  killTerminals();
  await demo?.stop();
  await cp?.stop();
});

function open(args: string): TmuxTerminal {
  return openKx(args, { columns: 180, rows: 30, env: { KUBECONFIG: kubeconfigs } });
}

/** CONTEXT, NAMESPACE and NAME of each row shown. */
function shownRows(screen: string, contexts: string[]): string[] {
  return screen
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cells) => contexts.includes(cells[0]!))
    .map((cells) => cells.slice(0, 3).join(' '))
    .sort();
}

/** `kubectl get deploy -A --context C` as CONTEXT NAMESPACE NAME lines. */
async function kubectlRows(context: string): Promise<string[]> {
  const out = await kubectlOk(['get', 'deploy', '-A', '--context', context, '-o', 'jsonpath={range .items[*]}{.metadata.namespace} {.metadata.name}{"\\n"}{end}'], {
    kubeconfig: context === admin ? cp.kubeconfigPath : join(cp.dir, 'demo'),
  });
  return out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => `${context} ${line}`);
}

test('the real cluster and the demo in one table: each context’s rows as kubectl lists them; scale acts on the real row’s cluster', { timeout: 120_000 }, async () => {
  const t = open(`deploy -A --context ${admin},kx-demo`);
  await t.waitFor(new RegExp(`deployments \\(all namespaces\\) @${admin},kx-demo\\s+● ${admin} live · kx-demo live`), 60_000);
  const expected = [...(await kubectlRows(admin)), ...(await kubectlRows('kx-demo'))].sort();
  assert.ok(expected.includes(`${admin} team-b web`) && expected.some((r) => r.startsWith('kx-demo ')), expected.join('\n'));
  await t.waitFor((s) => shownRows(s, [admin, 'kx-demo']).join('\n') === expected.join('\n'), 30_000);

  // The real cluster's web in default: scale it from 1 to 3 through the dialog, which names its context.
  await filterTo(t, 'web');
  await t.waitFor(/● \S+ live · kx-demo live\s+\d+ of/);
  // Which web comes first depends on the sort, and the cursor keeps the row index it had before
  // the filter: go to the top, ask the dialog, and move down until it names default's on the real cluster.
  t.send('g');
  let screen = '';
  for (let i = 0; i < 5; i++) {
    t.send('s');
    screen = await t.waitFor(/Scale deployment\.apps\/\S+ in namespace \S+ on context \S+/);
    if (/web in namespace default on context admin@kx-e2e/.test(screen)) break;
    t.send('Escape');
    await t.waitFor((s) => !/Scale deployment/.test(s));
    t.send('j');
  }
  assert.match(screen, /Scale deployment\.apps\/web in namespace default on context admin@kx-e2e/);
  await t.waitFor(/Current replicas: 1/);
  t.type('3');
  t.send('Enter');
  await t.waitFor((s) => !/Scale deployment/.test(s));
  assert.equal((await onCluster(['get', 'deploy', 'web', '-n', 'default', '-o', 'jsonpath={.spec.replicas}'])).trim(), '3');
  assert.equal((await onCluster(['get', 'deploy', 'web', '-n', 'team-b', '-o', 'jsonpath={.spec.replicas}'])).trim(), '1', 'team-b’s web is untouched');
  t.kill();
});

test('alice’s context asks alice’s RBAC at the key; the admin’s context in the same table may act', { timeout: 120_000 }, async () => {
  const t = open(`deploy -n team-b --context ${alice},${admin}`);
  await t.waitFor(new RegExp(`● ${alice} live · ${admin} live\\s+2\\b`), 60_000);
  // Both rows are team-b/web. The cursor stays on the row it was on when the other context's
  // arrived (it follows the object), so start from the top and try each row.
  t.send('g');
  await new Promise((r) => setTimeout(r, 300));
  const refused = /You may not delete deployments in namespace team-b in context alice@kx-e2e \(RBAC\)/;
  const asked = /Delete deployment\.apps\/web in namespace team-b on context admin@kx-e2e\?/;
  const seen = { refused: false, asked: false };
  for (let row = 0; row < 2; row++) {
    if (row === 1) t.send('j');
    t.send('C-d');
    const screen = await t.waitFor((s) => refused.test(s) || asked.test(s));
    if (asked.test(screen)) {
      seen.asked = true;
      t.send('n');
      await t.waitFor((s) => !asked.test(s));
    } else {
      seen.refused = true;
      // The refusal is a flash on the status line; let it go before the next key's answer is read.
      await t.waitFor((s) => !refused.test(s), 15_000);
    }
  }
  assert.deepEqual(seen, { refused: true, asked: true }, "alice's row was refused by RBAC and the admin's asked");
  assert.equal((await onCluster(['get', 'deploy', 'web', '-n', 'team-b', '-o', 'name'])).trim(), 'deployment.apps/web');
  t.kill();
});

test('the demo stopped mid-view: its state says so, the real cluster stays live and streams a new deployment', { timeout: 150_000 }, async () => {
  const t = open(`deploy -A --context ${admin},kx-demo`);
  await t.waitFor(new RegExp(`● ${admin} live · kx-demo live`), 60_000);
  await demo.stop();
  await t.waitFor(new RegExp(`● ${admin} live · kx-demo reconnecting for \\d+ s: `), 60_000);
  await onCluster(['create', '-f', '-'], deployment('after-stop', 'default', 0));
  const screen = await t.waitFor((s) => shownRows(s, [admin, 'kx-demo']).includes(`${admin} default after-stop`), 30_000);
  // The stopped cluster's last rows stay, as for one context that lost its connection.
  assert.ok(shownRows(screen, [admin, 'kx-demo']).some((r) => r.startsWith('kx-demo ')));
  t.kill();
});
