import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCommandLine, UsageError } from '../../src/cli/args.ts';

test('global flags are spelled as kubectl spells them', () => {
  const a = parseCommandLine(['-n', 'shop', '--context=prod', '--kubeconfig', '/tmp/k', '-A', 'pods']);
  assert.equal(a.command, 'pods');
  assert.equal(a.flags.namespace, 'shop');
  assert.equal(a.flags.context, 'prod');
  assert.equal(a.flags.kubeconfig, '/tmp/k');
  assert.equal(a.flags.allNamespaces, true);
  assert.equal(parseCommandLine(['--namespace=web']).flags.namespace, 'web');
});

test('an unknown flag is a usage error with a hint', () => {
  assert.throws(() => parseCommandLine(['--bogus']), (err: unknown) => {
    assert.ok(err instanceof UsageError);
    assert.equal(err.message, "unknown flag: --bogus (see 'kx --help')");
    return true;
  });
});
