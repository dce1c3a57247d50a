/**
 * Several clusters in one table (`kx pods --context prod,staging`, `:po @prod,staging`), in a real
 * terminal over two demo API servers: the CONTEXT cells against `kubectl get pods --context X`,
 * describe on a row of the second context shows that cluster's object, a write action refuses in
 * one sentence, an unknown context is did-you-mean with the view kept, and one server stopped
 * mid-test says so on the status line while the other stays live.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { openDemo, type DemoFixture } from '../support/kube-demo.ts';
import { namespace, pod } from '../support/demo-fixtures.ts';
import { kubectl } from '../support/kubectl.ts';
import { filterTo, lastLine, openKx, prompt, type TmuxTerminal } from '../support/tmux-terminal.ts';

const podsRef = { group: '', plural: 'pods' };
let prod: DemoFixture;
let staging: DemoFixture;
let dir: string;
let kubeconfigs: string;
let t: TmuxTerminal;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-multi-'));
  prod = await openDemo();
  staging = await openDemo();
  // `shared` is in both clusters, with a label that says which; the others are in one only.
  for (const [fixture, name, only] of [
    [prod, 'prod', 'checkout-prod'],
    [staging, 'staging', 'checkout-staging'],
  ] as const) {
    fixture.server.store.create({ group: '', plural: 'namespaces' }, namespace('shop'));
    fixture.server.store.create(podsRef, pod('shop', 'shared', { labels: { cluster: name } }));
    fixture.server.store.create(podsRef, pod('shop', only));
  }
  // One kubeconfig per cluster under its own names, merged by KUBECONFIG as kubectl merges them.
  const files = [
    [prod, 'prod'],
    [staging, 'staging'],
  ].map(([fixture, name]) => {
    const file = join(dir, name as string);
    writeFileSync(file, readFileSync((fixture as DemoFixture).kubeconfig, 'utf8').replaceAll('kx-demo', name as string));
    return file;
  });
  kubeconfigs = files.join(delimiter);
  const state = join(dir, 'state');
  t = openKx('pods -n shop --context prod,staging', {
    columns: 160,
    rows: 30,
    env: { KUBECONFIG: kubeconfigs, XDG_STATE_HOME: state, KX_CONFIG_DIR: join(dir, 'kx'), K9S_CONFIG_DIR: join(dir, 'k9s') },
  });
});

after(async () => {
  t?.kill();
  await prod?.close();
  await staging?.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

/** `kubectl get pods -n shop --context NAME` names (with that context's kubeconfig file), as CONTEXT-tagged lines. */
async function kubectlRows(context: string): Promise<string[]> {
  const out = await kubectl(['get', 'pods', '-n', 'shop', '--context', context, '-o', 'name'], { kubeconfig: join(dir, context) });
  assert.equal(out.code, 0, out.stderr);
  return out.stdout
    .trim()
    .split('\n')
    .map((line) => `${context} ${line.replace('pod/', '')}`);
}

/** CONTEXT and NAME of each table row on the screen. */
function shownRows(screen: string): string[] {
  return screen
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cells) => cells[0] === 'prod' || cells[0] === 'staging')
    .map((cells) => `${cells[0]} ${cells[1]}`)
    .sort();
}

test('one table of both clusters: CONTEXT cells match kubectl --context for each', { timeout: 60_000 }, async () => {
  const screen = await t.waitFor(/pods \(shop\) @prod,staging\s+● prod live · staging live/);
  assert.match(screen, /CONTEXT\s+NAME\s+READY/);
  const expected = [...(await kubectlRows('prod')), ...(await kubectlRows('staging'))].sort();
  assert.deepEqual(expected, ['prod checkout-prod', 'prod shared', 'staging checkout-staging', 'staging shared']);
  await t.waitFor((s) => shownRows(s).join() === expected.join(), 20_000);
});

test('describe, set image and delete on a row of the second context act on that cluster', { timeout: 60_000 }, async () => {
  await filterTo(t, 'shared');
  await t.waitFor(/● prod live · staging live\s+2 of 4/);
  // Unsorted, the rows come context by context: the second `shared` is staging's.
  t.send('j');
  t.send('d');
  const described = await t.waitFor(/cluster=staging/);
  assert.doesNotMatch(described, /cluster=prod/);
  assert.match(described, /Name:\s+shared/);
  t.send('Escape');
  await t.waitFor(/CONTEXT\s+NAME/);
  // Set image acts on the row's own cluster too: its dialog reads staging's pod and writes it.
  t.send('i');
  await t.waitFor(/Set image of pod\/shared in namespace shop on context staging/);
  await t.waitFor(/^\W*▸ \S+ /m);
  t.send('C-u');
  t.type('example.com/staging-only:2');
  await t.waitFor(/→ example\.com\/staging-only:2/);
  t.send('Enter');
  await t.waitFor(/pod\/shared image updated/);
  const images = (fixture: DemoFixture): string[] => ((fixture.server.store.get(podsRef, 'shop', 'shared')?.spec as { containers: { image: string }[] }).containers ?? []).map((c) => c.image);
  assert.deepEqual(images(staging), ['example.com/staging-only:2']);
  assert.notDeepEqual(images(prod), ['example.com/staging-only:2'], "prod's shared keeps its image");
  await t.waitFor(/CONTEXT\s+NAME/);
  // Delete acts on the row's own cluster, and its question names that context.
  t.send('C-d');
  await t.waitFor(/Delete pod\/shared in namespace shop on context staging\?/);
  t.send('y');
  // A graceful delete: staging's pod terminates (this demo has no kubelet to finish it), prod's runs on.
  const after = await t.waitFor(/^staging\s+shared\s+\S+\s+Terminating/m, 20_000);
  assert.match(after, /^prod\s+shared\s+\S+\s+Running/m);
  assert.ok(staging.server.store.get(podsRef, 'shop', 'shared')?.metadata.deletionTimestamp !== undefined, "staging's shared is being deleted");
  assert.equal(prod.server.store.get(podsRef, 'shop', 'shared')?.metadata.deletionTimestamp, undefined, "prod's shared is untouched");
  t.send('Escape');
  await t.waitFor((s) => shownRows(s).length === 4);
});

test('an unknown context is did-you-mean in one sentence, and the view stays', { timeout: 60_000 }, async () => {
  await prompt(t, ':', 'po shop @prod,stagin');
  t.send('Enter');
  await t.waitFor(/There is no context "stagin"; did you mean "staging"\?/);
  t.send('Escape');
  const screen = await t.waitFor((s) => !lastLine(s).startsWith(':') && shownRows(s).length === 4);
  assert.match(screen, /pods \(shop\) @prod,staging/);
  // Typed at the prompt, in the other order: the rows come staging first.
  await prompt(t, ':', 'po shop @staging,prod');
  t.send('Enter');
  const typed = await t.waitFor(/pods \(shop\) @staging,prod\s+● staging live · prod live\s+4\b/);
  assert.deepEqual(shownRows(typed), ['prod checkout-prod', 'prod shared', 'staging checkout-staging', 'staging shared']);
});

test(':ctx with marks: space marks contexts, enter shows the view in them', { timeout: 60_000 }, async () => {
  await prompt(t, ':', 'po shop @prod');
  t.send('Enter');
  await t.waitFor(/Context: prod[\s\S]*pods \(shop\)\s+● live/);
  await prompt(t, ':', 'ctx');
  t.send('Enter');
  await t.waitFor(/contexts \(2\) · enter switches · space marks several/);
  // The cursor starts on the current context (prod); space marks it and moves to staging.
  t.send('Space');
  await t.waitFor(/contexts \(2, 1 marked\)/);
  t.send('Space');
  await t.waitFor(/contexts \(2, 2 marked\)/);
  t.send('Enter');
  const screen = await t.waitFor(/pods \(shop\) @prod,staging\s+● prod live · staging live/);
  assert.match(screen, /CONTEXT\s+NAME/);
});

test('one cluster stopped: its state says so, the other stays live and keeps streaming', { timeout: 90_000 }, async () => {
  await staging.close();
  await t.waitFor(/● prod live · staging reconnecting for \d+ s: /, 60_000);
  prod.server.store.create(podsRef, pod('shop', 'after-stop'));
  const screen = await t.waitFor((s) => shownRows(s).includes('prod after-stop'), 30_000);
  // The stopped cluster's last rows stay, as for one context that lost its connection.
  assert.ok(shownRows(screen).includes('staging checkout-staging'));
});
