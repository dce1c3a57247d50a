/** theme.yaml: colours applied over the defaults, each problem one sentence with file and line, NO_COLOR wins. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadThemeFile, parseThemeFile, themeFilePath } from '../../../src/ui/theme-file.ts';
import { colourful, themeFor } from '../../../src/ui/theme.ts';

const file = '/etc/kx-test/theme.yaml';
const colour = {};
const parse = (text: string, env: NodeJS.ProcessEnv = colour) => parseThemeFile(text, file, env);

/** Every problem is a single sentence that names the file and a line. */
function assertSentences(problems: readonly string[]): void {
  for (const p of problems) {
    assert.match(p, /^\/etc\/kx-test\/theme\.yaml line \d+: /, p);
    assert.ok(p.endsWith('.') && !p.includes('\n'), `one sentence: ${p}`);
  }
}

test('colours replace exactly the tokens they name, in every form Ink draws', () => {
  const { theme, problems } = parse(
    [
      'tone:',
      '  ok: greenBright',
      '  warn: "#ffaa00"',
      '  normal: white',
      'header:',
      '  label: ansi256(208)',
      'table:',
      '  heading: rgb(10, 20, 30)',
      '  cursor: default',
      'flash: {error: "#f00"}',
      '',
    ].join('\n'),
  );
  assert.deepEqual(problems, []);
  assert.equal(theme.tone.ok, 'greenBright');
  assert.equal(theme.tone.warn, '#ffaa00');
  assert.equal(theme.tone.normal, 'white');
  assert.equal(theme.header.label, 'ansi256(208)');
  assert.equal(theme.table.heading, 'rgb(10,20,30)');
  assert.equal(theme.table.cursor, undefined, 'default is the terminal’s own colour');
  assert.equal(theme.flash.error, '#f00');
  // Everything not named keeps its default.
  assert.equal(theme.tone.error, colourful.tone.error);
  assert.equal(theme.header.value, colourful.header.value);
  assert.equal(theme.table.match, colourful.table.match);
  assert.equal(theme.colour, true);
});

test('each bad entry is one sentence with its line and keeps its default; the rest applies', () => {
  const { theme, problems } = parse(
    [
      'tone:',
      '  ok: reed',
      '  warn: magenta',
      '  eror: red',
      'tables:',
      '  heading: red',
      'header:',
      '  label: ansi256(300)',
      '  label: blue',
      'table:',
      '  heading: rgb(1, 2, 999)',
      '  match:',
      'flash: red',
      '',
    ].join('\n'),
  );
  assertSentences(problems);
  assert.equal(theme.tone.warn, 'magenta', 'the good line in a section with bad ones applies');
  assert.equal(theme.tone.ok, colourful.tone.ok);
  assert.equal(theme.header.label, colourful.header.label, 'set twice: the default');
  assert.equal(theme.table.heading, colourful.table.heading);
  assert.equal(theme.table.match, colourful.table.match);
  assert.deepEqual(theme.flash, colourful.flash);
  assert.equal(problems.length, 8, problems.join('\n'));
  assert.match(problems[0]!, /line 2: "reed" is not a colour \(did you mean "red"\?\), so tone\.ok keeps its default \(green\)\./);
  assert.match(problems[1]!, /line 4: there is no colour "tone\.eror" \(did you mean "error"\?\), so the line is ignored\./);
  assert.match(problems[2]!, /line 5: unknown section "tables" \(did you mean "table"\?\), so it is ignored\./);
  assert.match(problems[3]!, /line 8: "ansi256\(300\)" is out of range/);
  assert.match(problems[4]!, /line 9: header\.label is set again \(first on line 8\)/);
  assert.match(problems[5]!, /line 11: "rgb\(1, 2, 999\)" is out of range/);
  assert.match(problems[6]!, /line 12: table\.match has no colour/);
  assert.match(problems[7]!, /line 13: "flash" must map tokens to colours/);
});

test('a YAML syntax error or a file of the wrong shape keeps every default, in one sentence', () => {
  const broken = parse('tone:\n  ok: [green\n');
  assertSentences(broken.problems);
  assert.equal(broken.problems.length, 1);
  assert.match(broken.problems[0]!, /the YAML is not valid .*, so kx uses the default colours\./);
  assert.deepEqual(broken.theme, colourful);
  const list = parse('- red\n');
  assertSentences(list.problems);
  assert.match(list.problems[0]!, /line 1: expected sections \(tone, header, table, flash\)/);
  assert.deepEqual(parse('').theme, colourful);
  assert.deepEqual(parse('# nothing yet\n').problems, []);
});

test('NO_COLOR wins over the file; its problems are still named', () => {
  const { theme, problems } = parse('tone:\n  ok: reed\n  warn: magenta\n', { NO_COLOR: '1' });
  assert.deepEqual(theme, themeFor({ NO_COLOR: '1' }));
  assert.equal(theme.colour, false);
  assert.equal(problems.length, 1);
});

test('loadThemeFile: theme.yaml in the config directory; missing is no problem, unreadable is one sentence', () => {
  const root = mkdtempSync(join(tmpdir(), 'kx-theme-'));
  try {
    const env = { KX_CONFIG_DIR: root };
    const path = themeFilePath(env);
    assert.equal(path, join(root, 'theme.yaml'));
    assert.deepEqual(loadThemeFile(path, env), { theme: colourful, problems: [] });
    writeFileSync(path, 'header:\n  demo: blue\n');
    assert.equal(loadThemeFile(path, env).theme.header.demo, 'blue');
    rmSync(path);
    mkdirSync(path);
    const dir = loadThemeFile(path, env);
    assert.deepEqual(dir.theme, colourful);
    assert.match(dir.problems[0]!, /theme\.yaml cannot be read \(it is a directory\), so kx uses the default colours\./);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
