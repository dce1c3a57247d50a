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

test('run through its shebang line, the launcher still gets to say it (no V8 flag an old Node refuses)', { skip: !hasOldNode() }, () => {
  // `env -S node FLAGS` finds the old Node first on PATH; a flag it does not know would stop it
  // with "bad option" before the launcher runs.
  const r = spawnSync(kx, ['--version'], { encoding: 'utf8', env: { ...process.env, PATH: `/usr/bin:${process.env['PATH']}` } });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /^kx needs Node\.js 22\.19 or newer but this is v\d+\.\d+\.\d+: .*\.\n$/);
});

function hasOldNode(): boolean {
  const r = spawnSync('/usr/bin/node', ['--version'], { encoding: 'utf8' });
  const major = Number(r.stdout.replace(/^v/, '').split('.')[0]);
  return r.status === 0 && major < 22;
}

test('run through its shebang line, kx caps glibc malloc arenas (MALLOC_ARENA_MAX=2) for its own process', () => {
  // A module run before the launcher prints what the process was started with, then exits (no
  // spaces: NODE_OPTIONS splits on them).
  const probe = 'data:text/javascript,console.log(process.env.MALLOC_ARENA_MAX||"unset");process.exit(0)';
  const pinned = fileURLToPath(new URL('../../node_modules/.bin', import.meta.url));
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${pinned}:${process.env['PATH']}`, NODE_OPTIONS: `--import=${probe}` };
  delete env['MALLOC_ARENA_MAX'];
  for (const bin of ['kx', 'kubectl-kx']) {
    const r = spawnSync(fileURLToPath(new URL(`../../bin/${bin}`, import.meta.url)), ['--version'], { encoding: 'utf8', env });
    assert.equal(r.stdout.trim(), '2', `${bin}: ${r.stderr}`);
  }
});
