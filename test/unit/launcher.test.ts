import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const kx = fileURLToPath(new URL('../../bin/kx', import.meta.url));

test('the launcher refuses an old Node in one sentence and exits 1', { skip: !hasOldNode() }, () => {
  const r = spawnSync('/usr/bin/node', [kx, '--version'], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^kx needs Node\.js 22\.19 or newer but this is v\d+\.\d+\.\d+: .*\.\n$/);
  assert.equal(r.stderr.trim().split('\n').length, 1);
});

function hasOldNode(): boolean {
  const r = spawnSync('/usr/bin/node', ['--version'], { encoding: 'utf8' });
  const major = Number(r.stdout.replace(/^v/, '').split('.')[0]);
  return r.status === 0 && major < 22;
}
