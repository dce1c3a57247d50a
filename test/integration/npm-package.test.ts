/**
 * The npm package as a user gets it: `npm pack` of a copy of this checkout (without dist/ and
 * without .git) builds dist/ itself, and `npm install -g` of the tarball installs kx and kubectl-kx
 * with nothing built at install time and only the runtime dependencies (undici, from the registry
 * or npm's cache), which then run on Node 24, refuse the system's Node 20 in one line, and talk to
 * a demo cluster they started themselves.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { finished, runProcess, stdoutUntil } from '../support/run-process.ts';
import { waitFor } from '../support/wait-for.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
let prefix: string;
// npm is a `#!/usr/bin/env node` script: with the Node this test runs on (the pinned Node 24) first
// on PATH, npm, the package's scripts and the installed kx all run on it.
const env = (): NodeJS.ProcessEnv => ({ ...process.env, PATH: `${dirname(process.execPath)}:${process.env['PATH'] ?? ''}`, XDG_CACHE_HOME: join(dir, 'cache') });

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-package-'));
  prefix = join(dir, 'prefix');
  // The working tree as it is (tracked and new files, not ignored ones), so the test covers
  // uncommitted changes; node_modules is shared, not copied.
  const checkout = join(dir, 'checkout');
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' }).split('\0');
  for (const file of files) {
    if (file === '' || file === 'node_modules' || !existsSync(join(root, file))) continue;
    mkdirSync(dirname(join(checkout, file)), { recursive: true });
    cpSync(join(root, file), join(checkout, file));
  }
  symlinkSync(realpathSync(join(root, 'node_modules')), join(checkout, 'node_modules'));

  const pack = await runProcess('npm', ['pack', '--json', '--pack-destination', dir], { cwd: checkout, env: env(), timeoutMs: 120_000 });
  assert.equal(pack.code, 0, pack.stderr);
  const [packed] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  const paths = packed!.files.map((f) => f.path);
  assert.ok(paths.includes('dist/main.js') && paths.includes('bin/kx') && paths.includes('bin/launch.mjs'), paths.join(' '));
  assert.deepEqual(
    paths.filter((p) => !/^(bin|dist)\//.test(p)),
    ['LICENSE', 'README.md', 'package.json'].filter((p) => paths.includes(p)),
  );

  const install = await runProcess('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', join(dir, packed!.filename)], { env: env(), timeoutMs: 120_000 });
  assert.equal(install.code, 0, install.stderr);
  // No engine mismatch on Node 24, and nothing else to say but one notice: npm 11 lists a local
  // tarball's `prepare` (kx's build, for clones) among install scripts to approve, though it never
  // runs it for a tarball (the readdir below finds no sources it could build from).
  assert.deepEqual(
    install.stderr.split('\n').filter((line) => line !== '' && !line.startsWith('npm warn install-scripts')),
    [],
  );
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the installed package is the bundle plus its one runtime dependency: no sources, no build tools', () => {
  const pkgDir = join(prefix, 'lib', 'node_modules', 'kx');
  assert.deepEqual(
    readdirSync(pkgDir).sort(),
    ['LICENSE', 'README.md', 'bin', 'dist', 'node_modules', 'package.json'].filter((f) => existsSync(join(pkgDir, f))),
  );
  assert.deepEqual(
    readdirSync(join(pkgDir, 'node_modules')).filter((f) => !f.startsWith('.')),
    ['undici'],
  );
});

test('kx and kubectl-kx are on the prefix bin and print the build (commit unknown: the packed copy has no .git)', async () => {
  for (const bin of ['kx', 'kubectl-kx']) {
    const r = await runProcess(join(prefix, 'bin', bin), ['version'], { env: env() });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `kx ${r.stdout.split(' ')[1]} (node ${process.version}, ${process.platform}/${process.arch}, commit unknown)\n`);
  }
});

test('on an older Node the installed kx says which Node it needs, in one line, and exits 1', { skip: !hasOldNode() }, async () => {
  const r = await runProcess(join(prefix, 'bin', 'kx'), ['version'], { env: { ...env(), PATH: `/usr/bin:${process.env['PATH'] ?? ''}` } });
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^kx needs Node\.js 22\.19 or newer but this is v\d+\.\d+\.\d+: [^\n]*\n$/);
});

test('the installed kx runs its demo cluster and kx top nodes reads it', async () => {
  const kubeconfig = join(dir, 'demo.yaml');
  const demo = spawn(join(prefix, 'bin', 'kx'), ['demo', '--no-churn', '--kubeconfig', kubeconfig], { env: env(), stdio: ['pipe', 'pipe', 'pipe'] });
  const ended = finished(demo);
  try {
    await stdoutUntil(demo, (t) => t.includes(`kubeconfig: ${kubeconfig}\n`));
    const top = await waitFor('kx top nodes to list the nodes', async () => {
      const r = await runProcess(join(prefix, 'bin', 'kx'), ['top', 'nodes', '--kubeconfig', kubeconfig], { env: env() });
      return r.code === 0 && r.stdout;
    });
    assert.match(top, /^NAME +CPU\(cores\) +CPU\(%\) +MEMORY\(bytes\) +MEMORY\(%\) *\n/);
    assert.ok(top.trim().split('\n').length > 1, top);
  } finally {
    demo.kill('SIGTERM');
    await ended;
  }
});

function hasOldNode(): boolean {
  try {
    const major = Number(execFileSync('/usr/bin/node', ['--version'], { encoding: 'utf8' }).replace(/^v/, '').split('.')[0]);
    return major < 22;
  } catch {
    return false;
  }
}
