/**
 * k9s's namespace favourites, `-` and ctrl-s in a real terminal against the demo, with kubectl as
 * the oracle: 2 goes back to the namespace used before, `-` to the view before, the header lists
 * the recent namespaces (kept for the next run), and ctrl-s writes the view's rows as CSV.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { kubectlFor } from '../support/kubectl.ts';
import { killTerminals, openKx, prompt, type TmuxTerminal } from '../support/tmux-terminal.ts';

let demo: DemoCluster;
let dir: string;
const kubectl = kubectlFor(() => demo.kubeconfigPath).ok;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-favs-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
});

after(async () => {
  killTerminals();
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

const state = (): string => join(dir, 'state');
const open = (args: string): TmuxTerminal => openKx(args, { kubeconfig: demo.kubeconfigPath, columns: 160, rows: 40, env: { XDG_STATE_HOME: state() } });

/** The records of a CSV file kx wrote (no field of these tables holds a comma, quote or line break). */
function csvRecords(path: string): string[][] {
  const text = readFileSync(path, 'utf8');
  assert.ok(text.endsWith('\r\n'), 'records end with CRLF');
  return text
    .slice(0, -2)
    .split('\r\n')
    .map((line) => line.split(','));
}

/** Presses ctrl-s and returns the records of the file it names (the one new file in the dumps folder). */
async function saveTable(t: TmuxTerminal, before: readonly string[]): Promise<string[][]> {
  t.send('C-s');
  await t.waitFor(/Saved \d+ rows to /);
  const dumps = join(state(), 'kx', 'dumps');
  const added = readdirSync(dumps).filter((f) => !before.includes(f));
  assert.equal(added.length, 1, `one new file: ${added.join(', ')}`);
  return csvRecords(join(dumps, added[0]!));
}

/** The names kubectl lists for `resource` in `namespace`, sorted. */
async function kubectlNames(resource: string, namespace: string): Promise<string[]> {
  const out = await kubectl('get', resource, '-n', namespace, '-o', 'jsonpath={.items[*].metadata.name}');
  return out.trim().split(/\s+/).sort();
}

test('2 returns to the namespace before, - to the view before, and ctrl-s saves the rows kubectl lists', async () => {
  const t = open('po -n payments');
  await t.waitFor(/pods \(payments\)\s+● live/);
  await t.waitFor(/<0> all <1> payments(?!\s+<2>)/);
  await prompt(t, ':', 'ns shop');
  t.send('Enter');
  await t.waitFor(/pods \(shop\)\s+● live/);
  await t.waitFor(/<0> all <1> shop <2> payments/);

  t.send('2');
  await t.waitFor(/pods \(payments\)\s+● live/);
  await t.waitFor(/Namespace: payments .*<0> all <1> payments <2> shop/);

  await prompt(t, ':', 'deploy');
  t.send('Enter');
  await t.waitFor(/deployments \(payments\)\s+● live/);
  t.send('-');
  await t.waitFor(/pods \(payments\)\s+● live/);
  t.send('-');
  await t.waitFor(/deployments \(payments\)\s+● live/);
  t.send('-');
  await t.waitFor(/pods \(payments\)\s+● live/);

  const records = await saveTable(t, []);
  const heading = records[0]!;
  assert.deepEqual(heading.slice(0, 3), ['NAME', 'READY', 'STATUS'], 'the columns on screen: no NAMESPACE in one namespace');
  const names = records.slice(1).map((r) => r[heading.indexOf('NAME')]!);
  assert.deepEqual([...names].sort(), await kubectlNames('pods', 'payments'));
  assert.deepEqual(names, [...names].sort(), 'in the table’s order: by name');

  // The list outlives the run: a new kx on every namespace shows it.
  t.send('q');
  await t.waitFor(/kx exited with 0/);
  const again = open('po -A');
  await again.waitFor(/pods \(all namespaces\)\s+● live/);
  await again.waitFor(/<0> all <1> payments <2> shop/);
  again.send('1');
  await again.waitFor(/pods \(payments\)\s+● live/);
});

test('ctrl-s on secrets saves names and counts, never a value', async () => {
  const t = open('secrets -n shop');
  await t.waitFor(/secrets \(shop\)\s+● live/);
  const before = readdirSync(join(state(), 'kx', 'dumps'));
  const records = await saveTable(t, before);
  assert.deepEqual(records[0], ['NAME', 'TYPE', 'DATA', 'AGE']);
  assert.deepEqual(
    records.slice(1).map((r) => r[0]!),
    await kubectlNames('secrets', 'shop'),
  );
  const text = records.flat().join('\n');
  const secrets = JSON.parse(await kubectl('get', 'secrets', '-n', 'shop', '-o', 'json')) as { items: { data?: Record<string, string> }[] };
  for (const item of secrets.items) {
    for (const value of Object.values(item.data ?? {})) {
      assert.ok(!text.includes(value) && !text.includes(Buffer.from(value, 'base64').toString('utf8')), 'no secret value, encoded or decoded');
    }
  }
});
