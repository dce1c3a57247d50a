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
  assert.throws(
    () => parseCommandLine(['--bogus']),
    (err: unknown) => {
      assert.ok(err instanceof UsageError);
      assert.equal(err.message, "unknown flag: --bogus (see 'kx --help')");
      return true;
    },
  );
});

test('a value flag takes the next word even when it starts with a dash, as pflag does', () => {
  const options = { tail: { type: 'string' }, container: { type: 'string', short: 'c' }, follow: { type: 'boolean', short: 'f' } } as const;
  const a = parseCommandLine(['logs', 'web', '--tail', '-1', '-c', '-odd', '-n', '-ns', '-f'], options);
  assert.deepEqual([a.options['tail'], a.options['container'], a.flags.namespace, a.options['follow']], ['-1', '-odd', '-ns', true]);
  assert.deepEqual(a.positionals, ['web']);
  // After `--` the words are arguments, not flags.
  assert.deepEqual(parseCommandLine(['exec', 'web', '--', 'ls', '--tail', '-1'], options).positionals, ['web', 'ls', '--tail', '-1']);
  // A boolean flag takes no value: the dash word after it is a flag of its own.
  assert.throws(() => parseCommandLine(['logs', '-f', '-x'], options), /unknown flag: -x/);
});

test('a flag mistake names the help of the command that was run', () => {
  const usage = { invokedAs: 'kubectl kx', command: 'logs' };
  assert.throws(() => parseCommandLine(['web', '--bogus'], {}, usage), { message: "unknown flag: --bogus (see 'kubectl kx logs --help')" });
  // pflag's words for a value flag at the end of the line.
  assert.throws(() => parseCommandLine(['web', '--tail'], { tail: { type: 'string' } }, usage), { message: "flag needs an argument: --tail (see 'kubectl kx logs --help')" });
  assert.throws(() => parseCommandLine(['web', '-c'], { container: { type: 'string', short: 'c' } }, usage), { message: "flag needs an argument: --container (see 'kubectl kx logs --help')" });
});
