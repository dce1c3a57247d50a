// Bundles src/ into dist/ with esbuild. Packages stay external (they are installed beside kx),
// except @kubernetes/client-node: kx uses only its KubeConfig/auth and Exec, but importing them
// from the package loads every generated API model (0.5 s and 60 MB at start-up). Bundled, with
// the generated code marked free of side effects, esbuild keeps only what kx reaches.
// Code splitting keeps the TUI (Ink, React) out of the one-shot commands' start-up path.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const bundled = new Set(['@kubernetes/client-node']);
const external = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
  .filter((name) => !bundled.has(name))
  .flatMap((name) => [name, `${name}/*`]);

/** Tells esbuild that client-node's generated API code has no side effects, so unused parts drop. */
const generatedCodeIsPure = {
  name: 'client-node-generated-code-is-pure',
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === 'resolving') return undefined;
      if (!args.importer.includes('@kubernetes/client-node') && !args.path.startsWith('@kubernetes/client-node')) return undefined;
      const result = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: 'resolving' });
      if (result.errors.length > 0) return undefined;
      return result.path.includes('/@kubernetes/client-node/dist/gen/') ? { ...result, sideEffects: false } : result;
    });
  },
};

await build({
  entryPoints: ['src/cli/main.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  external,
  plugins: [generatedCodeIsPure],
  // Bundled CommonJS code (client-node's dependencies) calls require(); ESM has none.
  banner: { js: "import { createRequire as __kxCreateRequire } from 'node:module'; const require = __kxCreateRequire(import.meta.url);" },
  sourcemap: 'linked',
  jsx: 'automatic',
  logLevel: 'warning',
});
