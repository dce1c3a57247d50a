// Bundles src/ into dist/ with esbuild. Packages stay external (they are installed beside kx);
// code splitting keeps the TUI (Ink, React) out of the one-shot commands' start-up path.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  packages: 'external',
  sourcemap: 'linked',
  jsx: 'automatic',
  logLevel: 'warning',
});
