/**
 * `kx exec` and the explorer's shell key against the demo cluster, with kubectl exec as the
 * oracle: same output, same exit code; bash when the image has it, else sh; a distroless
 * container says it has no shell; the explorer comes back intact after the shell exits.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { filterTo, killTerminals, openKx } from '../support/tmux-terminal.ts';
import { kubectl, kubectlOk } from '../support/kubectl.ts';
import { runKx } from '../support/kx-process.ts';

let demo: DemoCluster;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-exec-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
});

after(async () => {
  killTerminals();
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

const kxExec = (...args: string[]) => runKx(['exec', '--kubeconfig', demo.kubeconfigPath, ...args]);
const kubectlExec = (...args: string[]) => kubectl(['exec', ...args], { kubeconfig: demo.kubeconfigPath });

async function podOf(namespace: string, prefix: string): Promise<string> {
  const names = (await kubectlOk(['get', 'pods', '-n', namespace, '-o', 'name'], { kubeconfig: demo.kubeconfigPath })).split('\n');
  return names.find((n) => n.startsWith(`pod/${prefix}`))!.replace('pod/', '');
}

test('kx exec runs a command like kubectl exec: stdout, stderr and the exit code', async () => {
  const pod = await podOf('shop', 'redis-0');
  // The demo's small shell has no redirections; a failing cat writes to stderr.
  const script = 'echo out; cat /nope; exit 3';
  const mine = await kxExec('-n', 'shop', pod, '--', 'sh', '-c', script);
  const theirs = await kubectlExec('-n', 'shop', pod, '--', 'sh', '-c', script);
  assert.equal(mine.code, 3);
  assert.equal(mine.code, theirs.code);
  assert.equal(mine.stdout, theirs.stdout);
  assert.match(mine.stderr, /^cat: \/nope: No such file or directory$/m);
  assert.doesNotMatch(mine.stdout, /nope/, 'stderr stays on stderr');
  assert.match(mine.stderr, /command terminated with exit code 3/);
  assert.match(theirs.stderr, /command terminated with exit code 3/);
  assert.equal((await kxExec('-n', 'shop', pod, '--', 'sh', '-c', 'exit 0')).code, 0);
});

test('kx exec: bad input is one sentence with the right exit code', async () => {
  const missingCommand = await kxExec('-n', 'shop', 'redis-0');
  assert.equal(missingCommand.code, 2);
  assert.match(missingCommand.stderr, /you must specify at least one command/);
  const noPod = await kxExec('-n', 'shop', 'nope', '--', 'true');
  assert.equal(noPod.code, 1);
  assert.match(noPod.stderr, /pods "nope" not found/);
  const distroless = await podOf('payments', 'ledger');
  const binary = await kxExec('-n', 'payments', distroless, '--', 'sh', '-c', 'true');
  assert.notEqual(binary.code, 0);
  assert.match(binary.stdout + binary.stderr, /executable file not found/);
});

test('s in the explorer opens a shell, the terminal returns intact with the exit status; a distroless pod says it has no shell', async () => {
  const pod = await podOf('shop', 'redis-0');
  const t = openKx('-n shop', { kubeconfig: demo.kubeconfigPath, columns: 140, rows: 24 });
  await t.waitFor(/pods \(shop\)\s+● live/);
  await filterTo(t, pod);
  t.send('s');
  await t.waitFor(new RegExp(`kx: shell in shop/${pod}`));
  await t.waitFor(/^\S* ?[#$]\s*$/m);
  t.type('echo hi-from-the-shell');
  t.send('Enter');
  await t.waitFor(/^hi-from-the-shell$/m);
  t.type('exit 3');
  t.send('Enter');
  const back = await t.waitFor(/exited with status 3/);
  assert.match(back, /pods \(shop\)\s+● live/);
  assert.match(back, new RegExp(`^${pod}\\s+1/1\\s+Running`, 'm'));
  // Keys reach the explorer again.
  t.send('Escape');
  await t.waitFor(/pods \(shop\)\s+● live\s+\d+\s/);

  await t.waitFor(/\? help/);
  t.type(':');
  await t.waitFor((s) => s.trimEnd().split('\n').at(-1)!.trim() === ':');
  // Ink shows the prompt before its input handler is attached: give it a moment.
  await new Promise((r) => setTimeout(r, 200));
  t.type('ns payments');
  t.send('Enter');
  await t.waitFor(/pods \(payments\)\s+● live/);
  const distroless = await podOf('payments', 'ledger');
  t.type('/');
  await t.waitFor((s) => s.trimEnd().split('\n').at(-1)!.trim() === '/');
  // Ink shows the prompt before its input handler is attached: give it a moment.
  await new Promise((r) => setTimeout(r, 200));
  t.type(distroless);
  t.send('Enter');
  await t.waitFor((s) => s.trimEnd().split('\n').at(-1)!.startsWith(`/${distroless}  (`));
  t.send('s');
  await t.waitFor(/has no shell \(tried bash and sh\)/);
  t.send('q');
  assert.match(await t.waitFor(/kx exited with \d+/), /kx exited with 0/);
});
