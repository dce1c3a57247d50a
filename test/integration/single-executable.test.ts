/**
 * The release archive as a kubectl user gets it: `npm run package` for this machine (linux-x64),
 * the archive unpacked into a folder on a PATH with no node on it, kubectl finding kubectl-kx,
 * `kubectl kx version` and `kubectl kx scale` against a demo cluster this test starts, and the krew
 * manifest naming the archive's real sha256. The executable itself is cached in ~/.cache/kx/sea by
 * the bundle's hash, so only a changed kx pays the minute of making it.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { deployment } from '../support/demo-fixtures.ts';
import { kubectlOk } from '../support/kubectl.ts';
import { openDemo, type DemoFixture } from '../support/kube-demo.ts';
import { runProcess } from '../support/run-process.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const archiveName = `kx-${version}-linux-x64.tar.gz`;
const supported = process.platform === 'linux' && process.arch === 'x64';
let dir: string;
let release: string;
let bin: string;
let demo: DemoFixture;

/** A PATH of the unpacked archive and a folder holding kubectl and the two tools the launch scripts use: no node. */
const env = (): NodeJS.ProcessEnv => ({ HOME: dir, XDG_CACHE_HOME: join(dir, 'cache'), PATH: `${bin}:${join(dir, 'tools')}` });

before(async () => {
  if (!supported) return;
  dir = mkdtempSync(join(tmpdir(), 'kx-sea-'));
  release = join(dir, 'release');
  const made = await runProcess(process.execPath, [join(root, 'scripts', 'package.mjs'), '--targets', 'linux-x64', '--out', release], { timeoutMs: 240_000 });
  assert.equal(made.code, 0, made.stderr);
  bin = join(dir, 'bin');
  mkdirSync(bin);
  execFileSync('tar', ['-xzf', join(release, archiveName), '-C', bin]);
  mkdirSync(join(dir, 'tools'));
  for (const tool of ['kubectl', 'dirname', 'readlink']) symlinkSync(execFileSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim(), join(dir, 'tools', tool));
  demo = await openDemo();
});

after(async () => {
  await demo?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the archive holds kx, kubectl-kx, kubectl_complete-kx and the completion scripts, and its PATH has no node', { skip: !supported }, async () => {
  const listed = execFileSync('tar', ['-tzf', join(release, archiveName)], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .sort();
  assert.deepEqual(listed, ['completion/', 'completion/kx.bash', 'completion/kx.fish', 'completion/kx.zsh', 'kubectl-kx', 'kubectl_complete-kx', 'kx']);
  const node = await runProcess('/bin/sh', ['-c', 'command -v node'], { env: env() });
  assert.notEqual(node.code, 0, `node is on the test's PATH: ${node.stdout}`);
});

test('kubectl plugin list finds kubectl-kx, and kubectl kx version is the executable with its own Node', { skip: !supported }, async () => {
  const list = await runProcess('kubectl', ['plugin', 'list'], { env: env() });
  assert.equal(list.code, 0, list.stderr);
  assert.ok(list.stdout.split('\n').includes(join(bin, 'kubectl-kx')), list.stdout);
  const r = await runProcess('kubectl', ['kx', 'version'], { env: env() });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`^kx ${version.replace(/\./g, '\\.')} \\(node ${process.version}, linux/x64, commit [^)]+\\)\\n$`));
  // Help names the plugin as kubectl runs it.
  const help = await runProcess('kubectl', ['kx', '--help'], { env: env() });
  assert.match(help.stdout, /^kubectl kx — /);
});

test('kubectl kx scale changes the replicas, as kubectl then reads them', { skip: !supported }, async () => {
  demo.server.store.create({ group: 'apps', plural: 'deployments' }, deployment('default', 'web', 3));
  const r = await runProcess('kubectl', ['kx', 'scale', 'deploy/web', '--replicas=2', '--kubeconfig', demo.kubeconfig], { env: env() });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'deployment.apps/web scaled\n');
  assert.equal(await kubectlOk(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}'], { kubeconfig: demo.kubeconfig }), '2');
});

test('started through a link named kubectl-kx, as krew installs it (bin: kx), kx speaks as the plugin', { skip: !supported }, async () => {
  mkdirSync(join(dir, 'krew-bin'));
  symlinkSync(join(bin, 'kx'), join(dir, 'krew-bin', 'kubectl-kx'));
  const r = await runProcess(join(dir, 'krew-bin', 'kubectl-kx'), ['--help'], { env: env() });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^kubectl kx — /);
  const plain = await runProcess(join(bin, 'kx'), ['--help'], { env: env() });
  assert.match(plain.stdout, /^kx — /);
});

test('kubectl_complete-kx answers kubectl with candidates and the no-file directive', { skip: !supported }, async () => {
  const r = await runProcess(join(bin, 'kubectl_complete-kx'), ['sc'], { env: env() });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'scale\n:4\n');
});

test("the krew manifest names each archive's real sha256, for krew's os/arch", { skip: !supported }, () => {
  const manifest = parse(readFileSync(join(release, 'kx.yaml'), 'utf8')) as {
    apiVersion: string;
    kind: string;
    spec: { version: string; platforms: { selector: { matchLabels: Record<string, string> }; uri: string; sha256: string; bin: string }[] };
  };
  assert.equal(manifest.apiVersion, 'krew.googlecontainertools.github.com/v1alpha2');
  assert.equal(manifest.kind, 'Plugin');
  assert.equal(manifest.spec.version, `v${version}`);
  const linux = manifest.spec.platforms.find((p) => p.selector.matchLabels['os'] === 'linux' && p.selector.matchLabels['arch'] === 'amd64');
  assert.ok(linux, JSON.stringify(manifest.spec.platforms));
  assert.equal(
    linux.sha256,
    createHash('sha256')
      .update(readFileSync(join(release, archiveName)))
      .digest('hex'),
  );
  assert.ok(linux.uri.endsWith(`/${archiveName}`), linux.uri);
  assert.equal(linux.bin, 'kx');
});
