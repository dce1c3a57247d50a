/** config.yaml: per-context read-only, with problems named by file and line. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseKxConfig } from '../../../src/config/kx-config.ts';

test('contexts marked readonly are collected; others are not', () => {
  const c = parseKxConfig('contexts:\n  prod:\n    readonly: true\n  dev:\n    readonly: false\n', '/x/config.yaml');
  assert.deepEqual([...c.readonlyContexts], ['prod']);
  assert.deepEqual(c.problems, []);
});

test('unknown settings, wrong values and YAML errors are one sentence with the line; the rest applies', () => {
  const c = parseKxConfig('colours: dark\ncontexts:\n  prod:\n    readonly: yes-please\n    shiny: true\n  ok:\n    readonly: true\n', '/x/config.yaml');
  assert.deepEqual([...c.readonlyContexts], ['ok']);
  assert.equal(c.problems.length, 3);
  assert.match(c.problems[0]!, /config\.yaml line 1: unknown setting "colours"/);
  assert.match(c.problems[1]!, /line 4: readonly is true or false/);
  assert.match(c.problems[2]!, /line 5: unknown context setting "shiny"/);
  const broken = parseKxConfig('contexts: [\n', '/x/config.yaml');
  assert.equal(broken.problems.length, 1);
  assert.match(broken.problems[0]!, /config\.yaml line \d+: .*kx uses its defaults/);
  assert.deepEqual(parseKxConfig('', '/x/config.yaml'), { readonlyContexts: new Set(), problems: [] });
});
