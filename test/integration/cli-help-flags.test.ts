/** Each one-shot's --help names every flag its option table parses, long or short (the table is also what completion offers). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runKx } from '../support/kx-process.ts';
import { ownFlags } from '../../src/cli/command-flag-names.ts';

const commands = ['logs', 'exec', 'attach', 'port-forward', 'scale', 'rollout', 'set', 'create', 'top', 'cordon', 'drain', 'record', 'changes', 'snapshot'];

for (const command of commands) {
  test(`kx ${command} --help lists each of its flags`, async () => {
    const help = await runKx([command, '--help']);
    assert.equal(help.code, 0, help.stderr);
    const named = (flag: string): boolean => new RegExp(`(^|[\\s,[(|])${flag.replace(/-/g, '\\-')}(?![\\w-])`, 'm').test(help.stdout);
    const missing = (await ownFlags(command)).filter((f) => !named(f.long) && !(f.short !== undefined && named(f.short))).map((f) => f.long);
    assert.deepEqual(missing, [], `kx ${command} --help does not mention ${missing.join(', ')}`);
  });
}
