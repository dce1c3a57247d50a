/**
 * The `:` command's inline forms and the `/` regex filters, on the demo cluster in a real terminal,
 * each checked against kubectl with the same namespaces and selector: `:po app=redis`,
 * `:po /~REGEX`, `:po ns1,ns2`, `:deploy NS app=…`, `:po @ctx`, `/~REGEX`, `/!~REGEX`, and a
 * regex that does not compile (one sentence, the previous filter kept).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { kubectlFor } from '../support/kubectl.ts';
import { filterTo, lastLine, openKx, prompt, type TmuxTerminal } from '../support/tmux-terminal.ts';

let demo: DemoCluster;
let dir: string;
let t: TmuxTerminal;
const kubectl = kubectlFor(() => demo.kubeconfigPath);

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-inline-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
  // A second context on the same cluster, in another namespace, for `:po @other`.
  await kubectl.ok('config', 'set-context', 'other', '--cluster=kx-demo', '--user=kx-demo', '--namespace=payments');
  t = openKx('pods -n shop', { kubeconfig: demo.kubeconfigPath, columns: 170, rows: 50 });
  await t.waitFor(/pods \(shop\)\s+● live/);
});

after(async () => {
  t?.kill();
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Names kubectl lists for `args` (one `get` per namespace given), sorted. */
async function kubectlNames(resource: string, namespaces: string[], ...args: string[]): Promise<string[]> {
  const out = await Promise.all(namespaces.map((ns) => kubectl.ok('get', resource, '-n', ns, ...args, '-o', 'name')));
  return out
    .join('\n')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.slice(l.indexOf('/') + 1))
    .sort();
}

/** The NAME cells of the table on screen, sorted. */
function screenNames(screen: string): string[] {
  const lines = screen.trimEnd().split('\n');
  const header = lines.findIndex((l) => /\bNAME\b/.test(l) && /\bAGE\b/.test(l));
  const column = lines[header]!.search(/\bNAME\b/);
  return lines
    .slice(header + 1, -1)
    .map((l) => l.slice(column).split(/\s+/)[0]!)
    .filter((n) => n !== '')
    .sort();
}

/** Runs a `:` command and waits for the view titled `title` to be live with `count` rows. */
async function command(text: string, title: string, count: number): Promise<string> {
  await prompt(t, ':', text);
  t.send('Enter');
  const escaped = title.replace(/[()]/g, '\\$&');
  return t.waitFor(new RegExp(`${escaped}\\s+● live\\s+${count}\\b`));
}

test(':po app=redis is the server-side selector kubectl -l applies', async () => {
  const want = await kubectlNames('pods', ['shop'], '-l', 'app=redis');
  assert.ok(want.length > 1);
  const screen = await command('po app=redis', 'pods (shop)', want.length);
  assert.deepEqual(screenNames(screen), want);
  assert.match(lastLine(screen), /^\/-l app=redis {2}\(label selector/);
});

test(':po /~REGEX filters the view with the regex, as kubectl names filtered by it', async () => {
  const all = await kubectlNames('pods', ['shop']);
  const want = all.filter((n) => /^(api|cart)-/i.test(n));
  const screen = await command('po /~^(api|cart)-', 'pods (shop)', want.length);
  assert.deepEqual(screenNames(screen), want);
  assert.match(screen, new RegExp(`● live\\s+${want.length} of ${all.length}\\b`));
});

test(':po shop,payments shows the union of both namespaces, and the header names them', async () => {
  const want = await kubectlNames('pods', ['shop', 'payments']);
  const screen = await command('po shop,payments', 'pods (shop,payments)', want.length);
  assert.deepEqual(screenNames(screen), want);
  assert.match(screen, /\bNAMESPACE\b/, 'the NAMESPACE column says where each row is');
});

test(':deploy kube-system app=coredns and :deploy shop,payments app!=api combine namespaces and a selector', async () => {
  const one = await kubectlNames('deployments', ['kube-system'], '-l', 'app=coredns');
  assert.deepEqual(screenNames(await command('deploy kube-system app=coredns', 'deployments (kube-system)', one.length)), one);
  const two = await kubectlNames('deployments', ['shop', 'payments'], '-l', 'app!=api');
  assert.deepEqual(screenNames(await command('deploy shop,payments app!=api', 'deployments (shop,payments)', two.length)), two);
});

test(':po @nope is one sentence and the view stays; :po @other switches context and shows its pods', async () => {
  await prompt(t, ':', 'po @nope');
  t.send('Enter');
  const refused = await t.waitFor((s) => lastLine(s).includes('There is no context "nope" in the kubeconfig.'));
  assert.match(refused, /deployments \(shop,payments\)\s+● live/, 'the current view stays');
  t.send('Escape');
  const want = await kubectlNames('pods', ['payments'], '--context', 'other');
  const screen = await command('po @other', 'pods (payments)', want.length);
  assert.deepEqual(screenNames(screen), want);
  assert.match(screen.split('\n')[0]!, /\bother\b/, 'the header names the new context');
});

test('/~REGEX and /!~REGEX keep complementary rows; a regex that does not compile keeps the previous filter', async () => {
  const all = await kubectlNames('pods', ['payments']);
  const want = all.filter((n) => /^ledger-/i.test(n));
  assert.ok(want.length > 0 && want.length < all.length);
  await filterTo(t, '~^ledger-');
  let screen = await t.waitFor(new RegExp(`● live\\s+${want.length} of ${all.length}\\b`));
  assert.deepEqual(screenNames(screen), want);
  t.send('Escape');
  await t.waitFor(new RegExp(`● live\\s+${all.length}\\b`));
  await filterTo(t, '!~^ledger-');
  screen = await t.waitFor(new RegExp(`● live\\s+${all.length - want.length} of ${all.length}\\b`));
  assert.deepEqual(
    screenNames(screen),
    all.filter((n) => !want.includes(n)),
  );
  t.send('Escape');
  await t.waitFor(new RegExp(`● live\\s+${all.length}\\b`));
  await filterTo(t, '~^ledger-');
  // Edit the filter into a regex that does not compile: the prompt says why, the rows stay filtered.
  t.type('/');
  await t.waitFor((s) => lastLine(s).trim() === '/~^ledger-', 10_000);
  // Ink shows the prompt before its input handler is attached: give it a moment (as prompt() does).
  await new Promise((r) => setTimeout(r, 200));
  t.type('(');
  screen = await t.waitFor((s) => lastLine(s).includes('"^ledger-(" is not a valid regular expression: unterminated group.'));
  assert.deepEqual(screenNames(screen), want, 'while typing, the previous filter still applies');
  t.send('Enter');
  screen = await t.waitFor((s) => lastLine(s).startsWith('/~^ledger-  ('));
  assert.match(screen, /is not a valid regular expression/, 'the sentence is flashed');
  assert.deepEqual(screenNames(screen), want, 'after Enter, the previous filter is kept');
});
