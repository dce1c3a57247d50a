/**
 * The explorer driven by keys in a real terminal (tmux) against the demo cluster: command mode,
 * drill-down along the controller pattern, filters, sort, owner jumps, history, namespaces, and
 * small or resized terminals. kubectl, a second client, says what must be on screen.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { killTerminals, openKx, prompt, type TmuxTerminal } from '../support/tmux-terminal.ts';
import { kubectlFor } from '../support/kubectl.ts';

let demo: DemoCluster;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-explorer-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
});

after(async () => {
  killTerminals();
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

const open = (args: string, size = { columns: 150, rows: 30 }) => openKx(args, { kubeconfig: demo.kubeconfigPath, ...size, env: { KX_CONFIG_DIR: join(dir, 'no-config') } });

const kubectl = kubectlFor(() => demo.kubeconfigPath).ok;

/** Names of objects of `resource` in `namespace` whose controller owner is named `owner`. */
async function ownedBy(resource: string, namespace: string, owner: string): Promise<string[]> {
  const out = await kubectl('get', resource, '-n', namespace, '-o', 'jsonpath={range .items[*]}{.metadata.name} {.metadata.ownerReferences[0].name}{"\\n"}{end}');
  return out
    .split('\n')
    .filter((l) => l.endsWith(` ${owner}`))
    .map((l) => l.split(' ')[0]!);
}

/** Ends the filter prompt with Enter, then opens the (only) matching row with Enter. */
async function open1(t: TmuxTerminal): Promise<void> {
  t.send('Enter');
  await t.waitFor(/● live\s+1(?: of \d+)?\b/);
  await t.waitFor((s) => /^\/\S+\s+\(/m.test(s.trimEnd().split('\n').at(-1)!));
  t.send('Enter');
}

async function quit(t: TmuxTerminal): Promise<void> {
  t.send('q');
  assert.match(await t.waitFor(/kx exited with \d+/), /kx exited with 0/);
}

test(':deploy → enter → its ReplicaSets → enter → their pods → / filter → esc, then back and forward', async () => {
  const t = open('-n shop');
  await t.waitFor(/pods \(shop\)\s+● live\s+\d+/);
  await prompt(t, ':', 'deploy');
  t.send('Enter');
  await t.waitFor(/deployments \(shop\)\s+● live\s+4\b/);

  await prompt(t, '/', 'frontend');
  t.send('Enter');
  await t.waitFor(/deployments \(shop\)\s+● live\s+1 of 4\b/);
  t.send('Enter');
  const replicaSets = await ownedBy('replicasets', 'shop', 'frontend');
  assert.ok(replicaSets.length > 0, 'kubectl sees the deployment’s replicasets');
  let screen = await t.waitFor(new RegExp(`replicasets of deployment frontend \\(shop\\)\\s+● live\\s+${replicaSets.length}\\b`));
  for (const name of replicaSets) assert.match(screen, new RegExp(`^${name}\\s`, 'm'));

  // The current ReplicaSet (the one with pods) is the one to open.
  const withPods = [];
  for (const rs of replicaSets) if ((await ownedBy('pods', 'shop', rs)).length > 0) withPods.push(rs);
  const current = withPods[0]!;
  await prompt(t, '/', current);
  t.send('Enter');
  await t.waitFor(/replicasets of deployment frontend \(shop\)\s+● live\s+1 of/);
  t.send('Enter');
  const pods = await ownedBy('pods', 'shop', current);
  screen = await t.waitFor(new RegExp(`pods of replicaset ${current} \\(shop\\)\\s+● live\\s+${pods.length}\\b`));
  for (const name of pods) assert.match(screen, new RegExp(`^${name}\\s+\\d+/\\d+\\s+Running`, 'm'));
  assert.doesNotMatch(screen, /^cart-/m, 'pods of other owners are not listed');

  const last = pods[pods.length - 1]!;
  await prompt(t, '/', last.slice(-5));
  screen = await t.waitFor(new RegExp(`● live\\s+1 of ${pods.length}\\b`));
  assert.match(screen, new RegExp(`^${last}\\s`, 'm'));
  t.send('Escape');
  await t.waitFor(new RegExp(`pods of replicaset ${current} \\(shop\\)\\s+● live\\s+${pods.length}\\b`));

  // Back: the ReplicaSets view as it was (its filter kept), then the deployments; forward again.
  t.send('[');
  await t.waitFor(/replicasets of deployment frontend \(shop\)\s+● live\s+1 of/);
  t.send('[');
  await t.waitFor(/deployments \(shop\)\s+● live\s+1 of 4\b/);
  t.send(']');
  await t.waitFor(/replicasets of deployment frontend/);
  await quit(t);
});

test('services, nodes, cronjobs and CRDs drill down to what they select, own or define', async () => {
  const t = open('-A');
  await t.waitFor(/pods \(all namespaces\)\s+● live\s+\d+/);

  await prompt(t, ':', 'svc shop');
  t.send('Enter');
  await t.waitFor(/services \(shop\)\s+● live/);
  await prompt(t, '/', 'cart');
  await open1(t);
  const selected = (await kubectl('get', 'pods', '-n', 'shop', '-l', 'app=cart', '-o', 'name')).split('\n').filter(Boolean);
  let screen = await t.waitFor(new RegExp(`pods of service cart \\(shop\\)\\s+● live\\s+${selected.length}\\b`));
  for (const name of selected) assert.match(screen, new RegExp(`^${name.replace('pod/', '')}\\s`, 'm'));

  await prompt(t, ':', 'no');
  t.send('Enter');
  await t.waitFor(/^nodes\s+● live/m);
  await prompt(t, '/', 'kx-worker2');
  await open1(t);
  const onNode = (await kubectl('get', 'pods', '-A', '--field-selector', 'spec.nodeName=kx-worker2', '-o', 'name')).split('\n').filter(Boolean);
  screen = await t.waitFor(new RegExp(`pods of node kx-worker2 \\(all namespaces\\)\\s+● live\\s+${onNode.length}\\b`));
  assert.match(screen, /^NAMESPACE\s+NAME/m);

  await prompt(t, ':', 'cj batch');
  t.send('Enter');
  await t.waitFor(/cronjobs \(batch\)\s+● live\s+2\b/);
  await prompt(t, '/', 'heartbeat');
  await open1(t);
  screen = await t.waitFor(/pods of cronjob heartbeat \(batch\)\s+● live\s+[1-9]/);
  assert.match(screen, /^heartbeat-\d+-\w+\s+0\/1\s+Completed/m);

  await prompt(t, ':', 'crd');
  t.send('Enter');
  await t.waitFor(/customresourcedefinitions\s+● live/);
  await prompt(t, '/', 'crontabs');
  await open1(t);
  const crontabs = (await kubectl('get', 'crontabs', '-n', 'batch', '-o', 'name')).split('\n').filter(Boolean);
  screen = await t.waitFor(/crontabs \((?:batch|all namespaces)\)\s+● live\s+\d+/);
  for (const name of crontabs) assert.match(screen, new RegExp(`\\s${name.split('/')[1]}\\s`));
  await quit(t);
});

test('sort keys reorder rows and keep the cursor on its object; J jumps to the owner; x shows the owner tree', async () => {
  const t = open('deploy -n shop');
  await t.waitFor(/deployments \(shop\)\s+● live\s+4\b/);
  t.send('N');
  let screen = await t.waitFor(/NAME↑/);
  assert.match(screen, /^api\s[\s\S]*^cart\s[\s\S]*^frontend\s[\s\S]*^legacy-reports\s/m);
  t.send('N');
  screen = await t.waitFor(/NAME↓/);
  assert.match(screen, /^legacy-reports\s[\s\S]*^frontend\s[\s\S]*^cart\s[\s\S]*^api\s/m);

  // The cursor is on legacy-reports (first row); sorting by name ascending puts it last, still selected.
  t.send('N');
  await t.waitFor(/NAME↑/);
  await prompt(t, ':', 'po');
  t.send('Enter');
  await t.waitFor(/pods \(shop\)\s+● live/);
  await prompt(t, '/', 'frontend');
  t.send('Enter');
  await t.waitFor(/pods \(shop\)\s+● live\s+3 of/);
  t.send('J');
  // Each view's rows in (its stream may be new), so the cursor can settle on the owner.
  await t.waitFor(/replicasets \(shop\)\s+● live\s+[1-9]/);
  t.send('J');
  await t.waitFor(/^deployments \(shop\)\s+● live\s+4\b/m);
  t.send('x');
  // The tree fills in as the ReplicaSets and pods of the namespace stream in.
  screen = await t.waitFor(/└─ Pod frontend-\w+-\w+\s+status Running/);
  assert.match(screen, /owner tree · \d+ objects/);
  assert.match(screen, /^Deployment frontend\s/m);
  assert.match(screen, /└─ ReplicaSet frontend-\w+/);
  assert.match(screen, /└─ Pod frontend-\w+-\w+\s+status Running/);
  t.send('Escape');
  await t.waitFor(/^deployments \(shop\)\s+● live/m);
  await quit(t);
});

test(':ns switches namespace, 0 toggles all namespaces, unknown commands suggest, -l asks the server', async () => {
  const t = open('-n shop');
  await t.waitFor(/pods \(shop\)\s+● live/);
  await prompt(t, ':', 'ns payments');
  t.send('Enter');
  let screen = await t.waitFor(/pods \(payments\)\s+● live/);
  assert.match(screen, /Namespace: payments/);
  t.send('0');
  screen = await t.waitFor(/pods \(all namespaces\)\s+● live/);
  assert.match(screen, /Namespace: all/);
  t.send('0');
  await t.waitFor(/pods \(payments\)\s+● live/);

  await prompt(t, ':', 'deplyo');
  t.send('Enter');
  screen = await t.waitFor(/did you mean/i);
  assert.match(screen, /:deploy/);
  t.send('Escape');
  await t.waitFor(/\? help/);

  await prompt(t, '/', '-l app=ledger');
  t.send('Enter');
  const ledger = (await kubectl('get', 'pods', '-n', 'payments', '-l', 'app=ledger', '-o', 'name')).split('\n').filter(Boolean);
  screen = await t.waitFor(new RegExp(`pods \\(payments\\)\\s+● live\\s+${ledger.length}\\b`));
  assert.match(screen, /label selector, applied by the server/);
  for (const name of ledger) assert.match(screen, new RegExp(`^${name.replace('pod/', '')}\\s`, 'm'));
  assert.doesNotMatch(screen, /^postgres-/m);
  await quit(t);
});

test('a terminal below 80×24 still draws; too small says so; resizing back re-lays out', async () => {
  const t = open('-n shop', { columns: 60, rows: 14 });
  const screen = await t.waitFor(/pods \(shop\)\s+● live/);
  assert.match(screen, /^NAME\s+READY\s+STATUS/m);
  t.resize(30, 6);
  await t.waitFor(/too small: 30×6/);
  t.resize(150, 30);
  await t.waitFor(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE/m);
  assert.ok(t.alive());
  await quit(t);
});

test(':ctx opens the context picker; enter switches context, and the header and rows follow', async () => {
  // A second context on the same demo cluster, defaulting to another namespace.
  await kubectl('config', 'set-context', 'second', '--cluster=kx-demo', '--user=kx-demo', '--namespace=payments');
  try {
    const t = open('');
    await t.waitFor(/Context: kx-demo\b[\s\S]*● live/);
    await prompt(t, ':', 'ctx');
    t.send('Enter');
    let screen = await t.waitFor(/contexts \(2\)/);
    assert.match(screen, /^\* kx-demo\s/m, 'the current context is marked');
    assert.match(screen, /^ {2}second\s+kx-demo\s+kx-demo\s+payments/m);
    t.send('j');
    t.send('Enter');
    screen = await t.waitFor(/Context: second\b[\s\S]*pods \(payments\)\s+● live\s+[1-9]/);
    assert.match(screen, /Namespace: payments/);
    assert.match(screen, /^ledger-\S+\s+1\/1\s+Running/m);
    await prompt(t, ':', 'ctx kx-demo');
    t.send('Enter');
    await t.waitFor(/Context: kx-demo\b/);
    await quit(t);
  } finally {
    await kubectl('config', 'delete-context', 'second');
  }
});

test('--readonly hides every action that changes the cluster and refuses their keys', async () => {
  const t = open('--readonly deploy -n shop');
  let screen = await t.waitFor(/deployments \(shop\)\s+● live\s+4\b/);
  const hints = screen.trimEnd().split('\n').at(-1)!;
  assert.match(hints, /d describe/);
  assert.doesNotMatch(hints, /delete|scale|shell/);
  t.send('C-d');
  screen = await t.waitFor(/read-only/);
  assert.match(screen, /deployments \(shop\)\s+● live\s+4\b/, 'nothing was deleted');
  await quit(t);
});

test('keys.yaml overrides a key; a bad line is named and that action keeps its default', async () => {
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const config = join(dir, 'keys-config');
  mkdirSync(config, { recursive: true });
  writeFileSync(join(config, 'keys.yaml'), 'keys:\n  describe: D\n  logs: [ctrl-nope]\n');
  const t = openKx('-n shop', {
    kubeconfig: demo.kubeconfigPath,
    columns: 200,
    rows: 20,
    env: { KX_CONFIG_DIR: config },
  });
  await t.waitFor(/pods \(shop\)\s+● live/);
  // The problem is said once the explorer is up, which may be a frame after the rows arrive.
  const screen = await t.waitFor(/keys\.yaml.*line 3/, 5000);
  const hints = screen.trimEnd().split('\n').at(-1)!;
  assert.match(hints, /D describe/);
  assert.match(hints, /l logs/, 'the bad override leaves logs on its default key');
  await quit(t);
});

test('config.yaml makes a context read-only: mutating hints go and their keys say why', async () => {
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const config = join(dir, 'readonly-config');
  mkdirSync(config, { recursive: true });
  writeFileSync(join(config, 'config.yaml'), 'contexts:\n  kx-demo:\n    readonly: true\n');
  const t = openKx('deploy -n shop', {
    kubeconfig: demo.kubeconfigPath,
    columns: 200,
    rows: 20,
    env: { KX_CONFIG_DIR: config },
  });
  const screen = await t.waitFor(/deployments \(shop\)\s+● live\s+4\b/);
  const hints = screen.trimEnd().split('\n').at(-1)!;
  assert.match(hints, /d describe/);
  assert.doesNotMatch(hints, /delete|scale/);
  t.send('C-d');
  await t.waitFor(/read-only here \(context kx-demo in config\.yaml\)/);
  await quit(t);
});

test('keys typed right after : or / reach the prompt, even before it is drawn', async () => {
  const t = open('-n shop');
  await t.waitFor(/pods \(shop\)\s+● live\s+\d+/);
  // No pause between the key that opens the prompt and the text: a fast typist, or a paste.
  t.type('/');
  t.type('redis');
  const screen = await t.waitFor(/^\/redis/m, 10_000);
  assert.match(screen, /^redis-0\s/m);
  assert.doesNotMatch(screen, /^cart-/m, 'the filter applies');
  t.send('Escape');
  await t.waitFor((s) => !/\/redis/.test(s));
  // Esc followed at once by another key reads as alt+key (Ink's parser): a person's pause.
  await new Promise((r) => setTimeout(r, 150));
  t.type(':');
  t.type('deploy');
  t.send('Enter');
  await t.waitFor(/deployments \(shop\)\s+● live/);
  await quit(t);
});
