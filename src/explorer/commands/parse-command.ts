/**
 * Parses what was typed after `:` into a command: a resource view (named as kubectl names it, or
 * by a k9s alias, built in or the user's aliases.yaml) with namespaces, a label selector, a filter
 * or a context (view-args.ts), `:ns NAME` to switch namespace, `:ctx [NAME]`, `:pf`, `:helm [NS]`, `:q`/`:quit`, `:help`. Pure; the app acts on it.
 */
import type { DiscoveryResult } from '../../kube/discovery.ts';
import type { ResourceInfo } from '../../kube/resource-info.ts';
import { findResource } from '../../kube/resource-resolver.ts';
import { aliasFor, builtinFor, commandNames } from './command-names.ts';
import { closestName } from '../../keys/did-you-mean.ts';
import type { UserAlias } from './aliases-file.ts';
import { resolveAliasHead, userAliasNames } from './user-aliases.ts';
import { parseViewArgs } from './view-args.ts';

/** What the parser and completer know about the cluster. */
export interface CommandContext {
  discovery: DiscoveryResult;
  /** Context names from the kubeconfig. */
  contexts: readonly string[];
  /** Namespace names the user can see (may be empty when listing them is forbidden). */
  namespaces: readonly string[];
  /** The user's aliases (k9s's aliases.yaml and kx's own), by name. */
  aliases?: ReadonlyMap<string, UserAlias> | undefined;
}

/** Which namespaces a view shows: the current one, all of them, a named one or several (`:po ns1,ns2`). */
export type ViewScope = { kind: 'current' } | { kind: 'all' } | { kind: 'namespace'; name: string } | { kind: 'namespaces'; names: readonly string[] };

/** A parsed `:` command. */
export type Command =
  /** Nothing typed: close the prompt. */
  | { kind: 'none' }
  /**
   * Open a resource table; scope is ignored for cluster-scoped resources. `filter` is its `/`
   * filter (`:po app=web` is `-l app=web`); `context` is switched to first (`:po @prod`).
   */
  | { kind: 'view'; resource: ResourceInfo; scope: ViewScope; filter?: string; context?: string; contexts?: string[] }
  /** `:ns NAME`: make NAME the current namespace. (`:ns` alone is a view of namespaces.) */
  | { kind: 'namespace'; name: string }
  /** `:ctx NAME` switches context; `:ctx` alone opens the context picker. */
  | { kind: 'context'; name?: string }
  | { kind: 'quit' }
  | { kind: 'help' }
  /** `:pf`: the running port-forwards. */
  | { kind: 'forwards' }
  /** `:changes`: the changes seen on the watches. */
  | { kind: 'changes' }
  /** `:helm`: the Helm releases in the scope's namespaces (read from Helm's storage, no helm binary). */
  | { kind: 'helm'; scope: ViewScope }
  /** `:triage`: what is wrong now, from the live cache. */
  | { kind: 'triage' }
  /** One sentence for the prompt; `suggestion` is the corrected input (without ':') when there is one. */
  | { kind: 'error'; message: string; suggestion?: string };

const dnsLabel = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Parses `input` (a leading ':' is allowed) against the cluster's names. */
export function parseCommand(input: string, ctx: CommandContext): Command {
  const line = input.trim().replace(/^:\s*/, '');
  // `/text` takes the rest of the line as one word (the filter may hold spaces).
  const slash = line.search(/\s\//);
  const words = (slash < 0 ? line : line.slice(0, slash)).split(/\s+/).filter((w) => w !== '');
  if (slash >= 0) words.push(line.slice(slash).trim());
  const head = words[0];
  if (head === undefined) return { kind: 'none' };
  return parseWords(head, words.slice(1), ctx, []);
}

/** `chain`: the aliases followed so far (an alias may name another alias, as in k9s). */
function parseWords(head: string, typed: string[], ctx: CommandContext, chain: UserAlias[]): Command {
  const builtin = builtinFor(head);
  // kx's own commands first (so :q always quits), then the user's aliases, then kubectl's names.
  const alias = builtin ? undefined : (ctx.aliases?.get(head) ?? ctx.aliases?.get(head.toLowerCase()));
  if (alias) {
    if (chain.includes(alias)) {
      const first = chain[0]!;
      return { kind: 'error', message: `alias "${first.name}" (${first.where}) leads back to itself (${[...chain, alias].map((a) => a.name).join(' → ')}).` };
    }
    const [aliasHead, ...aliasArgs] = alias.value.split(/\s+/).filter((w) => w !== '');
    const resolved = resolveAliasHead(ctx, aliasHead!);
    // An alias to another alias or to a kx command goes round again; one to a resource is resolved here.
    if (resolved === undefined) return parseWords(aliasHead!, [...aliasArgs, ...typed], ctx, [...chain, alias]);
    if ('message' in resolved) return { kind: 'error', message: `alias "${alias.name}" (${alias.where}) ${resolved.message}` };
    return viewCommand(head, resolved.resource, aliasArgs, ctx, typed);
  }
  const args = typed;
  if (builtin === 'quit' || builtin === 'help' || builtin === 'forwards' || builtin === 'changes' || builtin === 'triage') {
    return args.length === 0 ? { kind: builtin } : { kind: 'error', message: `":${head}" takes no arguments.` };
  }
  if (builtin === 'context') return contextCommand(head, args, ctx.contexts);
  if (builtin === 'helm') return helmCommand(head, args, ctx.namespaces);
  const resource = findResource(ctx.discovery, head) ?? aliasFor(ctx.discovery, head);
  if (!resource) return unknown(head, args, ctx);
  return viewCommand(head, resource, args, ctx);
}

/** A label selector word (k9s: any word with "=", as in app=web or tier!=db). */
const isLabelArg = (word: string): boolean => word.includes('=') && !word.startsWith('-');

const isFilterArg = (word: string): boolean => word.startsWith('/') && word.length > 1;

/**
 * A view of `resource` from the command's words; `typed` are words typed after an alias, whose
 * namespace, labels or filter win over the alias's own (k9s merges them the same way).
 */
function viewCommand(head: string, resource: ResourceInfo, words: string[], ctx: CommandContext, typed: string[] = []): Command {
  const pick = (test: (w: string) => boolean): string[] => (typed.some(test) ? typed.filter(test) : words.filter(test));
  const others = (w: string): boolean => !isLabelArg(w) && !isFilterArg(w);
  // The filter goes last: view-args reads everything after a `/` as the filter.
  const rest = [...pick(others), ...pick(isLabelArg), ...pick(isFilterArg)].join(' ');
  const parsed = parseViewArgs(head, rest === '' ? '' : ` ${rest}`, ctx);
  if ('message' in parsed) return { kind: 'error', ...parsed };
  const { scope } = parsed;
  // `:ns NAME` switches namespace (namespaces themselves are cluster-scoped, so NAME means nothing else).
  if (resource.group === '' && resource.plural === 'namespaces' && scope.kind === 'namespace' && !parsed.filter && !parsed.context && !parsed.contexts) {
    return { kind: 'namespace', name: scope.name };
  }
  return { kind: 'view', resource, ...parsed };
}

function helmCommand(head: string, args: string[], namespaces: readonly string[]): Command {
  const scope = parseScope(head, args);
  if ('message' in scope) return { kind: 'error', message: scope.message };
  if (scope.kind === 'namespace') {
    const missing = unknownNamespace(head, args, scope.name, namespaces);
    if (missing) return missing;
  }
  return { kind: 'helm', scope };
}

function contextCommand(head: string, args: string[], contexts: readonly string[]): Command {
  if (args.length === 0) return { kind: 'context' };
  if (args.length > 1) return { kind: 'error', message: `":${head}" takes one context name, not ${args.length}.` };
  const name = args[0]!;
  if (contexts.includes(name)) return { kind: 'context', name };
  const close = closestName(name, contexts);
  return close === undefined
    ? { kind: 'error', message: `There is no context "${name}" in the kubeconfig.` }
    : { kind: 'error', message: `There is no context "${name}"; did you mean "${close}"?`, suggestion: `${head} ${close}` };
}

function parseScope(head: string, args: string[]): ViewScope | { message: string } {
  if (args.length === 0) return { kind: 'current' };
  const [first, second] = args;
  let name: string | undefined;
  if (args.length === 1 && (first === '-A' || first === '--all-namespaces')) return { kind: 'all' };
  if (args.length === 2 && (first === '-n' || first === '--namespace')) name = second;
  else if (args.length === 1 && first!.startsWith('--namespace=')) name = first!.slice('--namespace='.length);
  else if (args.length === 1 && !first!.startsWith('-')) name = first;
  if (name === undefined) {
    return { message: `":${head}" takes a namespace, -n NAMESPACE or -A, not "${args.join(' ')}".` };
  }
  if (name.length > 63 || !dnsLabel.test(name)) {
    return { message: `"${name}" is not a valid namespace name (lower-case letters, digits and "-").` };
  }
  return { kind: 'namespace', name };
}

function unknown(head: string, args: string[], ctx: CommandContext): Command {
  const close = closestName(
    head,
    [...userAliasNames(ctx), ...commandNames(ctx.discovery)].map((n) => n.name),
  );
  if (close === undefined) return { kind: 'error', message: `unknown command ":${head}"; :help lists the commands.` };
  const suggestion = [close, ...args].join(' ');
  return { kind: 'error', message: `unknown command ":${head}"; did you mean ":${close}"?`, suggestion };
}

/**
 * A namespace the cluster does not have, refused like `-n TYPO` at start-up, with did-you-mean.
 * An empty list (not loaded yet, or listing namespaces is forbidden) cannot tell: then the server decides.
 */
function unknownNamespace(head: string, args: string[], name: string, namespaces: readonly string[]): Command | undefined {
  if (namespaces.length === 0 || namespaces.includes(name)) return undefined;
  const close = closestName(name, namespaces);
  const message = `namespace "${name}" not found`;
  if (close === undefined) return { kind: 'error', message: `${message}.` };
  return { kind: 'error', message: `${message}; did you mean "${close}"?`, suggestion: [head, ...args.map((a) => (a === name ? close : a))].join(' ') };
}
