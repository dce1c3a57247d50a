/** The kubectl plugin launcher: kubectl finds bin/kubectl-kx on PATH and passes arguments verbatim. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../bin', import.meta.url));
// kubectl-kx runs on the `node` first on PATH: the one this test runs on (Node 24 from the devDependency).
const env = { ...process.env, PATH: `${bin}:${dirname(process.execPath)}:${process.env['PATH'] ?? ''}` };

test('kubectl plugin list finds kubectl-kx', async () => {
  const r = await run('kubectl', ['plugin', 'list'], { env });
  assert.match(r.stdout, /\/bin\/kubectl-kx$/m);
});

test('kubectl kx --version and --help run kx with the arguments as given', async () => {
  const version = await run('kubectl', ['kx', '--version'], { env });
  assert.match(version.stdout, /^kx \d+\.\d+\.\d+ \(node v\d+/);
  const help = await run('kubectl', ['kx', '--help'], { env });
  assert.match(help.stdout, /^kubectl kx — a terminal UI cluster explorer/);
  assert.match(help.stdout, /kubectl kx deploy -n shop/);
});
