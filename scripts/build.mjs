// Bundles src/ into dist/ with esbuild, dependencies included: Node's ES module loader pays for
// every file it resolves and reads, and Ink alone is about a hundred of them (measured: ~170 ms of
// a 490 ms first frame went to loading Ink and its dependencies file by file). One bundle per
// entry point (plus shared chunks) loads in a few reads, and V8's code cache covers the compiling.
// @kubernetes/client-node is bundled with its generated API code marked free of side effects, so
// only the KubeConfig/auth and Exec parts kx uses remain (importing the package loads every model).
// Code splitting keeps the TUI (Ink, React) out of the one-shot commands' start-up path.
import { readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { gitCommit } from './build-commit.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// Left outside the bundle: package.json's dependencies, which npm installs beside an installed kx
// (only undici, loaded on demand, see below: every other library is bundled, so it is a
// devDependency), ws's optional native helpers, which it requires inside try/catch when they are
// installed, and react-devtools-core, which Ink imports only when DEV=true asks for React DevTools.
const external = [...Object.keys(pkg.dependencies), 'bufferutil', 'utf-8-validate', 'react-devtools-core'].flatMap((name) => [name, `${name}/*`]);

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
 * What client-node's hand-written modules take from its generated API's index, and where from.
 * Code splitting puts whole files into chunks by which entry points reach them through the import
 * graph, tree shaking or not: config.js (every command) importing gen/index.js, which re-exports
 * every API and model, and portforward.js using CoreV1Api through it, put the whole 4.7 MB
 * generated API into a chunk every one-shot (and the TUI) loaded: ~60 ms of `kx scale`.
 * config.js gets its two names from the files that define them. portforward.js needs the API only
 * for portForwardService/portForwardDeployment, which kx never calls (it resolves services and
 * workloads to a pod itself and calls portForward): stand-ins that say so keep the generated API
 * out of the bundle. A name missing here (after a client-node upgrade) fails the build ("No
 * matching export"), it does not go unnoticed.
 */
const generatedIndexNarrowed = {
  'config.js': `export { createConfiguration } from './gen/configuration.js';
    export { ServerConfiguration } from './gen/servers.js';`,
  'portforward.js': `const leftOut = (name) => class { constructor() { throw new Error(name + ' is not bundled in kx: it forwards to pods only'); } };
    export const AppsV1Api = leftOut('AppsV1Api');
    export const CoreV1Api = leftOut('CoreV1Api');`,
};

/** Points client-node's imports of gen/index.js at the files that define what they use (see above). */
const narrowGeneratedIndex = {
  name: 'narrow-generated-index',
  setup(b) {
    b.onResolve({ filter: /^\.\/gen\/index\.js$/ }, (args) => {
      if (!/[\\/]@kubernetes[\\/]client-node[\\/]dist[\\/][^\\/]+\.js$/.test(args.importer)) return undefined;
      const importer = basename(args.importer);
      if (!(importer in generatedIndexNarrowed)) {
        return { errors: [{ text: `client-node's ${importer} imports gen/index.js: list what it uses in generatedIndexNarrowed (scripts/build.mjs)` }] };
      }
      // The importer's own path (in another namespace) keeps the generated-code-is-pure plugin applying.
      return { path: args.importer, namespace: 'kx-gen-index' };
    });
    b.onLoad({ filter: /.*/, namespace: 'kx-gen-index' }, (args) => ({ contents: generatedIndexNarrowed[basename(args.path)], resolveDir: dirname(args.path), loader: 'js' }));
  },
};

/**
 * client-node's imports of libraries that only some kubeconfigs need: a SOCKS proxy (socks,
 * socks-proxy-agent, with ip-address and smart-buffer), the oidc auth provider (openid-client,
 * oauth4webapi) and the azure/gcp providers' cmd-path (jsonpath-plus). Evaluated at every start
 * they cost ~10 ms and load dns and vm; as stand-ins that require() the library on first use they
 * stay bundled but unevaluated until a kubeconfig uses them. Each line must be found as written
 * (the build fails otherwise), so a client-node upgrade that changes them does not go unnoticed.
 */
const lazyImports = {
  'config.js': {
    "import { SocksProxyAgent } from 'socks-proxy-agent';": "const SocksProxyAgent = __kxLazy(() => require('socks-proxy-agent').SocksProxyAgent);",
    "import { SocksClient } from 'socks';": "const SocksClient = __kxLazy(() => require('socks').SocksClient);",
  },
  'oidc_auth.js': { "import * as oidc from 'openid-client';": "const oidc = __kxLazy(() => require('openid-client'));" },
  'azure_auth.js': { "import * as jsonpath from 'jsonpath-plus';": "const jsonpath = __kxLazy(() => require('jsonpath-plus'));" },
  'gcp_auth.js': { "import * as jsonpath from 'jsonpath-plus';": "const jsonpath = __kxLazy(() => require('jsonpath-plus'));" },
};
const lazyPackages = new Set(['socks-proxy-agent', 'socks', 'openid-client', 'jsonpath-plus']);

// Stands for a module, class or function: property reads, `new` and calls go to what load() returns.
const lazyHelper = `const __kxLazy = (load) => new Proxy(function () {}, {
  get: (_, key) => load()[key],
  construct: (_, args) => new (load())(...args),
  apply: (_, self, args) => load().apply(self, args),
});
`;

/** Loads the libraries of `lazyImports` on first use (see above). */
const lazyClientNodeDependencies = {
  name: 'lazy-client-node-dependencies',
  setup(b) {
    b.onLoad({ filter: /[\\/]@kubernetes[\\/]client-node[\\/]dist[\\/][a-z_]+\.js$/ }, (args) => {
      const lines = lazyImports[basename(args.path)];
      if (!lines) return undefined;
      let contents = readFileSync(args.path, 'utf8');
      for (const [line, replacement] of Object.entries(lines)) {
        if (!contents.includes(line)) return { errors: [{ text: `client-node's ${basename(args.path)} no longer has: ${line} (update lazyImports in scripts/build.mjs)` }] };
        contents = contents.replace(line, replacement);
      }
      return { contents: lazyHelper + contents, loader: 'js' };
    });
    // The require() resolves as the import did (jsonpath-plus has a separate CommonJS build).
    b.onResolve({ filter: /^[a-z-]+$/ }, (args) => {
      if (args.kind !== 'require-call' || !lazyPackages.has(args.path) || !args.importer.includes('@kubernetes')) return undefined;
      return b.resolve(args.path, { kind: 'import-statement', resolveDir: args.resolveDir, importer: args.importer });
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
    b.onResolve({ filter: /^undici$/ }, (args) => (args.importer.includes('@kubernetes/client-node') ? { path: 'undici-on-demand', namespace: 'kx-shim' } : undefined));
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
 * `import … from 'node:fs'` (or any built-in) makes Node build an ES module facade, which reads
 * every export, and so runs the lazy getters behind them: node:fs loads its streams, node:util its
 * TextDecoder, node:crypto WebCrypto, node:http Node's internal undici (~20 ms). Through require()
 * there is no facade and the getters stay lazy: ~8 ms less CPU at each start (~2 ms of wall time).
 */
const builtins = new Set(builtinModules.map((m) => m.replace(/^node:/, '')));
const builtinsThroughRequire = {
  name: 'builtins-through-require',
  setup(b) {
    b.onResolve({ filter: /^(node:)?[a-z_]+(\/[a-z_]+)?$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      if (!builtins.has(name) && !args.path.startsWith('node:')) return undefined;
      // The stand-in's own require() is the real module.
      return args.namespace === 'kx-builtin' ? { path: args.path, external: true } : { path: name, namespace: 'kx-builtin' };
    });
    b.onLoad({ filter: /.*/, namespace: 'kx-builtin' }, (args) => ({ contents: `module.exports = require('node:${args.path}');`, loader: 'js' }));
  },
};

/**
 * Yoga (Ink's layout engine) ships its WebAssembly as a data: URL and loads it with fetch() when
 * fetch exists, which makes Node load its whole built-in undici (~40 ms at every TUI start) to
 * decode base64. Without fetch, yoga decodes the same bytes itself; this hides fetch from that one
 * module only.
 */
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(b) {
    b.onLoad({ filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, (args) => ({
      contents: `const fetch = undefined;\n${readFileSync(args.path, 'utf8')}`,
      loader: 'js',
    }));
  },
};

/**
 * Ink composes each frame in a new Output whose caches (each line's styled characters, widths) die
 * with it, so every line of every frame is tokenised again and each of its characters is tested
 * against a Unicode-property regex: most of a frame's cost, once a second while ages tick. Here the
 * caches live across frames in two generations (what the last frame used, what this one uses), so
 * only lines that changed are tokenised and memory stays at two frames' worth; and an ASCII
 * character skips the regex (no ASCII character is a default-ignorable code point), which is made
 * once, not per character (esbuild writes a \p{} literal as new RegExp(…)). Each text
 * replaced must be found as written (the build fails otherwise): an Ink upgrade that changes
 * output.js does not go unnoticed.
 */
const inkOutputReplacements = [
  [
    '    widths = new Map();\n    blockWidths = new Map();\n    styledChars = new Map();',
    '    widths = new KxFrameGenerations();\n    blockWidths = new KxFrameGenerations();\n    styledChars = new KxFrameGenerations();\n    nextFrame() { this.widths.turn(); this.blockWidths.turn(); this.styledChars.turn(); return this; }',
  ],
  [
    '.filter(character => !/^\\p{Default_Ignorable_Code_Point}+$/u.test(character.value))',
    '.filter(character => (character.value.length === 1 && character.value.charCodeAt(0) < 0x80) || !kxDefaultIgnorable.test(character.value))',
  ],
  ['export default class Output {', 'const kxSharedCaches = new OutputCaches();\nexport default class Output {'],
  ['    caches = new OutputCaches();', '    caches = kxSharedCaches.nextFrame();'],
];
const kxFrameGenerations = `const kxDefaultIgnorable = /^\\p{Default_Ignorable_Code_Point}+$/u;
class KxFrameGenerations {
  now = new Map();
  before = new Map();
  get(key) {
    let value = this.now.get(key);
    if (value === undefined) {
      value = this.before.get(key);
      if (value !== undefined) this.now.set(key, value);
    }
    return value;
  }
  set(key, value) { this.now.set(key, value); }
  turn() { this.before = this.now; this.now = new Map(); }
}
`;
const inkFrameCaches = {
  name: 'ink-frame-caches',
  setup(b) {
    b.onLoad({ filter: /[\\/]ink[\\/]build[\\/]output\.js$/ }, (args) => {
      let contents = readFileSync(args.path, 'utf8');
      for (const [text, replacement] of inkOutputReplacements) {
        if (!contents.includes(text)) return { errors: [{ text: `Ink's output.js no longer has: ${text} (update inkOutputReplacements in scripts/build.mjs)` }] };
        contents = contents.replace(text, replacement);
      }
      return { contents: kxFrameGenerations + contents, loader: 'js' };
    });
  },
};

/** The options of the dist/ bundle (scripts/package.mjs derives the single executable's from them). */
export const bundleOptions = {
  entryPoints: ['src/cli/main.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  external,
  plugins: [builtinsThroughRequire, undiciOnDemand, yogaWithoutFetch, inkFrameCaches, narrowGeneratedIndex, lazyClientNodeDependencies, generatedCodeIsPure],
  // Bundled CommonJS code (client-node's dependencies) calls require(); ESM has none.
  banner: { js: "import { createRequire as __kxCreateRequire } from 'node:module'; const require = __kxCreateRequire(import.meta.url);" },
  sourcemap: 'linked',
  // Whitespace and syntax only (names stay, so stacks still read): V8 keeps each script's source
  // for functions it compiles lazily, ~7.5 MB of the explorer's heap unminified, and parses less.
  minifyWhitespace: true,
  minifySyntax: true,
  jsx: 'automatic',
  // React and its reconciler choose their builds on NODE_ENV; the launcher runs production, so the
  // development builds (several times slower, ~1 MB) need not be in the bundle at all.
  // KX_BUILD_COMMIT: the commit `kx version` names.
  define: { 'process.env.NODE_ENV': '"production"', KX_BUILD_COMMIT: JSON.stringify(gitCommit(fileURLToPath(new URL('..', import.meta.url)))) },
  logLevel: 'warning',
};

/**
 * Each one-shot command's module as one file of its own (dist/one-shot/FILE.js, no splitting):
 * the split build links ~40 chunks for `kx scale`, and Node's module loader pays per file
 * (~10 ms of ~80). src/cli/run-subcommand.ts prefers these files. Each has its own copies of
 * kx's modules, so it turns its errors into exit codes itself: runGuarded.
 */
const commandsDir = new URL('../src/cli/commands/', import.meta.url);
const oneShotEntry = {
  name: 'one-shot-entry',
  setup(b) {
    b.onResolve({ filter: /^kx-one-shot:/ }, (args) => ({ path: args.path.slice('kx-one-shot:'.length), namespace: 'kx-one-shot' }));
    b.onLoad({ filter: /.*/, namespace: 'kx-one-shot' }, (args) => ({
      resolveDir: fileURLToPath(new URL('..', commandsDir)),
      loader: 'js',
      contents: `import * as command from './commands/${args.path}.ts';
        import { exitWith } from './exit.ts';
        export async function runGuarded(name, argv, ctx) {
          try {
            return await command[name](argv, ctx);
          } catch (err) {
            exitWith(err);
          }
        }`,
    }));
  },
};

/** The options of the one-shot files (see oneShotEntry). */
export function oneShotOptions() {
  const files = readdirSync(commandsDir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.replace(/\.ts$/, ''));
  return {
    ...bundleOptions,
    entryPoints: Object.fromEntries(files.map((f) => [f, `kx-one-shot:${f}`])),
    outdir: 'dist/one-shot',
    splitting: false,
    // ~1 MB each: no source maps (minified as the main bundle is).
    sourcemap: false,
    plugins: [oneShotEntry, ...bundleOptions.plugins],
  };
}

// Run, not imported (realpath: import.meta.url has links resolved, argv[1] has not).
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // Chunks are content-hashed: files of earlier builds would pile up beside the new ones.
  rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
  await Promise.all([build(bundleOptions), build(oneShotOptions())]);
}
