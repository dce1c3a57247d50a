/**
 * The containers view in a real terminal against the demo, with kubectl as the oracle: Enter on a
 * pod lists one row per container (the api pods have an init container, a native sidecar and a
 * main container), `l` on a container row follows that container's log alone, Esc comes back to
 * the pods with the cursor on the pod, and `s` on a pod with several containers asks which.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { kubectlFor } from '../support/kubectl.ts';
import { filterTo, killTerminals, openKx } from '../support/tmux-terminal.ts';

let demo: DemoCluster;
let dir: string;
const kubectl = kubectlFor(() => demo.kubeconfigPath).ok;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-containers-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
});

after(async () => {
  killTerminals();
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

const open = (args: string) => openKx(args, { kubeconfig: demo.kubeconfigPath, columns: 160, rows: 40, env: { XDG_STATE_HOME: join(dir, 'state') } });

interface PodJson {
  spec: { initContainers?: { name: string; image: string; restartPolicy?: string }[]; containers: { name: string; image: string }[] };
  status: { initContainerStatuses?: StatusJson[]; containerStatuses?: StatusJson[] };
}
interface StatusJson {
  name: string;
  ready: boolean;
  state: Record<string, unknown>;
}

/** NAME TYPE IMAGE READY STATE of each container row on screen. */
function containerRowsOnScreen(screen: string): string[][] {
  const lines = screen.split('\n');
  const heading = lines.findIndex((l) => /^\s*NAME\s+TYPE\s+IMAGE\s+READY\s+STATE/.test(l));
  assert.ok(heading >= 0, `a containers table on screen:\n${screen}`);
  return lines
    .slice(heading + 1, -1)
    .map((l) => l.trim().split(/\s+/).slice(0, 5))
    .filter((cells) => cells.length === 5 && /^(init|sidecar|main|ephemeral)$/.test(cells[1]!));
}

test('Enter on a pod lists its containers as kubectl has them; l follows one; Esc returns to the pod; s asks which container', async () => {
  const t = open('-n shop');
  await t.waitFor(/pods \(shop\)\s+● live/);
  const names = (await kubectl('get', 'pods', '-n', 'shop', '-l', 'app=api', '-o', 'jsonpath={.items[*].metadata.name}')).trim().split(' ').sort();
  assert.ok(names.length >= 2, 'the demo runs several api pods');
  await filterTo(t, 'api-');
  await t.waitFor(new RegExp(`● live\\s+${names.length} of`));
  // The second api pod, so coming back must put the cursor there and not on the first row.
  t.send('j');
  t.send('Enter');
  const title = await t.waitFor(/containers of pod (api-\S+) \(shop\)\s+● live\s+\d+/);
  const pod = /containers of pod (api-\S+) /.exec(title)![1]!;
  assert.equal(pod, names[1]);

  const json = JSON.parse(await kubectl('get', 'pod', '-n', 'shop', pod, '-o', 'json')) as PodJson;
  const statuses = [...(json.status.initContainerStatuses ?? []), ...(json.status.containerStatuses ?? [])];
  const stateOf = (name: string): string => {
    const s = statuses.find((x) => x.name === name)!;
    return Object.keys(s.state)[0]!.replace(/^./, (c) => c.toUpperCase());
  };
  const want = [
    ...(json.spec.initContainers ?? []).map((c) => [c.name, c.restartPolicy === 'Always' ? 'sidecar' : 'init', c.image]),
    ...json.spec.containers.map((c) => [c.name, 'main', c.image]),
  ].map(([name, type, image]) => [name!, type!, image!, String(statuses.find((s) => s.name === name)!.ready), stateOf(name!)]);
  assert.deepEqual(
    want.map((r) => r[1]),
    ['init', 'sidecar', 'main'],
    'the demo api pod: an init container, a native sidecar, a main container',
  );
  const screen = await t.waitFor((s) => containerRowsOnScreen(s).length === want.length);
  assert.deepEqual(containerRowsOnScreen(screen), want);

  // l on the main container: its log alone (kubectl logs -c is the oracle).
  const main = json.spec.containers[0]!.name;
  const sidecar = json.spec.initContainers!.find((c) => c.restartPolicy === 'Always')!.name;
  t.send('G');
  t.send('l');
  await t.waitFor(new RegExp(`logs pod/${pod} \\(shop\\)\\s+following · container ${main} ·`));
  const mainTail = (await kubectl('logs', '-n', 'shop', pod, '-c', main, '--tail=3')).trim().split('\n');
  const logs = await t.waitFor((s) => s.includes(mainTail[0]!), 15_000);
  const sidecarLines = new Set((await kubectl('logs', '-n', 'shop', pod, '-c', sidecar, '--tail=200')).trim().split('\n'));
  const shown = logs.split('\n').slice(1, -1);
  assert.ok(shown.length > 3, logs);
  assert.deepEqual(
    shown.filter((l) => sidecarLines.has(l.trimEnd())),
    [],
    `no ${sidecar} line among ${main}'s`,
  );

  // Esc closes the logs, Esc again goes back to the pods, on the same pod: Enter opens it again.
  t.send('Escape');
  await t.waitFor(new RegExp(`containers of pod ${pod} \\(shop\\)`));
  t.send('Escape');
  await t.waitFor(new RegExp(`pods \\(shop\\)\\s+● live\\s+${names.length} of`));
  t.send('Enter');
  await t.waitFor(new RegExp(`containers of pod ${pod} \\(shop\\)`));
  t.send('Escape');
  await t.waitFor(/pods \(shop\)\s+● live/);

  // s on the pod: a picker listing the containers a shell can go into, kubectl's default marked.
  t.send('s');
  const picker = await t.waitFor(/which container\?/);
  assert.match(picker, new RegExp(`shell into pod ${pod}: which container\\?`));
  const listed = picker
    .split('\n')
    .filter((l) => /^[* ] \S+\s*$/.test(l))
    .map((l) => l.trim());
  assert.deepEqual(listed, [`* ${main}`, sidecar]);
  t.send('j');
  t.send('Enter');
  await t.waitFor(new RegExp(`kx: shell in shop/${pod} \\(container ${sidecar}\\)`), 15_000);
  await t.waitFor(/[#$]\s*$/m, 15_000);
  t.type('exit\r');
  await t.waitFor(new RegExp(`in ${pod}/${sidecar} exited with status 0`), 15_000);
  t.send('q');
  assert.match(await t.waitFor(/kx exited with \d+/), /kx exited with 0/);
});

test('s on a pod with one container goes straight in', async () => {
  const t = open('-n shop');
  await t.waitFor(/pods \(shop\)\s+● live/);
  const pod = (await kubectl('get', 'pods', '-n', 'shop', '-l', 'app=frontend', '-o', 'jsonpath={.items[0].metadata.name}')).trim();
  await filterTo(t, pod);
  await t.waitFor(/● live\s+1 of/);
  t.send('s');
  const screen = await t.waitFor(/kx: shell in shop\/\S+ \(container \S+\)|which container\?/, 15_000);
  assert.doesNotMatch(screen, /which container\?/);
  await t.waitFor(/[#$]\s*$/m, 15_000);
  t.type('exit\r');
  await t.waitFor(/exited with status 0/, 15_000);
  t.send('q');
  await t.waitFor(/kx exited with 0/);
});
