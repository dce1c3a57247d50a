/**
 * `kx edit` against the demo with scripted editors ($KUBE_EDITOR), kubectl reading the result and,
 * where kubectl has the same case, printing the same sentence: a change, no change, a conflict
 * made by kubectl between open and save (the user's change lands on the latest version, the other
 * change survives), invalid YAML reopened with the error, a failing editor, read-only mode.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { kubectl, kubectlOk } from '../support/kubectl.ts';
import { runKx } from '../support/kx-process.ts';

let demo: DemoCluster;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-edit-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
});
after(async () => {
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A shell script as the editor; `$1` is the file. Each run appends a copy of what it was shown to SEEN-N. */
function editor(name: string, body: string): string {
  const path = join(dir, `${name}.sh`);
  writeFileSync(path, `#!/bin/sh\nn=$(cat "${dir}/${name}.n" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "${dir}/${name}.n"\ncp "$1" "${dir}/${name}-seen-$n"\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}
const seen = (name: string, n: number) => readFileSync(join(dir, `${name}-seen-${n}`), 'utf8');
const kx = (args: string[], editorPath: string, extra: NodeJS.ProcessEnv = {}) =>
  runKx(['--kubeconfig', demo.kubeconfigPath, ...args], { env: { ...process.env, KUBE_EDITOR: editorPath, KX_CONFIG_DIR: join(dir, 'none'), ...extra } });
const get = (...args: string[]) => kubectlOk(['get', ...args], { kubeconfig: demo.kubeconfigPath });

test('a change is patched and kubectl reads it; the editor is shown the object as kubectl edit shows it', async () => {
  const ed = editor('change', `sed -i 's/^  replicas: [0-9]*$/  replicas: 5/' "$1"`);
  const r = await kx(['edit', 'deployment/cart', '-n', 'shop'], ed);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'deployment.apps/cart edited\n');
  assert.equal(await get('deploy', 'cart', '-n', 'shop', '-o', 'jsonpath={.spec.replicas}'), '5');
  const shown = seen('change', 1);
  assert.ok(shown.startsWith("# Please edit the object below. Lines beginning with a '#' will be ignored,\n"), shown.slice(0, 200));
  assert.match(shown, /^kind: Deployment$/m);
  assert.match(shown, /^status:$/m, 'status shown, as kubectl edit shows it');
  assert.doesNotMatch(shown, /managedFields/, 'managedFields hidden, as kubectl edit hides them');
});

test('no change: kubectl’s sentence on stderr, exit 0, nothing sent', async () => {
  const ed = editor('same', 'true');
  const before = await get('deploy', 'cart', '-n', 'shop', '-o', 'jsonpath={.metadata.resourceVersion}');
  const r = await kx(['edit', 'deploy', 'cart', '-n', 'shop'], ed);
  const theirs = await kubectl(['edit', 'deploy', 'cart', '-n', 'shop', '--validate=false'], { kubeconfig: demo.kubeconfigPath, env: { KUBE_EDITOR: ed } });
  assert.deepEqual({ code: r.code, stderr: r.stderr, stdout: r.stdout }, { code: theirs.code, stderr: theirs.stderr, stdout: theirs.stdout });
  assert.equal(r.stderr, 'Edit cancelled, no changes made.\n');
  assert.equal(await get('deploy', 'cart', '-n', 'shop', '-o', 'jsonpath={.metadata.resourceVersion}'), before);
});

test('a conflict made meanwhile is shown in the reopened file; saving again applies the change on the latest version', async () => {
  const ed = editor(
    'conflict',
    `if [ $n = 1 ]; then kubectl --kubeconfig "${demo.kubeconfigPath}" annotate deploy cart -n shop meanwhile=yes >/dev/null; sed -i 's/^  replicas: [0-9]*$/  replicas: 2/' "$1"; fi`,
  );
  const r = await kx(['edit', 'deployment/cart', '-n', 'shop'], ed);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'deployment.apps/cart edited\n');
  const reopened = seen('conflict', 2);
  assert.match(reopened, /^# deployment\.apps\/cart was changed by someone else while you edited it: .*the object has been modified/m);
  assert.match(reopened, /^ {2}replicas: 2$/m, 'the user’s change is kept in the reopened file');
  assert.equal(await get('deploy', 'cart', '-n', 'shop', '-o', 'jsonpath={.spec.replicas} {.metadata.annotations.meanwhile}'), '2 yes');
});

test('invalid YAML is reopened with the syntax error on top and the text kept; quitting without a fix keeps a copy, exit 1', async () => {
  const ed = editor('broken', `if [ $n = 1 ]; then printf 'apiVersion: apps/v1\\nkind: [broken\\n' > "$1"; fi`);
  const r = await kx(['edit', 'deployment/cart', '-n', 'shop'], ed);
  assert.equal(r.code, 1);
  const copy = /A copy of your changes has been stored to "([^"]+)"/.exec(r.stderr)?.[1];
  assert.ok(copy, r.stderr);
  assert.match(r.stderr, /\nerror: Edit cancelled, no valid changes were saved\.\n$/);
  assert.match(readFileSync(copy, 'utf8'), /kind: \[broken/);
  const reopened = seen('broken', 2);
  assert.match(reopened, /^# The edited file had a syntax error: error parsing edited-file: /m);
  assert.match(reopened, /^kind: \[broken$/m);
  const fixed = editor(
    'fixed',
    `if [ $n = 1 ]; then printf 'apiVersion: apps/v1\\nkind: [broken\\n' > "$1"; else cp "${join(dir, 'change-seen-1')}" "$1"; sed -i 's/^  replicas: [0-9]*$/  replicas: 3/' "$1"; fi`,
  );
  const second = await kx(['edit', 'deployment/cart', '-n', 'shop'], fixed);
  assert.equal(second.code, 0, second.stderr);
  assert.equal(await get('deploy', 'cart', '-n', 'shop', '-o', 'jsonpath={.spec.replicas}'), '3');
});

test('a failing editor is one sentence and exit 1; read-only mode refuses before anything is sent', async () => {
  const failing = editor('fails', 'exit 3');
  const r = await kx(['edit', 'deployment/cart', '-n', 'shop'], failing);
  assert.equal(r.code, 1);
  assert.equal(r.stderr, `error: there was a problem with the editor "${failing}"\n`);
  const ro = await kx(['edit', 'deployment/cart', '-n', 'shop', '--readonly'], editor('never', 'echo ran > "$1.ran"'));
  assert.equal(ro.code, 1);
  assert.equal(ro.stderr, 'error: kx is read-only here (--readonly): edit is off\n');
});

test('e in the explorer opens the editor with the TUI stepped aside, then flashes the outcome', async () => {
  const { openKx } = await import('../support/tmux-terminal.ts');
  const ed = editor('tui', `sed -i 's/^  labels:$/  labels:\\n    edited-by: kx/' "$1"`);
  const t = openKx('deploy -n shop', { kubeconfig: demo.kubeconfigPath, columns: 150, rows: 26, env: { KUBE_EDITOR: ed } });
  try {
    await t.waitFor(/deployments \(shop\)\s+● live/);
    t.send('e');
    const screen = await t.waitFor(/deployment\.apps\/\S+ edited/);
    const name = /deployment\.apps\/(\S+) edited/.exec(screen)![1]!;
    assert.equal(await get('deploy', name, '-n', 'shop', '-o', 'jsonpath={.metadata.labels.edited-by}'), 'kx');
    assert.match(t.screen(), /deployments \(shop\)\s+● live/, 'the explorer is back');
  } finally {
    t.kill();
  }
});
