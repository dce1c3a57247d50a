// Shared by bin/kx and bin/kubectl-kx: refuse an old Node in one sentence, then load the bundle.
// Built-ins are taken with process.getBuiltinModule (Node 22.3+), after the version check, not
// imported: an `import` of node:fs builds an ES module facade that reads every export, and its
// lazy getters load fs streams (~4 ms of every command's start).

const REQUIRED = [22, 19];

/** True when `version` ('v22.19.0') is at least the required major.minor. */
function isSupported(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > REQUIRED[0] || (major === REQUIRED[0] && minor >= REQUIRED[1]);
}

/**
 * V8's on-disk code cache (Node 22.1+): later runs skip compiling kx and its dependencies, which
 * is most of a one-shot command's start-up. The cache lives outside the repo; failures are ignored.
 */
function enableCodeCache() {
  try {
    const module = process.getBuiltinModule('node:module');
    const { homedir } = process.getBuiltinModule('node:os');
    const { join } = process.getBuiltinModule('node:path');
    // The same folder as src/config/paths.ts cacheDir() (this file runs before the bundle loads).
    const base = process.env.KX_CACHE_DIR || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'kx');
    module.enableCompileCache?.(join(base, 'compile-cache'));
  } catch {
    // no cache: just slower
  }
}

/** Checks the runtime and starts kx; `invokedAs` names the command in help and errors. */
export async function launch(invokedAs) {
  if (!isSupported(process.version)) {
    process.stderr.write(
      `kx needs Node.js ${REQUIRED.join('.')} or newer but this is ${process.version}: ` +
        'install a newer Node, or run it from a clone with `npm start`, which uses the Node 24 the project pins.\n',
    );
    process.exit(1);
  }
  const { existsSync } = process.getBuiltinModule('node:fs');
  const { fileURLToPath } = process.getBuiltinModule('node:url');
  const entry = new URL('../dist/main.js', import.meta.url);
  if (!existsSync(fileURLToPath(entry))) {
    process.stderr.write('kx is not built yet: run `npm install` (or `npm run build`) in the kx folder first.\n');
    process.exit(1);
  }
  enableCodeCache();
  // React and its reconciler pick their development builds unless told otherwise; those are
  // several times slower and keep debugging data for every element (seen first in a CPU profile).
  process.env.NODE_ENV ??= 'production';
  const { main } = await import(entry.href);
  await main(process.argv.slice(2), { invokedAs });
}
