/**
 * Loads kubeconfig files the way kubectl does: `--kubeconfig` alone, else every file in
 * KUBECONFIG merged (first file wins for a name, current-context from the first file that sets
 * it, missing files skipped), else ~/.kube/config. Entries are parsed by client-node.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
// Deep imports: the package's index pulls in every generated API model (half a second at start-up).
import { KubeConfig } from '@kubernetes/client-node/dist/config.js';
import type { Cluster, Context, User } from '@kubernetes/client-node/dist/config_types.js';
// js-yaml, not the yaml package kx uses elsewhere: client-node parses with it anyway, so it is
// already loaded, and every command reads a kubeconfig (the yaml package adds ~12 ms to each start).
import { load as parseYaml } from 'js-yaml';
import { KxError } from './errors.ts';

/** Where to look: the --kubeconfig flag, the environment (KUBECONFIG) and the home directory. */
export interface KubeconfigLocation {
  kubeconfig?: string | undefined;
  env?: Record<string, string | undefined>;
  home?: string;
}

/** One context, as `kubectl config get-contexts` lists it. */
export interface ContextInfo {
  name: string;
  cluster: string;
  user: string;
  /** The context's default namespace, if it sets one. */
  namespace: string | undefined;
  /** The cluster's server URL ('' when the cluster entry is missing). */
  server: string;
  current: boolean;
}

/** The merged kubeconfig: client-node's entries plus what kx shows about them. */
export interface LoadedKubeconfig {
  /** The files that were read, in merge order (missing KUBECONFIG entries are left out). */
  files: string[];
  /** Every file kubectl would consider, existing or not. */
  candidates: string[];
  contexts: ContextInfo[];
  currentContext: string | undefined;
  clusters: Cluster[];
  users: User[];
  rawContexts: Context[];
}

/** The files kubectl would read, in order, and whether --kubeconfig chose them. */
export function kubeconfigCandidates(loc: KubeconfigLocation = {}): { files: string[]; explicit: boolean } {
  if (loc.kubeconfig) return { files: [resolve(loc.kubeconfig)], explicit: true };
  const env = loc.env ?? process.env;
  const list = env['KUBECONFIG'];
  if (list) {
    const files = [
      ...new Set(
        list
          .split(delimiter)
          .filter((f) => f.trim() !== '')
          .map((f) => resolve(f)),
      ),
    ];
    if (files.length > 0) return { files, explicit: false };
  }
  return { files: [join(loc.home ?? homedir(), '.kube', 'config')], explicit: false };
}

/** True when there is no kubeconfig at all (no file to read), so the CLI can offer the demo cluster. */
export function noKubeconfig(loc: KubeconfigLocation = {}): boolean {
  const { files, explicit } = kubeconfigCandidates(loc);
  return !explicit && !files.some((f) => existsSync(f));
}

/** Reads and merges the kubeconfig files; throws KxError('config') with one sentence on bad input. */
export function loadKubeconfig(loc: KubeconfigLocation = {}): LoadedKubeconfig {
  const { files: candidates, explicit } = kubeconfigCandidates(loc);
  if (explicit && !existsSync(candidates[0]!)) {
    throw new KxError('config', `kubeconfig file "${candidates[0]}" does not exist`);
  }
  const files = candidates.filter((f) => existsSync(f));
  const clusters = new Map<string, Cluster>();
  const users = new Map<string, User>();
  const contexts = new Map<string, Context>();
  let currentContext: string | undefined;
  for (const file of files) {
    const kc = parseFile(file);
    // kubectl's merge: the first file that defines a name wins, later definitions are ignored.
    for (const c of kc.getClusters()) if (!clusters.has(c.name)) clusters.set(c.name, c);
    for (const u of kc.getUsers()) if (!users.has(u.name)) users.set(u.name, u);
    for (const c of kc.getContexts()) if (!contexts.has(c.name)) contexts.set(c.name, c);
    if (!currentContext && kc.getCurrentContext()) currentContext = kc.getCurrentContext();
  }
  const rawContexts = [...contexts.values()];
  return {
    files,
    candidates,
    currentContext,
    clusters: [...clusters.values()],
    users: [...users.values()],
    rawContexts,
    contexts: rawContexts.map((c) => ({
      name: c.name,
      cluster: c.cluster,
      user: c.user ?? '',
      namespace: c.namespace || undefined,
      server: clusters.get(c.cluster)?.server ?? '',
      current: c.name === currentContext,
    })),
  };
}

/** Where the namespace came from: -n/--namespace, the context's default, or 'default'. */
export type NamespaceSource = 'flag' | 'context' | 'default';

/** A context chosen from a kubeconfig, with its namespace and a client-node KubeConfig set to it. */
export interface ResolvedContext {
  context: ContextInfo;
  namespace: string;
  namespaceSource: NamespaceSource;
  /** A private KubeConfig whose current context is this one (safe to mutate). */
  kubeConfig: KubeConfig;
}

/** Picks `--context` (or current-context) and the namespace; throws KxError('config') when it cannot. */
export function resolveContext(loaded: LoadedKubeconfig, choice: { context?: string | undefined; namespace?: string | undefined } = {}): ResolvedContext {
  const known = loaded.contexts.map((c) => c.name);
  const knownText = known.length > 0 ? known.join(', ') : 'none';
  if (loaded.files.length === 0 && !choice.context) {
    throw new KxError('config', `no kubeconfig found (looked in ${loaded.candidates.join(', ')})`);
  }
  const name = choice.context || loaded.currentContext;
  if (!name) {
    throw new KxError('config', `no current context is set in the kubeconfig; choose one with --context (known contexts: ${knownText})`);
  }
  const context = loaded.contexts.find((c) => c.name === name);
  if (!context) throw new KxError('config', `context "${name}" not found in kubeconfig; known contexts: ${knownText}`);
  if (!loaded.clusters.some((c) => c.name === context.cluster)) {
    throw new KxError('config', `cluster "${context.cluster}" of context "${name}" not found in kubeconfig`);
  }
  const kubeConfig = new KubeConfig();
  // Deep copies: auth.ts adjusts the cluster entry, and sessions must not share mutable entries.
  kubeConfig.loadFromOptions({
    clusters: structuredClone(loaded.clusters),
    users: structuredClone(loaded.users),
    contexts: structuredClone(loaded.rawContexts),
    currentContext: name,
  });
  const namespace = choice.namespace || context.namespace || 'default';
  const namespaceSource: NamespaceSource = choice.namespace ? 'flag' : context.namespace ? 'context' : 'default';
  return { context: { ...context, current: true }, namespace, namespaceSource, kubeConfig };
}

// Paths inside a kubeconfig are relative to the file that holds them (kubectl's rule).
const pathFields = {
  clusters: ['certificate-authority'],
  users: ['client-certificate', 'client-key', 'token-file'],
} as const;

// Fields Go decodes as base64 when it loads the file: a bad one makes the whole file unloadable.
const dataFields = {
  clusters: ['certificate-authority-data'],
  users: ['client-certificate-data', 'client-key-data'],
} as const;

/** Where Go's base64 decoder stops in `value` (kubectl's "illegal base64 data at input byte N"); undefined when it is only a padding matter it leaves to the later checks. */
export function illegalBase64Byte(value: string): number | undefined {
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    // Padding comes last; what follows it is counted differently by Go, so leave that to the CA check.
    if (ch === '=') return undefined;
    if (!/[A-Za-z0-9+/\r\n]/.test(ch)) return i;
  }
  return undefined;
}

function section(root: Record<string, unknown>, name: 'clusters' | 'users'): Record<string, unknown>[] {
  const entries = root[name];
  if (!Array.isArray(entries)) return [];
  const key = name === 'clusters' ? 'cluster' : 'user';
  return entries
    .map((entry) => (entry && typeof entry === 'object' ? (entry as Record<string, unknown>)[key] : undefined))
    .filter((inner): inner is Record<string, unknown> => !!inner && typeof inner === 'object');
}

function parseFile(file: string): KubeConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new KxError('config', `cannot read kubeconfig "${file}": ${(err as Error).message}`, { cause: err });
  }
  let doc: unknown;
  try {
    // An empty file (or one of comments only) is an empty kubeconfig for kubectl; js-yaml says "empty input".
    doc = text.split('\n').every((line) => /^\s*(#.*)?$/.test(line)) ? {} : parseYaml(text);
  } catch (err) {
    const e = err as { reason?: string; message?: string; mark?: { line?: number } };
    const first = e.reason ?? (e.message ?? '').split('\n')[0];
    const where = e.mark?.line !== undefined ? ` (line ${e.mark.line + 1})` : '';
    throw new KxError('config', `kubeconfig "${file}" is not valid YAML${where}: ${first}`, { cause: err });
  }
  if (doc === null || doc === undefined) doc = {};
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw new KxError('config', `kubeconfig "${file}" is not a kubeconfig (expected a YAML mapping)`);
  }
  const root = doc as Record<string, unknown>;
  for (const [name, fields] of Object.entries(pathFields)) {
    for (const inner of section(root, name as keyof typeof pathFields)) {
      for (const field of fields) {
        const value = inner[field];
        if (typeof value === 'string' && value && !isAbsolute(value)) inner[field] = join(dirname(file), value);
      }
    }
  }
  // Node's base64 decoder skips what it does not know; kubectl refuses the file, and says where.
  for (const [name, fields] of Object.entries(dataFields)) {
    for (const inner of section(root, name as keyof typeof dataFields)) {
      for (const field of fields) {
        const value = inner[field];
        const at = typeof value === 'string' ? illegalBase64Byte(value) : undefined;
        if (at !== undefined) throw new KxError('config', `error loading config file "${file}": illegal base64 data at input byte ${at}`);
      }
    }
  }
  const kc = new KubeConfig();
  try {
    // JSON is YAML, so client-node parses the document we already checked, entry by entry.
    kc.loadFromString(JSON.stringify(root));
  } catch (err) {
    throw new KxError('config', `kubeconfig "${file}" is invalid: ${(err as Error).message}`, { cause: err });
  }
  return kc;
}
