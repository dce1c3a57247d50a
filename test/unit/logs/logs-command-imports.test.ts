/**
 * `kx logs` is a one-shot command: its module graph must not reach Ink, React or the TUI, so it
 * starts fast. Bundles the command the way scripts/build.mjs does and reads what it imports.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

test('the logs command imports neither Ink nor React nor anything under src/ui', async () => {
  const entry = fileURLToPath(new URL('../../../src/cli/commands/logs-command.ts', import.meta.url));
  const result = await build({ entryPoints: [entry], bundle: true, write: false, metafile: true, format: 'esm', platform: 'node', packages: 'external', logLevel: 'silent' });
  const packages = new Set(Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path.split('/')[0])));
  const sources = Object.keys(result.metafile.inputs);
  assert.ok(
    sources.some((s) => s.includes('src/logs/log-follower.ts')),
    'sanity: the bundle holds the log core',
  );
  for (const forbidden of ['ink', 'react', 'ink-testing-library']) assert.ok(!packages.has(forbidden), `imports ${forbidden}`);
  assert.deepEqual(
    sources.filter((s) => s.includes('src/ui/')),
    [],
  );
});
