// Bundles src/ into dist/ with esbuild. Packages stay external (they are installed beside kx),
// except @kubernetes/client-node: kx uses only its KubeConfig/auth and Exec, but importing them
// from the package loads every generated API model (0.5 s and 60 MB at start-up). Bundled, with
// the generated code marked free of side effects, esbuild keeps only what kx reaches.
// Code splitting keeps the TUI (Ink, React) out of the one-shot commands' start-up path.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// js-yaml too: client-node's bundled copy and kx's own import must be one module, not two.
const bundled = new Set(['@kubernetes/client-node', 'js-yaml']);
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

/**
 * client-node imports undici at the top of its config module, for the dispatchers of its generated
 * API calls, which kx does not make (its requests go through node:https). A stand-in that loads
 * undici only if one of those is ever built keeps ~45 ms and ~25 MB off every start.
 */
const undiciOnDemand = {
  name: 'undici-on-demand',
  setup(b) {
    b.onResolve({ filter: /^undici$/ }, (args) =>
      args.importer.includes('@kubernetes/client-node') ? { path: 'undici-on-demand', namespace: 'kx-shim' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'kx-shim' }, () => ({
      resolveDir: process.cwd(),
      contents: `
        const load = () => require('undici');
        export class Agent { constructor(...args) { return new (load().Agent)(...args); } }
        export class ProxyAgent { constructor(...args) { return new (load().ProxyAgent)(...args); } }
        export function fetch(...args) { return load().fetch(...args); }
      `,
    }));
  },
};

/**
 * `import … from 'node:http'` makes Node build an ES module facade of node:http, which reads every
 * export, and its lazy WebSocket/MessageEvent getters load Node's internal undici (~20 ms at every
 * start). Through require() there is no facade and the getters stay lazy.
 */
const httpThroughRequire = {
  name: 'http-through-require',
  setup(b) {
    b.onResolve({ filter: /^(node:)?https?$/ }, (args) =>
      // The stand-in's own require() is the real module.
      args.namespace === 'kx-builtin' ? { path: args.path, external: true } : { path: args.path.replace(/^node:/, ''), namespace: 'kx-builtin' },
    );
    b.onLoad({ filter: /.*/, namespace: 'kx-builtin' }, (args) => ({ contents: `module.exports = require('node:${args.path}');`, loader: 'js' }));
  },
};

// Chunks are content-hashed: files of earlier builds would pile up beside the new ones.
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

await build({
  entryPoints: ['src/cli/main.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  external,
  plugins: [httpThroughRequire, undiciOnDemand, generatedCodeIsPure],
  // Bundled CommonJS code (client-node's dependencies) calls require(); ESM has none.
  banner: { js: "import { createRequire as __kxCreateRequire } from 'node:module'; const require = __kxCreateRequire(import.meta.url);" },
  sourcemap: 'linked',
  jsx: 'automatic',
  logLevel: 'warning',
});
