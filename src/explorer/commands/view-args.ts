/**
 * What may follow a resource after `:`, k9s style: namespaces (`:po shop`, `:po shop,web`,
 * `-n shop`, `-A`), a label selector (`:po app=web`, `-l app=web`), a filter to the end of the
 * line (`:po /web running`, anything the `/` prompt takes) and a context (`:po @prod`) or several in
 * one table (`:po @prod,staging`), in any
 * order before the filter: `:deploy kube-system app=web`. Pure: checks names against the cluster's.
 */
import { closestName } from '../../keys/did-you-mean.ts';
import { parseLabelSelector } from '../filter/label-selector.ts';
import type { CommandContext, ViewScope } from './parse-command.ts';

/** A resource view's arguments. */
export interface ViewArgs {
  scope: ViewScope;
  /** The view's `/` filter: `-l SELECTOR` for a selector, else the text typed after `/`. */
  filter?: string;
  /** `@NAME`: switch to this kubeconfig context first. */
  context?: string;
  /** `@A,B` (or `@A,@B`): two or more contexts in one table, each row tagged with its own. */
  contexts?: string[];
}

/** One sentence, with the corrected input (without ':') when there is one. */
export interface ViewArgsError {
  message: string;
  suggestion?: string;
}

const dnsLabel = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A word that is a label selector rather than a namespace: it has `=`, `!=` or starts with `!`. */
export function isSelectorWord(word: string): boolean {
  return /[=!<>]/.test(word);
}

/** Parses `rest`, the text after the resource name, for `head` (the name as typed). */
export function parseViewArgs(head: string, rest: string, ctx: CommandContext): ViewArgs | ViewArgsError {
  const slash = rest.search(/(^|\s)\//);
  const filterText = slash < 0 ? undefined : rest.slice(rest.indexOf('/', slash) + 1).trim();
  const words = (slash < 0 ? rest : rest.slice(0, slash)).split(/\s+/).filter((w) => w !== '');
  let all = false;
  let namespaces: string[] | undefined;
  const selectors: string[] = [];
  let context: string | undefined;
  let contexts: string[] | undefined;
  const takesWhat = `":${head}" takes namespaces (ns1,ns2), -n NAMESPACE or -A, @CONTEXT, a label selector (app=web) or /FILTER`;
  const setNamespaces = (list: string): ViewArgsError | undefined => {
    if (namespaces || all) return { message: `${takesWhat}, not "${words.join(' ')}".` };
    namespaces = list.split(',').filter((n) => n !== '');
    return namespaces.length === 0 ? { message: `${takesWhat}, not "${words.join(' ')}".` } : undefined;
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    let problem: ViewArgsError | undefined;
    if (word === '-A' || word === '--all-namespaces') {
      if (namespaces || all) problem = { message: `${takesWhat}, not "${words.join(' ')}".` };
      all = true;
    } else if ((word === '-n' || word === '--namespace') && i + 1 < words.length) problem = setNamespaces(words[++i]!);
    else if (word.startsWith('--namespace=')) problem = setNamespaces(word.slice('--namespace='.length));
    else if ((word === '-l' || word === '--selector') && i + 1 < words.length) selectors.push(words[++i]!);
    else if (word.startsWith('--selector=')) selectors.push(word.slice('--selector='.length));
    else if (word.startsWith('@') && word.length > 1 && context === undefined) {
      const names = [...new Set(word.split(',').map((n) => n.replace(/^@/, '')))].filter((n) => n !== '');
      context = names[0];
      if (names.length > 1) contexts = names;
    } else if (!word.startsWith('-') && !word.startsWith('@') && isSelectorWord(word)) selectors.push(word);
    else if (!word.startsWith('-') && !word.startsWith('@')) problem = setNamespaces(word);
    else problem = { message: `${takesWhat}, not "${word}".` };
    if (problem) return problem;
  }
  const unknown = (contexts ?? (context === undefined ? [] : [context])).find((name) => !ctx.contexts.includes(name));
  if (unknown !== undefined) {
    const close = closestName(unknown, ctx.contexts);
    const fixed = rest.replace(new RegExp(`([@,])${unknown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|[\\s,])`), `$1${close}`);
    return close === undefined
      ? { message: `There is no context "${unknown}" in the kubeconfig.` }
      : { message: `There is no context "${unknown}"; did you mean "${close}"?`, suggestion: `${head}${fixed}` };
  }
  for (const name of namespaces ?? []) {
    if (name.length > 63 || !dnsLabel.test(name)) return { message: `"${name}" is not a valid namespace name (lower-case letters, digits and "-").` };
    // Another context has other namespaces: there the server decides.
    if (context === undefined) {
      const missing = unknownNamespace(head, rest, name, ctx.namespaces);
      if (missing) return missing;
    }
  }
  if (selectors.length > 0 && filterText !== undefined) return { message: `":${head}" takes a label selector or a /FILTER, not both (type -l SELECTOR after / instead).` };
  let filter = filterText;
  if (selectors.length > 0) {
    const parsed = parseLabelSelector(selectors.join(','));
    if (!parsed.ok) return { message: parsed.message };
    filter = `-l ${parsed.selector.text}`;
  }
  const unique = namespaces && [...new Set(namespaces)];
  const scope: ViewScope = all ? { kind: 'all' } : !unique ? { kind: 'current' } : unique.length === 1 ? { kind: 'namespace', name: unique[0]! } : { kind: 'namespaces', names: unique };
  return { scope, ...(filter !== undefined && filter !== '' ? { filter } : {}), ...(contexts ? { contexts } : context !== undefined ? { context } : {}) };
}

/**
 * A namespace the cluster does not have, refused like `-n TYPO` at start-up, with did-you-mean.
 * An empty list (not loaded yet, or listing namespaces is forbidden) cannot tell: then the server decides.
 */
export function unknownNamespace(head: string, rest: string, name: string, namespaces: readonly string[]): ViewArgsError | undefined {
  if (namespaces.length === 0 || namespaces.includes(name)) return undefined;
  const close = closestName(name, namespaces);
  const message = `namespace "${name}" not found`;
  if (close === undefined) return { message: `${message}.` };
  const fixed = rest.replace(new RegExp(`(^|[\\s,=])${name}(?=$|[\\s,])`), `$1${close}`);
  return { message: `${message}; did you mean "${close}"?`, suggestion: `${head}${fixed}` };
}
