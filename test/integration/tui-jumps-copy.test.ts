/**
 * The jumps and copies in a real terminal against the demo, with kubectl as the oracle: `o` from a
 * pod lands on its node, `u` on a ConfigMap lists the pods that use it, `n` copies namespace/name,
 * `c` (`C` in logs) copies a pane's text. tmux keeps what OSC 52 sends as its paste buffer.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { kubectlFor } from '../support/kubectl.ts';
import { filterToOne, killTerminals, openKx, type TmuxTerminal } from '../support/tmux-terminal.ts';

let demo: DemoCluster;
let dir: string;
const kubectl = kubectlFor(() => demo.kubeconfigPath).ok;

/** Pods that use frontend-config in three ways (projected volume; a Deployment's configMap volume and env), and one that uses another map. */
const objects = `
apiVersion: v1
kind: Pod
metadata: {name: cm-projected, namespace: shop}
spec:
  containers: [{name: app, image: nginx}]
  volumes: [{name: all, projected: {sources: [{configMap: {name: frontend-config}}]}}]
---
apiVersion: v1
kind: Pod
metadata: {name: cm-other, namespace: shop}
spec:
  containers: [{name: app, image: nginx, envFrom: [{configMapRef: {name: api-config}}]}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: cm-users, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: cm-users}}
  template:
    metadata: {labels: {app: cm-users}}
    spec:
      containers: [{name: app, image: nginx, env: [{name: FLAGS, valueFrom: {configMapKeyRef: {name: frontend-config, key: FEATURE_FLAGS}}}]}]
      volumes: [{name: conf, configMap: {name: frontend-config}}]
`;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-jumps-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
  writeFileSync(join(dir, 'objects.yaml'), objects);
  await kubectl('create', '--validate=false', '-f', join(dir, 'objects.yaml'));
});

after(async () => {
  killTerminals();
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

function open(args: string): TmuxTerminal {
  const t = openKx(args, { kubeconfig: demo.kubeconfigPath, columns: 160, rows: 40, env: { XDG_STATE_HOME: join(dir, 'state') } });
  // tmux takes OSC 52 from programs only with set-clipboard on (its default, external, ignores
  // them); a server option, so set once the session has started the server.
  execFileSync('tmux', ['set-option', '-s', 'set-clipboard', 'on']);
  return t;
}
const clipboard = (): string => execFileSync('tmux', ['show-buffer'], { encoding: 'utf8' });

/** The NAME cells of the table on screen (the first column after the heading line). */
function namesOnScreen(screen: string): string[] {
  const lines = screen.split('\n');
  const heading = lines.findIndex((l) => /^\s*NAME\s+READY\s+STATUS/.test(l));
  assert.ok(heading >= 0, `a pods table on screen:\n${screen}`);
  return lines
    .slice(heading + 1, -1)
    .map((l) => /^\s*(\S+)\s+\d+\/\d+\s/.exec(l)?.[1])
    .filter((n): n is string => n !== undefined);
}

/** The pods kubectl shows referencing ConfigMap `name` (volumes, projected sources, env, envFrom), computed from the raw pods. */
async function podsUsingConfigMap(namespace: string, name: string): Promise<string[]> {
  type Spec = {
    volumes?: { configMap?: { name: string }; projected?: { sources?: { configMap?: { name: string } }[] } }[];
    containers: { env?: { valueFrom?: { configMapKeyRef?: { name: string } } }[]; envFrom?: { configMapRef?: { name: string } }[] }[];
    initContainers?: Spec['containers'];
  };
  const list = JSON.parse(await kubectl('get', 'pods', '-n', namespace, '-o', 'json')) as { items: { metadata: { name: string }; spec: Spec }[] };
  const uses = (spec: Spec): boolean =>
    (spec.volumes ?? []).some((v) => v.configMap?.name === name || (v.projected?.sources ?? []).some((s) => s.configMap?.name === name)) ||
    [...spec.containers, ...(spec.initContainers ?? [])].some(
      (c) => (c.env ?? []).some((e) => e.valueFrom?.configMapKeyRef?.name === name) || (c.envFrom ?? []).some((e) => e.configMapRef?.name === name),
    );
  return list.items
    .filter((p) => uses(p.spec))
    .map((p) => p.metadata.name)
    .sort();
}

test('u on a ConfigMap lists exactly the pods kubectl shows using it', async () => {
  const expected = await podsUsingConfigMap('shop', 'frontend-config');
  assert.equal(expected.length, 3, `the projected pod and the Deployment's two: ${expected.join(', ')}`);
  const t = open('cm -n shop');
  await t.waitFor(/configmaps \(shop\)\s+● live/);
  await filterToOne(t, 'frontend-config');
  t.send('u');
  await t.waitFor(/pods using configmap frontend-config \(shop\)\s+● live/);
  const screen = await t.waitFor((s) => namesOnScreen(s).length === expected.length);
  assert.deepEqual(namesOnScreen(screen).sort(), expected);
  // And back: esc returns to the ConfigMaps.
  t.send('Escape');
  await t.waitFor(/configmaps \(shop\)/);
});

test('o on a pod lands on its node: describe names the node kubectl gives as the pod’s', async () => {
  const node = (await kubectl('get', 'pod', '-n', 'shop', 'cm-projected', '-o', 'jsonpath={.spec.nodeName}')).trim();
  const nodes = (await kubectl('get', 'nodes', '-o', 'jsonpath={.items[*].metadata.name}')).trim().split(' ').sort();
  assert.notEqual(nodes[0], node, 'the node is not the first row, so the cursor has to move there');
  const t = open('po -n shop');
  await t.waitFor(/pods \(shop\)\s+● live/);
  await filterToOne(t, 'cm-projected');
  t.send('o');
  await t.waitFor(/nodes\s+● live/);
  t.send('d');
  const described = await t.waitFor(/Describe Node (\S+)/);
  assert.equal(/Describe Node (\S+)/.exec(described)![1], node);
});

test('n copies namespace/name of the selected object', async () => {
  const t = open('po -n shop');
  await t.waitFor(/pods \(shop\)\s+● live/);
  await filterToOne(t, 'cm-other');
  t.send('n');
  await t.waitFor(/Copied shop\/cm-other to the clipboard/);
  assert.equal(clipboard(), 'shop/cm-other');
});

test('c in describe copies the lines on screen; C in logs copies the line a search found, while c still picks a container', async () => {
  const t = open('po -n shop');
  await t.waitFor(/pods \(shop\)\s+● live/);
  await filterToOne(t, 'cm-other');
  t.send('d');
  await t.waitFor(/Name:\s+cm-other/);
  t.send('c');
  const screen = await t.waitFor(/Copied \d+ lines to the clipboard/);
  const copied = clipboard().split('\n');
  assert.match(copied[0]!, /^Name:\s+cm-other$/);
  const shown = screen.split('\n').map((l) => l.trimEnd());
  for (const line of copied) assert.ok(shown.includes(line.trimEnd()), `"${line}" is on screen`);
  assert.equal(copied.length, Number(/Copied (\d+) lines/.exec(screen)![1]));
  t.send('Escape');
  await t.waitFor(/pods \(shop\)\s+● live/);

  t.send('l');
  await t.waitFor(/logs pod\/cm-other \(shop\)\s+following/);
  const logged = (await kubectl('logs', '-n', 'shop', 'cm-other', '--tail=20')).trim().split('\n');
  const target = logged.at(-3)!;
  await t.waitFor((s) => s.includes(target.slice(0, 40)), 15_000);
  // Its time of day is on that line only (the demo writes one line a second).
  const word = /\d\d:\d\d:\d\d/.exec(target)![0];
  // In the logs pane the search prompt sits above the hints, not on the last line.
  t.type('/');
  await t.waitFor((s) => s.split('\n').some((l) => l.trim() === '/'));
  await new Promise((r) => setTimeout(r, 200));
  t.type(word);
  t.send('Enter');
  await t.waitFor(new RegExp(`/${word} · n/N`));
  t.send('C');
  await t.waitFor(/Copied the matching line to the clipboard/);
  const line = clipboard();
  assert.ok(line.includes(word), `the copied line has the time searched for: ${line}`);
  const all = (await kubectl('logs', '-n', 'shop', 'cm-other')).split('\n');
  assert.ok(all.includes(line), `kubectl logs prints the copied line: ${line}`);
  t.send('c');
  await t.waitFor(/· container app ·/);
});
