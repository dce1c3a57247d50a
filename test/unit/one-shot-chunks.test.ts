/**
 * What a one-shot command loads at start: bundles kx the way scripts/build.mjs does and follows the
 * static imports between the output files from a command's own file. client-node's generated API
 * (4.7 MB, ~60 ms of every start) must not be among them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { bundleOptions } = (await import(new URL('../../scripts/build.mjs', import.meta.url).href)) as { bundleOptions: Parameters<typeof build>[0] };

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
