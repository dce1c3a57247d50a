/** k9s's hotkeys.yaml and plugins.yaml: shapes, shortcuts, problems, clashes and precedence. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHotkeysFile } from '../../../src/keys/hotkeys-file.ts';
import { parsePluginsFile } from '../../../src/keys/plugins-file.ts';
import { k9sShortcutKey } from '../../../src/keys/k9s-shortcut.ts';
import { acceptBindings } from '../../../src/keys/user-bindings.ts';
import { defaultKeymap } from '../../../src/keys/keymap.ts';
import { loadUserFiles } from '../../../src/explorer/user-files.ts';
import { k9sContextDir } from '../../../src/config/paths.ts';

// k9s's README, HotKey Support.
const readmeHotkeys = `hotKeys:
  # Hitting Shift-0 navigates to your pod view
  shift-0:
    shortCut:    Shift-0
    description: Viewing pods
    command:     pods
  # Hitting Shift-1 navigates to your deployments
  shift-1:
    shortCut:    Shift-1
    description: View deployments
    command:     dp
  # Hitting Shift-S view the resources in the namespace of your current selection
  shift-s:
    shortCut:    Shift-S
    override:    true # => will override the default shortcut related action if set to true (default to false)
    description: Namespaced resources
    command:     "$RESOURCE_NAME $NAMESPACE"
    keepHistory: true # whether you can return to the previous view
`;

// k9s's README, Plugin Examples.
const readmePlugins = `plugins:
  # Defines a plugin to provide a \`ctrl-l\` shortcut to tail the logs while in pod view.
  fred:
    shortCut: Ctrl-L
    override: false
    overwriteOutput: false
    confirm: false
    dangerous: false
    description: Pod logs
    scopes:
    - pods
    command: kubectl
    background: false
    args:
    - logs
    - -f
    - $NAME
    - -n
    - $NAMESPACE
    - --context
    - $CONTEXT
`;

test("k9s's shortCut names become kx keys; the ones kx cannot read are one sentence", () => {
  const key = (s: string): string => {
    const k = k9sShortcutKey(s);
    return 'key' in k ? k.key : k.problem;
  };
  assert.equal(key('Shift-0'), ')');
  assert.equal(key('Shift-1'), '!');
  assert.equal(key('Shift-S'), 'S');
  assert.equal(key('Ctrl-L'), 'ctrl-l');
  assert.equal(key('a'), 'a');
  assert.equal(key('Backtab'), 'shift-tab');
  assert.equal(key('Enter'), 'enter');
  assert.match(key('F1'), /^names no key kx can read/);
  assert.equal(key('Ctrl-C'), 'is ctrl-c, which always quits kx');
  assert.equal(key('Ctrl-M'), 'is sent by a terminal as enter, so kx cannot tell them apart');
});

test("k9s's README hotkeys and plugins parse without a problem", () => {
  const hotkeys = parseHotkeysFile(readmeHotkeys, '/k9s/hotkeys.yaml');
  assert.deepEqual(hotkeys.problems, []);
  assert.deepEqual(
    hotkeys.hotkeys.map((h) => [h.name, h.key, h.command, h.override, h.keepHistory, h.where]),
    [
      ['shift-0', ')', 'pods', false, false, '/k9s/hotkeys.yaml line 3'],
      ['shift-1', '!', 'dp', false, false, '/k9s/hotkeys.yaml line 8'],
      ['shift-s', 'S', '$RESOURCE_NAME $NAMESPACE', true, true, '/k9s/hotkeys.yaml line 13'],
    ],
  );
  const plugins = parsePluginsFile(readmePlugins, '/k9s/plugins.yaml');
  assert.deepEqual(plugins.problems, []);
  const fred = plugins.plugins[0]!;
  assert.deepEqual(
    [fred.name, fred.key, fred.scopes, fred.command, fred.args, fred.background, fred.confirm, fred.dangerous],
    ['fred', 'ctrl-l', ['pods'], 'kubectl', ['logs', '-f', '$NAME', '-n', '$NAMESPACE', '--context', '$CONTEXT'], false, false, false],
  );
  // k9s's multi-plugin form (a file of plugins without the plugins: key).
  const multi = parsePluginsFile('fred:\n  shortCut: Shift-B\n  description: Bozo\n  scopes: [deploy]\n  command: bozo\n', '/k9s/plugins.yaml');
  assert.deepEqual(multi.problems, []);
  assert.equal(multi.plugins[0]?.key, 'B');
});

test('each problem is one sentence with file and line; the other entries still load', () => {
  const text = `plugins:
  ok:
    shortCut: Ctrl-Y
    description: fine
    scopes: [all]
    command: echo
  typo:
    shortCut: Ctrl-T
    description: has a typo
    scope: [pods]
    command: echo
  bad-key:
    shortCut: F5
    description: a function key
    scopes: [pods]
    command: echo
  bad-type:
    shortCut: Ctrl-U
    description: background is not a boolean
    scopes: [pods]
    command: echo
    background: sometimes
  inputs:
    shortCut: Ctrl-O
    description: inputs
    scopes: [pods]
    command: echo
    inputs:
      - name: x
        type: string
  extra:
    shortCut: Ctrl-E
    description: an unknown field
    scopes: [pods]
    command: echo
    colour: red
`;
  const file = parsePluginsFile(text, '/k9s/plugins.yaml');
  assert.deepEqual(file.problems, [
    '/k9s/plugins.yaml line 7: plugin "typo" has no "scopes", so it is ignored.',
    '/k9s/plugins.yaml line 10: plugin "typo" has an unknown field "scope" (did you mean "scopes"?), so the field is ignored.',
    '/k9s/plugins.yaml line 12: plugin "bad-key": shortCut "F5" names no key kx can read (write a–z, Shift-A…Shift-Z, Shift-0…Shift-9, Ctrl-A…Ctrl-Z or a named key such as Enter), so it is ignored.',
    '/k9s/plugins.yaml line 22: plugin "bad-type": "background" must be true or false, so the plugin is ignored.',
    '/k9s/plugins.yaml line 28: plugin "inputs" uses "inputs", which kx does not support yet, so it is ignored.',
    '/k9s/plugins.yaml line 36: plugin "extra" has an unknown field "colour", so the field is ignored.',
  ]);
  assert.deepEqual(
    file.plugins.map((p) => p.name),
    ['ok', 'extra'],
  );
  const broken = parseHotkeysFile('hotKeys:\n  x:\n    shortCut: [\n', '/k9s/hotkeys.yaml');
  assert.equal(broken.problems.length, 1);
  assert.match(broken.problems[0]!, /^\/k9s\/hotkeys\.yaml line \d+: the YAML is not valid \(.+\), so kx ignores the file\.$/);
  assert.deepEqual(parseHotkeysFile('hotkeys:\n  x: {}\n', '/k9s/hotkeys.yaml').problems, ['/k9s/hotkeys.yaml line 1: unknown field "hotkeys" (did you mean "hotKeys"?), so it is ignored.']);
});

test("a key that would hide a kx key is refused, as in keys.yaml, unless override: true says so (k9s's rule)", () => {
  const hotkeys = parseHotkeysFile(`hotKeys:\n  describe-pods:\n    shortCut: d\n    command: pods\n${readmeHotkeys.replace('hotKeys:\n', '')}`, '/k9s/hotkeys.yaml').hotkeys;
  const accepted = acceptBindings(hotkeys, defaultKeymap);
  assert.deepEqual(accepted.problems, ['/k9s/hotkeys.yaml line 2: hotkey "describe-pods" on "d" would hide "describe" in tables, so it is ignored (override: true gives it the key, as in k9s).']);
  assert.deepEqual(
    accepted.bindings.map((b) => b.name),
    ['shift-0', 'shift-1', 'shift-s'],
    'Shift-S takes S from sort-status with override: true',
  );
  const keymap = defaultKeymap.withUser(accepted.bindings);
  assert.equal(keymap.userBinding('S', () => false)?.name, 'shift-s');
  assert.equal(
    keymap.userBinding('d', () => true),
    undefined,
  );
});

test('two plugins may share a key in different scopes; in the same scope the first keeps it', () => {
  const plugins = parsePluginsFile(
    `plugins:
  a: {shortCut: Ctrl-Y, description: a, scopes: [pods], command: echo}
  b: {shortCut: Ctrl-Y, description: b, scopes: [deploy], command: echo}
  c: {shortCut: Ctrl-Y, description: c, scopes: [all], command: echo}
`,
    '/k9s/plugins.yaml',
  ).plugins;
  const accepted = acceptBindings(plugins, defaultKeymap);
  assert.deepEqual(accepted.problems, ['/k9s/plugins.yaml line 4: plugin "c" on <ctrl-y> clashes with plugin "a" (/k9s/plugins.yaml line 2), so it is ignored.']);
  const keymap = defaultKeymap.withUser(accepted.bindings);
  assert.equal(keymap.userBinding('ctrl-y', (p) => p.scopes.includes('deploy'))?.name, 'b');
});

test("precedence: kx's own files over the context's k9s files over k9s's global ones", () => {
  const root = mkdtempSync(join(tmpdir(), 'kx-plugins-'));
  const env = { K9S_CONFIG_DIR: join(root, 'k9s'), KX_CONFIG_DIR: join(root, 'kx') };
  const contextDir = k9sContextDir('demo', 'demo', env);
  for (const dir of [env.K9S_CONFIG_DIR, contextDir, env.KX_CONFIG_DIR]) mkdirSync(dir, { recursive: true });
  const plugin = (name: string, key: string, command: string): string => `  ${name}: {shortCut: ${key}, description: ${name}, scopes: [pods], command: ${command}}\n`;
  writeFileSync(join(env.K9S_CONFIG_DIR, 'plugins.yaml'), `plugins:\n${plugin('same', 'Ctrl-Y', 'global')}${plugin('global-only', 'Ctrl-U', 'global')}`);
  writeFileSync(join(contextDir, 'plugins.yaml'), `plugins:\n${plugin('same', 'Ctrl-Y', 'context')}${plugin('ctx-key', 'Ctrl-U', 'context')}`);
  writeFileSync(join(env.KX_CONFIG_DIR, 'plugins.yaml'), `plugins:\n${plugin('same', 'Ctrl-Y', 'kx')}`);
  const files = loadUserFiles({ cluster: 'demo', context: 'demo' }, defaultKeymap, env);
  const byName = Object.fromEntries(files.bindings.map((b) => [b.name, b.command]));
  assert.deepEqual(byName, { same: 'kx', 'ctx-key': 'context' });
  assert.deepEqual(files.problems, [
    `${join(env.K9S_CONFIG_DIR, 'plugins.yaml')} line 3: plugin "global-only" on <ctrl-u> clashes with plugin "ctx-key" (${join(contextDir, 'plugins.yaml')} line 3), so it is ignored.`,
    // This env has no PATH: a command kx cannot find is said at start, with its file and line.
    `${join(env.KX_CONFIG_DIR, 'plugins.yaml')} line 2: plugin "same": command "kx" was not found on PATH.`,
    `${join(contextDir, 'plugins.yaml')} line 3: plugin "ctx-key": command "context" was not found on PATH.`,
  ]);
});
