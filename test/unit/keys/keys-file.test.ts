/** keys.yaml: overrides applied, every problem one sentence with file and line, defaults kept. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKeysFile, parseKeysFile } from '../../../src/keys/keys-file.ts';
import { defaultKeymap, findClashes } from '../../../src/keys/keymap.ts';

const file = '/etc/kx-test/keys.yaml';
const parse = (text: string) => parseKeysFile(text, file);

/** Every problem is a single sentence that names the file and a line. */
function assertSentences(problems: readonly string[]): void {
  for (const p of problems) {
    assert.match(p, /^\/etc\/kx-test\/keys\.yaml line \d+: /, p);
    assert.ok(p.endsWith('.') && !p.includes('\n'), `one sentence: ${p}`);
  }
}

test('valid overrides replace the defaults of exactly those actions', () => {
  const { keymap, problems } = parse(
    [
      '# my keys',
      'keys:',
      '  describe: D',
      '  delete: [ctrl-x]',
      '  logs-wrap: W',
      '  help: "?"',
      '  all-namespaces: 9',
      '  recent-namespace-9: ")"',
      '  page-down: [PgDn, Ctrl+F, " "]',
      '  mark: X',
      '',
    ].join('\n'),
  );
  assert.deepEqual(problems, []);
  assert.deepEqual(keymap.keysFor('describe'), ['D']);
  assert.deepEqual(keymap.keysFor('delete'), ['ctrl-x']);
  assert.deepEqual(keymap.keysFor('logs-wrap'), ['W']);
  assert.deepEqual(keymap.keysFor('all-namespaces'), ['9'], 'a YAML number is the key as written');
  assert.deepEqual(keymap.keysFor('page-down'), ['pgdn', 'ctrl-f', 'space'], 'names are normalised');
  assert.deepEqual(keymap.keysFor('yaml'), defaultKeymap.keysFor('yaml'));
  assert.equal(keymap.resolve('table', 'D')?.id, 'describe');
  assert.equal(keymap.resolve('table', 'd'), undefined, 'the old key no longer describes');
  assert.equal(keymap.resolve('logs', 'W')?.id, 'logs-wrap');
});

test('swapping two keys is not a clash', () => {
  const { keymap, problems } = parse('keys:\n  describe: y\n  yaml: d\n');
  assert.deepEqual(problems, []);
  assert.equal(keymap.resolve('table', 'y')?.id, 'describe');
  assert.equal(keymap.resolve('table', 'd')?.id, 'yaml');
});

test('an unknown action id is named with its line and a did-you-mean; the rest still applies', () => {
  const { keymap, problems } = parse('keys:\n  yaml: Y\n  desribe: D\n');
  assert.deepEqual(problems, [`${file} line 3: there is no action "desribe" (did you mean "describe"?), so the line is ignored.`]);
  assert.deepEqual(keymap.keysFor('yaml'), ['Y']);
  assert.deepEqual(keymap.keysFor('describe'), ['d']);
});

test('an unknown top-level setting is named with its line', () => {
  const { keymap, problems } = parse('key:\n  describe: D\ntheme: dark\n');
  assert.deepEqual(problems, [`${file} line 1: unknown setting "key" (did you mean "keys"?), so it is ignored.`, `${file} line 3: unknown setting "theme" (kx reads only "keys"), so it is ignored.`]);
  assert.equal(keymap, defaultKeymap);
});

test('a key that names no key keeps that action on its defaults', () => {
  const { keymap, problems } = parse('keys:\n  describe: D\n  delete: [ctrl-x, ctrl-dd]\n');
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /line 3: "ctrl-dd" names no key .*"delete" keeps its default keys\.$/);
  assertSentences(problems);
  assert.deepEqual(keymap.keysFor('delete'), ['ctrl-d'], 'the valid ctrl-x in the same list is not half-applied');
  assert.deepEqual(keymap.keysFor('describe'), ['D']);
});

test('keys a terminal cannot deliver are refused: ctrl-c, ctrl-m (enter), empty values', () => {
  const { keymap, problems } = parse('keys:\n  quit: ctrl-c\n  top: ctrl-m\n  delete:\n  up: []\n  down: {a: b}\n');
  assertSentences(problems);
  assert.deepEqual(
    problems.map((p) => /line (\d+)/.exec(p)?.[1]),
    ['2', '3', '4', '5', '6'],
  );
  assert.match(problems[0]!, /ctrl-c always quits kx/);
  assert.match(problems[1]!, /ctrl-m as enter/);
  assert.match(problems[2]!, /"delete" has no key \(quote keys such as "\?"/);
  for (const id of ['quit', 'top', 'delete', 'up', 'down']) assert.deepEqual(keymap.keysFor(id), defaultKeymap.keysFor(id), id);
});

test('a clash keeps the defaults of both actions and names both and the key', () => {
  const { keymap, problems } = parse('keys:\n  logs-wrap: W\n  describe: y\n');
  assert.deepEqual(problems, [`${file} line 3: "describe" and "yaml" would both answer "y" in tables, so both keep their default keys.`]);
  assert.deepEqual(keymap.keysFor('describe'), ['d']);
  assert.deepEqual(keymap.keysFor('yaml'), ['y']);
  assert.deepEqual(keymap.keysFor('logs-wrap'), ['W'], 'the unrelated override still applies');
  assert.deepEqual(findClashes(keymap), []);
});

test('a clash between two overrides reverts both and names both lines', () => {
  const { keymap, problems } = parse('keys:\n  describe: D\n  yaml: D\n');
  assert.deepEqual(problems, [`${file} line 2: "describe" and "yaml" would both answer "D" in tables (the other is set on line 3), so both keep their default keys.`]);
  assert.deepEqual(keymap.keysFor('describe'), ['d']);
  assert.deepEqual(keymap.keysFor('yaml'), ['y']);
});

test('reverting one clash can expose another: the second is reported too and the result has none', () => {
  // describe→y clashes with yaml; describe's default d is then taken by logs.
  const { keymap, problems } = parse('keys:\n  describe: y\n  logs: d\n');
  assert.equal(problems.length, 2);
  assert.match(problems[0]!, /line 2: "describe" and "yaml" would both answer "y"/);
  assert.match(problems[1]!, /line 3: "logs" and "describe" would both answer "d"/);
  assert.deepEqual([keymap.keysFor('describe'), keymap.keysFor('logs')], [['d'], ['l']]);
});

test('a table key that would hide a global one (":" command mode, "q" quit) counts as a clash', () => {
  const { keymap, problems } = parse('keys:\n  filter: ":"\n');
  assert.deepEqual(problems, [`${file} line 2: "filter" on ":" would hide "command" in tables, so both keep their default keys.`]);
  assert.equal(keymap.resolve('table', ':')?.id, 'command');
  // The defaults' own nesting (pane-close takes q from quit in panes) stays allowed.
  assert.deepEqual(parse('keys:\n  pane-close: [esc, q, ctrl-w]\n').problems, []);
  // …but a pane key on x would be hidden by the YAML pane's reveal.
  assert.match(parse('keys:\n  pane-close: [esc, x]\n').problems[0] ?? '', /"yaml-reveal" on "x" would hide "pane-close" in the YAML pane/);
});

test('actions no object offers together may share a key (k9s s); actions one object offers may not', () => {
  // kill needs exec, rollout history needs rollout: only pods exec, and pods have no rollouts.
  const shared = parse('keys:\n  kill: h\n');
  assert.deepEqual(shared.problems, []);
  assert.equal(shared.keymap.resolve('table', 'h', { capabilities: new Set(['rollout', 'scale']) })?.id, 'rollout-history');
  assert.equal(shared.keymap.resolve('table', 'h', { capabilities: new Set(['exec', 'logs']) })?.id, 'kill');
  // A pod has logs and exec: logs on s would make the shell unreachable.
  const { keymap, problems } = parse('keys:\n  logs: s\n');
  assert.deepEqual(problems, [`${file} line 2: "logs" and "shell" would both answer "s" in tables, so both keep their default keys.`]);
  assert.deepEqual(keymap.keysFor('logs'), ['l']);
});

test('a YAML syntax error names the line and leaves every default', () => {
  const { keymap, problems } = parse('keys:\n  describe: D\n  help: ?\n');
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /^\/etc\/kx-test\/keys\.yaml line 3: the YAML is not valid \(.+\), so kx uses the default keys; quote keys such as "\?", ":" and "#"\.$/);
  assert.equal(keymap, defaultKeymap);
});

test('an action set twice keeps its defaults and names both lines', () => {
  const { keymap, problems } = parse('keys:\n  describe: D\n  yaml: Y\n  describe: E\n');
  assert.deepEqual(problems, [`${file} line 4: "describe" is set again (first on line 2), so it keeps its default keys.`]);
  assert.deepEqual(keymap.keysFor('describe'), ['d']);
  assert.deepEqual(keymap.keysFor('yaml'), ['Y']);
});

test('a file of the wrong shape is one sentence and all defaults', () => {
  for (const [text, line, said] of [
    ['- describe\n', 1, 'expected "keys:"'],
    ['keys: [describe]\n', 1, '"keys" must map action ids to keys'],
  ] as const) {
    const { keymap, problems } = parse(text);
    assert.equal(problems.length, 1);
    assert.ok(problems[0]!.startsWith(`${file} line ${line}: ${said}`), problems[0]);
    assert.equal(keymap, defaultKeymap);
  }
});

test('an empty file, a comment-only file and an empty keys: are fine', () => {
  for (const text of ['', '# nothing yet\n', 'keys:\n', 'keys: {}\n']) {
    const { keymap, problems } = parse(text);
    assert.deepEqual(problems, [], JSON.stringify(text));
    assert.deepEqual(findClashes(keymap), []);
  }
});

test('loadKeysFile: a missing file is not a problem; an unreadable path is one sentence; a real file applies', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kx-keys-'));
  try {
    const missing = loadKeysFile(join(dir, 'keys.yaml'));
    assert.deepEqual(missing.problems, []);
    assert.equal(missing.keymap, defaultKeymap);

    mkdirSync(join(dir, 'dir.yaml'));
    const isDir = loadKeysFile(join(dir, 'dir.yaml'));
    assert.equal(isDir.problems.length, 1);
    assert.match(isDir.problems[0]!, /dir\.yaml cannot be read \(it is a directory\), so kx uses the default keys\.$/);

    const path = join(dir, 'keys.yaml');
    writeFileSync(path, 'keys:\n  describe: D\n  yamll: x\n');
    const loaded = loadKeysFile(path);
    assert.deepEqual(loaded.keymap.keysFor('describe'), ['D']);
    assert.deepEqual(loaded.problems, [`${path} line 3: there is no action "yamll" (did you mean "yaml"?), so the line is ignored.`]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
