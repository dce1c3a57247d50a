/**
 * `kx attach` and the explorer's `a` against the demo cluster, with kubectl attach as the oracle:
 * the same messages, the container's output (lines of its log), the -it round trip into the shell
 * of a container started with stdin, detach and exit; -i on a container without stdin is refused.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { filterToOne, killTerminals, openKx, startTmux } from '../support/tmux-terminal.ts';
import { kubectl, kubectlOk } from '../support/kubectl.ts';
import { kxBin, runKx } from '../support/kx-process.ts';

let demo: DemoCluster;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-attach-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
});

after(async () => {
  killTerminals();
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function podOf(namespace: string, prefix: string): Promise<string> {
  const names = (await kubectlOk(['get', 'pods', '-n', namespace, '-o', 'name'], { kubeconfig: demo.kubeconfigPath })).split('\n');
  return names.find((n) => n.startsWith(`pod/${prefix}`))!.replace('pod/', '');
}

const lines = (text: string): string[] => text.split('\n').filter((l) => l !== '');

test('kx attach prints what kubectl attach prints: the defaulted container, the prompt hint, then the lines the container logs', async () => {
  const pod = await podOf('shop', 'api-');
  // Both attached at once for a few seconds: the container logs about a line a second.
  const [mine, theirs] = await Promise.all([
    runKx(['attach', '--kubeconfig', demo.kubeconfigPath, '-n', 'shop', pod], { timeoutMs: 3500 }),
    kubectl(['attach', '-n', 'shop', pod], { kubeconfig: demo.kubeconfigPath, timeoutMs: 3500 }),
  ]);
  assert.equal(mine.stderr, theirs.stderr);
  assert.equal(mine.stderr, `Defaulted container "api" out of: api, migrate (init), envoy (init)\nIf you don't see a command prompt, try pressing enter.\n`);
  const log = new Set(lines(await kubectlOk(['logs', '-n', 'shop', pod, '-c', 'api'], { kubeconfig: demo.kubeconfigPath })));
  assert.ok(lines(mine.stdout).length >= 1, `kx printed the container's output: ${JSON.stringify(mine.stdout)}`);
  assert.ok(lines(theirs.stdout).length >= 1);
  for (const l of [...lines(mine.stdout), ...lines(theirs.stdout)]) assert.ok(log.has(l), `"${l}" is a line of the container's log`);
});

test('kx attach: errors are kubectl sentences with exit 1; -i on a container without stdin is refused in one sentence', async () => {
  const kxAttach = (...args: string[]) => runKx(['attach', '--kubeconfig', demo.kubeconfigPath, ...args]);
  const kubectlAttach = (...args: string[]) => kubectl(['attach', ...args], { kubeconfig: demo.kubeconfigPath });
  const api = await podOf('shop', 'api-');
  for (const args of [
    ['-n', 'shop', 'nope'],
    ['-n', 'shop', api, '-c', 'nope'],
  ]) {
    const [mine, theirs] = await Promise.all([kxAttach(...args), kubectlAttach(...args)]);
    assert.equal(mine.code, 1);
    assert.equal(mine.code, theirs.code);
    assert.equal(mine.stderr.trim().split('\n').at(-1), theirs.stderr.trim().split('\n').at(-1));
  }
  const pulling = await podOf('shop', 'legacy-reports');
  const [mine, theirs] = await Promise.all([kxAttach('-n', 'shop', pulling), kubectlAttach('-n', 'shop', pulling)]);
  assert.equal(mine.code, 1);
  assert.equal(mine.stderr, theirs.stderr);
  assert.match(mine.stderr, /^Error from server \(BadRequest\): unable to upgrade connection: container reports not found in pod legacy-reports-\S+_shop$/m);

  const noStdin = await kxAttach('-n', 'shop', 'redis-0', '-i');
  assert.equal(noStdin.code, 1);
  assert.equal(noStdin.stderr, 'error: cannot attach with -i: container "redis" in pod "redis-0" does not read stdin (its spec has no stdin: true)\n');
  assert.equal(noStdin.stdout, '');
});

test('kx attach -it reaches the shell of a container started with stdin, like kubectl attach -it; ctrl-p ctrl-q detaches, exit ends the session', async () => {
  const attachIt = (program: string) => startTmux(`${program} --kubeconfig ${demo.kubeconfigPath} attach -it debug-shell; echo "exited with $?"`, { columns: 120, rows: 20 });
  for (const [name, program] of [
    ['kubectl', 'kubectl'],
    ['kx', `${process.execPath} ${kxBin}`],
  ] as const) {
    const t = attachIt(program);
    await t.waitFor(/If you don't see a command prompt, try pressing enter\./);
    t.send('Enter');
    await t.waitFor(/^\/ #\s*$/m);
    t.type(`echo hello-from-${name}`);
    t.send('Enter');
    await t.waitFor(new RegExp(`^hello-from-${name}$`, 'm'));
    t.type('exit 3');
    t.send('Enter');
    // The container's process ended: the attach ends with Success, and the container restarts.
    const end = await t.waitFor(/exited with \d+/);
    assert.match(end, new RegExp(`Session ended, resume using '${name} attach debug-shell -c shell -i -t' command when the pod is running`));
    assert.match(end, /exited with 0/);
  }
  const restarts = await kubectlOk(['get', 'pod', 'debug-shell', '-o', 'jsonpath={.status.containerStatuses[0].restartCount} {.status.containerStatuses[0].lastState.terminated.exitCode}'], {
    kubeconfig: demo.kubeconfigPath,
  });
  assert.equal(restarts, '2 3');

  const t = attachIt(`${process.execPath} ${kxBin}`);
  await t.waitFor(/If you don't see a command prompt/);
  t.send('Enter');
  await t.waitFor(/^\/ #\s*$/m);
  t.send('C-p', 'C-q');
  const detached = await t.waitFor(/exited with \d+/);
  assert.match(detached, /exited with 0/);
  assert.doesNotMatch(detached, /Session ended/, 'a detach leaves the session running: nothing to resume');
});

test('a in the explorer attaches to the pod, keys reach its shell, ctrl-p ctrl-q and exit bring the explorer back with how it ended; --readonly has no a', async () => {
  const t = openKx('-n default', { kubeconfig: demo.kubeconfigPath, columns: 140, rows: 24 });
  await t.waitFor(/pods \(default\)\s+● live/);
  await filterToOne(t, 'debug-shell');
  t.send('a');
  await t.waitFor(/kx: attached to default\/debug-shell \(container shell\); ctrl-p ctrl-q detaches/);
  t.send('Enter');
  await t.waitFor(/^\/ #\s*$/m);
  t.type('echo typed-in-kx');
  t.send('Enter');
  await t.waitFor(/^typed-in-kx$/m);
  t.send('C-p', 'C-q');
  let back = await t.waitFor(/detached from debug-shell\/shell/);
  assert.match(back, /pods \(default\)\s+● live/);

  t.send('a');
  await t.waitFor(/kx: attached to default\/debug-shell/);
  t.send('Enter');
  await t.waitFor(/^\/ #\s*$/m);
  t.type('exit 4');
  t.send('Enter');
  back = await t.waitFor(/attach to debug-shell\/shell ended with status 0/);
  assert.match(back, /^debug-shell\s+1\/1\s+Running\s+\d/m);
  t.send('q');
  assert.match(await t.waitFor(/kx exited with \d+/), /kx exited with 0/);

  const ro = openKx('-n default --readonly', { kubeconfig: demo.kubeconfigPath, columns: 140, rows: 24 });
  await ro.waitFor(/pods \(default\)\s+● live/);
  await filterToOne(ro, 'debug-shell');
  ro.send('a');
  await ro.waitFor(/read-only/);
  assert.doesNotMatch(ro.screen(), /kx: attached/);
});
