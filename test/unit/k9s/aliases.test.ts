/** k9s's aliases.yaml: its shapes, its problems, and what `:` and its completion make of it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAliasesFile, type UserAlias } from '../../../src/explorer/commands/aliases-file.ts';
import { parseCommand, type CommandContext } from '../../../src/explorer/commands/parse-command.ts';
import { completeCommand } from '../../../src/explorer/commands/complete-command.ts';
import { loadUserFiles } from '../../../src/explorer/user-files.ts';
import { k9sContextDir } from '../../../src/config/paths.ts';
import { resourceKey } from '../../../src/kube/resource-info.ts';
import { commandContext } from '../../support/command-context.ts';

// The shapes of k9s's README (Command Aliases).
const k9sReadme = `aliases:
  pp: v1/pods
  ing: networking.k8s.io/v1/ingresses
  # As of v0.30.0 you can also refer to another command alias...
  fred: pod fred app=blee # => view pods in namespace fred with labels matching app=blee
  dep: apps/v1/deployments
  pf2: pp
`;

function withAliases(text: string, namespaces: string[] = ['default', 'fred', 'shop']): CommandContext {
  const file = parseAliasesFile(text, '/k9s/aliases.yaml');
  return { ...commandContext(namespaces), aliases: new Map(file.aliases.map((a): [string, UserAlias] => [a.name, a])) };
}

test("k9s's README aliases parse without a problem", () => {
  const file = parseAliasesFile(k9sReadme, '/k9s/aliases.yaml');
  assert.deepEqual(file.problems, []);
  assert.deepEqual(
    file.aliases.map((a) => [a.name, a.value, a.where]),
    [
      ['pp', 'v1/pods', '/k9s/aliases.yaml line 2'],
      ['ing', 'networking.k8s.io/v1/ingresses', '/k9s/aliases.yaml line 3'],
      ['fred', 'pod fred app=blee', '/k9s/aliases.yaml line 5'],
      ['dep', 'apps/v1/deployments', '/k9s/aliases.yaml line 6'],
      ['pf2', 'pp', '/k9s/aliases.yaml line 7'],
    ],
  );
});

test('each problem is one sentence with file and line, and the other aliases still apply', () => {
  const file = parseAliasesFile('alias:\n  x: pods\naliases:\n  pp: v1/pods\n  bad: [1, 2]\n  empty:\n', '/k9s/aliases.yaml');
  assert.deepEqual(file.problems, [
    '/k9s/aliases.yaml line 1: unknown field "alias" (kx reads only "aliases"), so it is ignored.',
    '/k9s/aliases.yaml line 5: alias "bad" must be a command like v1/pods or "pod NAMESPACE app=web", so it is ignored.',
    '/k9s/aliases.yaml line 6: alias "empty" has no command, so it is ignored.',
  ]);
  assert.deepEqual(
    file.aliases.map((a) => a.name),
    ['pp'],
  );
  const bad = parseAliasesFile('aliases:\n  pp: [v1/pods\n', '/k9s/aliases.yaml');
  assert.equal(bad.problems.length, 1);
  assert.match(bad.problems[0]!, /^\/k9s\/aliases\.yaml line \d: the YAML is not valid \(.+\), so kx ignores the file\.$/);
});

test('`:` follows an alias: group/version/resource, a command with namespace and labels, an alias of an alias', () => {
  const ctx = withAliases(k9sReadme);
  const view = (input: string): string => {
    const c = parseCommand(input, ctx);
    if (c.kind !== 'view') return c.kind === 'error' ? c.message : c.kind;
    return [resourceKey(c.resource), c.scope.kind === 'namespace' ? c.scope.name : c.scope.kind, c.filter ?? ''].join(' ').trim();
  };
  assert.equal(view('pp'), 'pods current');
  assert.equal(view('pf2'), 'pods current');
  assert.equal(view('dep -A'), 'deployments.apps all');
  assert.equal(view('ing'), 'ingresses.networking.k8s.io current');
  assert.equal(view('fred'), 'pods fred -l app=blee');
  assert.equal(view('fred shop'), 'pods shop -l app=blee', 'a namespace typed after the alias wins over its own');
  assert.equal(view('fred tier=db'), 'pods fred -l tier=db');
  assert.equal(view('po app=web'), 'pods current -l app=web', 'k9s label words work without an alias too');
  assert.equal(view('po /web'), 'pods current web');
  assert.equal(view('q'), 'quit');
});

test('an alias that leads nowhere says which alias and where it was set', () => {
  const ctx = withAliases('aliases:\n  a: b\n  b: a\n  x: v1/podz\n  v: apps/v9/deployments\n  y: nothing-here\n');
  const message = (input: string): string => {
    const c = parseCommand(input, ctx);
    return c.kind === 'error' ? c.message : c.kind;
  };
  assert.equal(message('a'), 'alias "a" (/k9s/aliases.yaml line 2) leads back to itself (a → b → a).');
  assert.equal(message('x'), 'alias "x" (/k9s/aliases.yaml line 4) names v1/podz, which the server does not serve.');
  assert.equal(message('v'), 'alias "v" (/k9s/aliases.yaml line 5) names apps/v9/deployments, but the server serves deployments as apps/v1.');
  assert.equal(message('y'), 'alias "y" (/k9s/aliases.yaml line 6) names "nothing-here", which is neither a resource the server serves nor a kx command.');
});

test('completion offers each alias with what it stands for, and namespaces after it', () => {
  const ctx = withAliases(k9sReadme);
  const pp = completeCommand('p', ctx).candidates.find((c) => c.word === 'pp');
  assert.deepEqual(pp && { word: pp.word, detail: pp.detail }, { word: 'pp', detail: 'v1/pods' });
  assert.equal(completeCommand('pp', ctx).candidates[0]?.word, 'pp');
  assert.deepEqual(
    completeCommand('pp sh', ctx).candidates.map((c) => c.text),
    ['pp shop'],
  );
  assert.equal(completeCommand('fre', ctx).completed, 'fred');
});

test("precedence: k9s's global file, then the context's, then kx's own", () => {
  const root = mkdtempSync(join(tmpdir(), 'kx-aliases-'));
  const env = { K9S_CONFIG_DIR: join(root, 'k9s'), KX_CONFIG_DIR: join(root, 'kx') };
  const contextDir = k9sContextDir('arn:aws:eks:eu-west-1:1234:cluster/prod', 'prod/admin', env);
  assert.equal(contextDir, join(root, 'k9s', 'clusters', 'arn-aws-eks-eu-west-1-1234-cluster-prod', 'prod-admin'), "k9s's sanitising of : and /");
  for (const dir of [env.K9S_CONFIG_DIR, contextDir, env.KX_CONFIG_DIR]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(env.K9S_CONFIG_DIR, 'aliases.yaml'), 'aliases:\n  pp: v1/pods\n  dd: apps/v1/deployments\n  ss: v1/services\n');
  writeFileSync(join(contextDir, 'aliases.yaml'), 'aliases:\n  dd: apps/v1/daemonsets\n  ss: v1/secrets\n');
  writeFileSync(join(env.KX_CONFIG_DIR, 'aliases.yaml'), 'aliases:\n  ss: v1/configmaps\n');
  const files = loadUserFiles({ cluster: 'arn:aws:eks:eu-west-1:1234:cluster/prod', context: 'prod/admin' }, undefined, env);
  assert.deepEqual(files.problems, []);
  assert.deepEqual(Object.fromEntries([...files.aliases].map(([k, a]) => [k, a.value])), { pp: 'v1/pods', dd: 'apps/v1/daemonsets', ss: 'v1/configmaps' });
});
