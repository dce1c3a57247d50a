// The script Node runs inside kx's single executable (scripts/package.mjs). Node 24 runs only a
// CommonJS script there, and kx's bundle is ES modules (Ink and yoga-layout use top-level await),
// so the bundle's files ride along as assets: the first start writes them to the cache folder,
// every start imports them from there with Node's compile cache, as the npm package's launcher
// does (bin/launch.mjs), and one-shot commands still load no TUI code.
const sea = process.getBuiltinModule('node:sea');
const { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } = process.getBuiltinModule('node:fs');
const module_ = process.getBuiltinModule('node:module');
const { homedir } = process.getBuiltinModule('node:os');
const { dirname, join } = process.getBuiltinModule('node:path');
const { pathToFileURL } = process.getBuiltinModule('node:url');

const files = JSON.parse(sea.getAsset('files.json', 'utf8'));
// The same folder as src/config/paths.ts cacheDir().
const base = process.env.KX_CACHE_DIR || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'kx');
const dir = join(base, 'bundle', files.id);
if (!existsSync(join(dir, 'sea-entry.mjs'))) {
  // Written beside, then renamed: a second kx starting meanwhile never sees half a bundle.
  const part = `${dir}.${process.pid}.part`;
  mkdirSync(part, { recursive: true });
  for (const name of files.names) {
    // Names may be in a folder (one-shot/…).
    mkdirSync(dirname(join(part, name)), { recursive: true });
    writeFileSync(join(part, name), new Uint8Array(sea.getRawAsset(name)));
  }
  try {
    renameSync(part, dir);
  } catch {
    rmSync(part, { recursive: true, force: true }); // another kx got there first
  }
}
try {
  module_.enableCompileCache?.(join(base, 'compile-cache'));
} catch {
  // no cache: just slower
}
import(pathToFileURL(join(dir, 'sea-entry.mjs')).href);
