/**
 * A k9s user's aliases.yaml, hotkeys.yaml and plugins.yaml (shapes from k9s's README) work in kx
 * unchanged: kx on its demo cluster in tmux, with K9S_CONFIG_DIR and KX_CONFIG_DIR in a
 * temporary folder. An alias in `:` and its completion, a hotkey opening its view, a foreground
 * plugin writing its variables and kx coming back, a background plugin's exit flashed, a plugin
 * that asks first, a dangerous one hidden and refused with --readonly, and the problems (a
 * clashing hotkey, a missing command) each one sentence with file and line.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filterToOne, killTerminals, lastLine, openKx, prompt, type TmuxTerminal } from '../support/tmux-terminal.ts';

let root: string;
let k9sDir: string;
let kxDir: string;
let out: string;

before(() => {
  root = mkdtempSync(join(tmpdir(), 'kx-k9s-files-'));
  k9sDir = join(root, 'k9s');
  kxDir = join(root, 'kx');
  out = join(root, 'out');
  mkdirSync(join(k9sDir, 'clusters', 'kx-demo', 'kx-demo'), { recursive: true });
  mkdirSync(kxDir);
  mkdirSync(out);
  writeFileSync(
    join(k9sDir, 'aliases.yaml'),
    `aliases:
  pp: v1/pods
  dep: apps/v1/deployments
`,
  );
  writeFileSync(
    join(k9sDir, 'hotkeys.yaml'),
    `hotKeys:
  # Hitting Shift-1 navigates to your deployments
  shift-1:
    shortCut:    Shift-1
    description: View deployments
    command:     dp
  describe-clash:
    shortCut:    d
    description: Takes describe's key
    command:     pods
`,
  );
  // The context's own file (k9s: clusters/<cluster>/<context>/plugins.yaml) adds one plugin.
  writeFileSync(
    join(k9sDir, 'clusters', 'kx-demo', 'kx-demo', 'plugins.yaml'),
    `plugins:
  bg-fail:
    shortCut: Shift-X
    description: Fails in the background
    scopes:
    - pods
    command: sh
    background: true
    args:
    - -c
    - exit 3
`,
  );
  writeFileSync(
    join(k9sDir, 'plugins.yaml'),
    `plugins:
  # kx's own plugins.yaml replaces this one (same name).
  write-row:
    shortCut: Ctrl-Y
    description: Writes the wrong thing
    scopes: [pods]
    command: sh
    args: [-c, "echo k9s > ${out}/row"]
  ask-first:
    shortCut: Ctrl-E
    confirm: true
    description: Asks first
    scopes: [all]
    command: sh
    background: false
    args:
    - -c
    - echo $CONTEXT > ${out}/confirmed
  wipe:
    shortCut: Ctrl-T
    dangerous: true
    description: Dangerous
    scopes: [pods]
    command: sh
    args: [-c, "touch ${out}/danger"]
  missing:
    shortCut: Shift-Z
    description: A command that is not there
    scopes: [all]
    command: kx-no-such-plugin-command
`,
  );
  writeFileSync(
    join(kxDir, 'plugins.yaml'),
    `plugins:
  write-row:
    shortCut: Ctrl-Y
    description: Writes the row
    scopes: [po]
    command: sh
    background: false
    args:
    - -c
    - echo "$NAMESPACE/$NAME/$COL-STATUS" > ${out}/row
`,
  );
});

after(() => {
  killTerminals();
  rmSync(root, { recursive: true, force: true });
});

function kx(args: string): TmuxTerminal {
  const home = join(root, `home-${Math.random().toString(36).slice(2)}`);
  mkdirSync(home);
  return openKx(`--demo ${args}`, {
    columns: 220,
    rows: 40,
    env: { HOME: home, XDG_CACHE_HOME: join(home, 'cache'), K9S_CONFIG_DIR: k9sDir, KX_CONFIG_DIR: kxDir },
  });
}

test("a k9s user's files: alias, hotkey, plugins in the foreground and background, problems with file and line", async () => {
  const t = kx('');
  await t.waitFor(/● live/);

  // The problems are flashed at start and listed in help, one sentence each with file and line.
  t.send('?');
  const help = await t.waitFor(/in your files/);
  assert.match(help, /hotkeys\.yaml line 7: hotkey "describe-clash" on "d" would hide "describe" in tables, so it is ignored/);
  assert.match(help, /plugins\.yaml line 26: plugin "missing": command "kx-no-such-plugin-command" was not found on PATH\./);
  // Help lists the hotkeys and plugins from the same keymap as the built-in keys.
  t.send('G');
  const bottom = await t.waitFor(/Plugins/);
  assert.match(bottom, /\s!\s+shift-1\s+View deployments \(:dp\)/);
  assert.match(bottom, /<ctrl-y>\s+write-row\s+Writes the row \(po: sh\)/);
  assert.match(bottom, /!\s+<ctrl-t>\s+wipe\s+Dangerous/);
  t.send('Escape');
  await t.waitFor(/● live/);

  // An alias in `:` and in its completion: "de" completes to the alias dep (shown dimmed after the cursor), Tab takes it.
  await prompt(t, ':', 'de');
  await t.waitFor((s) => lastLine(s).trim() === ':dep');
  t.send('Tab');
  t.send('Enter');
  await t.waitFor(/^deployments \(all namespaces\)\s+● live/m);
  await prompt(t, ':', 'pp');
  t.send('Enter');
  await t.waitFor(/^pods \(all namespaces\)\s+● live/m);

  // A hotkey opens its view (k9s's Shift-1 is "!").
  t.type('!');
  await t.waitFor(/^deployments \(all namespaces\)\s+● live/m);

  // A foreground plugin on a pod: the TUI steps aside, the program writes its variables, kx comes back.
  t.send('Escape');
  await t.waitFor(/^pods \(all namespaces\)\s+● live/m);
  await filterToOne(t, 'gpu-trainer');
  t.send('C-y');
  await t.waitFor(/plugin "write-row" \(sh\) exited with status 0/);
  assert.equal(readFileSync(join(out, 'row'), 'utf8').trim(), 'batch/gpu-trainer/Pending');

  // A background plugin's exit is flashed (kx keeps running meanwhile).
  t.type('X');
  await t.waitFor(/plugin "bg-fail" \(sh\) exited with status 3/);

  // confirm: true asks first, naming the command line; y runs it.
  t.send('C-e');
  await t.waitFor(/Run plugin "ask-first" \(Asks first\) on context kx-demo\?/);
  assert.match(t.screen(), /sh -c 'echo kx-demo > .*\/confirmed'/, 'the command line as it will run, variables substituted');
  t.type('y');
  await t.waitFor(/plugin "ask-first" \(sh\) exited with status 0/);
  assert.equal(readFileSync(join(out, 'confirmed'), 'utf8').trim(), 'kx-demo');

  // A missing command: one sentence, the TUI keeps running.
  t.type('Z');
  await t.waitFor(/plugins\.yaml line 26: plugin "missing": command "kx-no-such-plugin-command" was not found on PATH\./);
  t.send('q');
  assert.match(await t.waitFor(/kx exited with \d+/), /kx exited with 0/);
});

test('--readonly: a dangerous plugin is hidden from help and refused by the write gate', async () => {
  const t = kx('--readonly');
  await t.waitFor(/● live/);
  t.send('?');
  await t.waitFor(/in your files/);
  t.send('G');
  const help = await t.waitFor(/Plugins/);
  assert.match(help, /write-row/);
  assert.doesNotMatch(help, /wipe/);
  t.send('Escape');
  await t.waitFor(/● live/);
  await filterToOne(t, 'gpu-trainer');
  t.send('C-t');
  await t.waitFor(/kx is read-only here \(--readonly\): plugin wipe is off/);
  assert.equal(existsSync(join(out, 'danger')), false);
  t.send('q');
  await t.waitFor(/kx exited with \d+/);
});
