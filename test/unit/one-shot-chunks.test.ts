/**
 * What a one-shot command loads at start: bundles kx the way scripts/build.mjs does and follows the
 * static imports between the output files from a command's own file. client-node's generated API
 * (4.7 MB, ~60 ms of every start) must not be among them, and libraries only some kubeconfigs need
 * must not run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { bundleOptions, oneShotOptions } = (await import(new URL('../../scripts/build.mjs', import.meta.url).href)) as {
  bundleOptions: Parameters<typeof build>[0];
  oneShotOptions: () => Parameters<typeof build>[0];
};

/** The input files of every output file that loading `start` loads before it runs (static imports only). */
function loadedInputs(meta: Metafile, start: string): string[] {
  const seen = new Set<string>();
  const queue = [start];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const i of meta.outputs[file]!.imports) if (i.kind === 'import-statement' && !i.external) queue.push(i.path);
  }
  return [...seen].flatMap((f) => Object.keys(meta.outputs[f]!.inputs));
}

test('one-shot commands and the TUI load no part of client-node’s generated API', async () => {
  const result = await build({ ...bundleOptions, absWorkingDir: root, outdir: 'dist', write: false, metafile: true, sourcemap: false, logLevel: 'silent' });
  const meta = result.metafile;
  const entryOf = (source: string): string => {
    const out = Object.keys(meta.outputs).find((o) => meta.outputs[o]!.entryPoint === source);
    assert.ok(out, `sanity: ${source} is an entry of the bundle`);
    return out;
  };
  for (const source of ['src/cli/commands/scale-command.ts', 'src/cli/commands/top-command.ts', 'src/cli/commands/port-forward-command.ts', 'src/cli/tui-command.ts']) {
    const inputs = loadedInputs(meta, entryOf(source));
    assert.ok(
      inputs.some((i) => i.endsWith('@kubernetes/client-node/dist/config.js')),
      `sanity: ${source} loads client-node's KubeConfig`,
    );
    assert.deepEqual(
      inputs.filter((i) => /@kubernetes\/client-node\/dist\/gen\/(apis|types|models)\//.test(i)),
      [],
      `${source} loads client-node's generated API`,
    );
  }
});

test('each one-shot file holds its command alone: no Ink, React or generated API', async () => {
  const result = await build({ ...oneShotOptions(), absWorkingDir: root, write: false, metafile: true, logLevel: 'silent' });
  const outputs = Object.entries(result.metafile.outputs);
  assert.ok(outputs.length >= 15, `sanity: a file per command module (${outputs.length})`);
  for (const [file, out] of outputs) {
    const inputs = Object.keys(out.inputs);
    assert.ok(
      out.imports.every((i) => i.external),
      `${file} imports no other output file`,
    );
    assert.deepEqual(
      inputs.filter((i) => /node_modules\/(ink|react|react-reconciler|yoga-layout)\/|@kubernetes\/client-node\/dist\/gen\/(apis|types|models)\/|src\/ui\//.test(i)),
      [],
      `${file} bundles the TUI or the generated API`,
    );
  }
});

test('a one-shot runs from its own file, and loads the SOCKS proxy, oidc and jsonpath libraries only when a kubeconfig uses them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kx-one-shot-'));
  try {
    await build({ ...bundleOptions, absWorkingDir: root, outdir: join(dir, 'dist'), sourcemap: false, logLevel: 'silent' });
    await build({ ...oneShotOptions(), absWorkingDir: root, outdir: join(dir, 'dist', 'one-shot'), logLevel: 'silent' });
    // A token user and a closed port: kx parses the kubeconfig, builds the client, and fails to connect.
    const kubeconfig = join(dir, 'config.yaml');
    writeFileSync(
      kubeconfig,
      'apiVersion: v1\nkind: Config\ncurrent-context: c\nclusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]\nusers: [{name: u, user: {token: t}}]\ncontexts: [{name: c, context: {cluster: c, user: u}}]\n',
    );
    // kx exits through process.exit on the error: the list is written then.
    // Every file the module loader resolves, to see which of kx's files ran.
    const script = `const resolved = [];
      require('node:module').registerHooks({ resolve: (specifier, context, next) => { const r = next(specifier, context); resolved.push(r.url); return r; } });
      process.on('exit', () => require('node:fs').writeSync(1, JSON.stringify({ builtins: process.moduleLoadList, resolved })));
      const { main } = await import(${JSON.stringify(pathToFileURL(join(dir, 'dist', 'main.js')).href)});
      await main(['top', 'pods', '--kubeconfig', ${JSON.stringify(kubeconfig)}, '--request-timeout', '2s'], { invokedAs: 'kx' });`;
    const run = spawnSync(process.execPath, ['--input-type=commonjs', '-e', `(async () => { ${script} })()`], { encoding: 'utf8' });
    assert.match(run.stderr, /127\.0\.0\.1/, 'sanity: kx got as far as connecting');
    const { builtins: loaded, resolved } = JSON.parse(run.stdout) as { builtins: string[]; resolved: string[] };
    const ownFiles = [...new Set(resolved)].filter((url) => url.startsWith(pathToFileURL(join(dir, 'dist')).href)).map((url) => url.slice(pathToFileURL(join(dir, 'dist')).href.length));
    assert.ok(ownFiles.includes('/one-shot/top-command.js'), `kx top ran from its own file: ${ownFiles.join(' ')}`);
    // main.js and its few small chunks (the built-ins' stand-ins, the usage error), then the command's one file (was ~40).
    assert.ok(ownFiles.length <= 8, `kx top loads ${ownFiles.length} of kx's files: ${ownFiles.join(' ')}`);
    assert.ok(loaded.includes('NativeModule https'), 'sanity: the list names built-ins');
    // jsonpath-plus loads vm; socks loads dns.
    assert.deepEqual(
      loaded.filter((m) => m === 'NativeModule vm' || m === 'NativeModule dns'),
      [],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
