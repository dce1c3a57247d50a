/**
 * Completion for the `:` prompt. The word under the cursor (the last one) is completed against
 * command names, or, after a command, against what it takes: namespaces (and -A, and the next of a
 * comma-separated list) after a namespaced resource or `ns`, context names after `ctx` or `@`. Prefix matches come first (shortest
 * first, so `:s` offers `svc` before `statefulsets`), then fuzzy matches by score.
 */
import fuzzysort from 'fuzzysort';
import { findResource } from '../../kube/resource-resolver.ts';
import { aliasFor, builtinFor, commandNames, type CommandName, type NameSource } from './command-names.ts';
import type { CommandContext } from './parse-command.ts';
import { aliasTarget, userAliasNames } from './user-aliases.ts';
import { isSelectorWord } from './view-args.ts';

/** One completion candidate. */
export interface Candidate {
  /** The word offered. */
  word: string;
  /** The whole prompt text after accepting it (without ':'). */
  text: string;
  /** What it stands for: 'deployments.apps', 'context', 'namespace', 'all namespaces'. */
  detail: string;
  /** Whether the typed word is a prefix of `word` (else it matched fuzzily). */
  prefix: boolean;
}

/** Candidates for the input, best first; `completed` is what Tab puts in the prompt. */
export interface Completion {
  candidates: Candidate[];
  /** The best candidate's text, or undefined when there is none. */
  completed: string | undefined;
  /** What to show dimmed after the cursor: the rest of the best word when it extends the typed one. */
  hint: string;
}

const sourceRank: Record<NameSource, number> = { builtin: 0, plural: 1, singular: 2, short: 3, alias: 4, kind: 5, qualified: 6 };

/** Completes `input` (text after ':'; the cursor is at its end). */
export function completeCommand(input: string, ctx: CommandContext, limit = 20): Completion {
  const text = input.replace(/^:/, '');
  const start = text.search(/\S+$/);
  const word = start < 0 ? '' : text.slice(start);
  const before = start < 0 ? text : text.slice(0, start);
  const previous = before
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  const candidates = previous.length === 0 ? commandCandidates(word, ctx) : argumentCandidates(previous, word, ctx);
  const shown = candidates.slice(0, limit).map((c) => ({ ...c, text: before + c.word }));
  const best = shown[0];
  const hint = best && best.prefix && best.word.length > word.length && word !== '' ? best.word.slice(word.length) : '';
  return { candidates: shown, completed: best?.text, hint };
}

type Draft = Omit<Candidate, 'text'>;

function commandCandidates(word: string, ctx: CommandContext): Draft[] {
  const names = [...userAliasNames(ctx), ...commandNames(ctx.discovery)];
  const lower = word.toLowerCase();
  if (lower === '') return bestPerTarget(names).map((n) => draft(n, true));
  // A word that already names something completes to itself first.
  const exact = names.find((n) => n.name === lower);
  const prefixed = bestPerTarget(names.filter((n) => n.name.startsWith(lower) && n.targetId !== exact?.targetId));
  prefixed.sort((a, b) => a.name.length - b.name.length || (a.name < b.name ? -1 : 1));
  const taken = new Set([exact?.targetId, ...prefixed.map((n) => n.targetId)]);
  const rest = names.filter((n) => !taken.has(n.targetId));
  const fuzzy = bestPerTarget(fuzzysort.go(lower, rest, { key: 'name' }).map((r) => r.obj));
  return [...(exact ? [draft(exact, true)] : []), ...prefixed.map((n) => draft(n, true)), ...fuzzy.map((n) => draft(n, false))];
}

/** One name per target, the first in the given order (after the source preference for ties). */
function bestPerTarget(names: readonly CommandName[]): CommandName[] {
  const byTarget = new Map<string, CommandName>();
  for (const n of names) {
    const have = byTarget.get(n.targetId);
    if (!have || sourceRank[n.source] < sourceRank[have.source]) byTarget.set(n.targetId, n);
  }
  // Keep the order in which targets first appeared.
  const order: string[] = [];
  for (const n of names) if (!order.includes(n.targetId)) order.push(n.targetId);
  return order.map((id) => byTarget.get(id)!);
}

function draft(n: CommandName, prefix: boolean): Draft {
  const detail = n.detail ?? (n.target.kind === 'builtin' ? n.target.command : n.targetId);
  return { word: n.name, detail, prefix };
}

function argumentCandidates(previous: string[], word: string, ctx: CommandContext): Draft[] {
  const head = previous[0]!;
  const last = previous[previous.length - 1]!;
  const values = (names: readonly string[], detail: string): Value[] => names.map((name) => ({ name, detail }));
  if (builtinFor(head) === 'context') return previous.length === 1 ? ranked(word, values(ctx.contexts, 'context')) : [];
  if (builtinFor(head) === 'helm') return previous.length === 1 ? ranked(word, [...values(ctx.namespaces, 'namespace'), ...values(['-A'], 'all namespaces')]) : [];
  const viaAlias = aliasTarget(ctx, head);
  const resource = viaAlias ? (viaAlias.kind === 'resource' ? viaAlias.resource : undefined) : (findResource(ctx.discovery, head) ?? aliasFor(ctx.discovery, head));
  if (!resource) return [];
  // After `/` the rest of the line is a filter; a selector word (`app=web`) is the user's own.
  if (previous.some((w) => w.startsWith('/')) || word.startsWith('/')) return [];
  if (word.startsWith('@')) return ranked(word.slice(1), values(ctx.contexts, 'context')).map((d) => ({ ...d, word: `@${d.word}` }));
  const isNamespaces = resource.group === '' && resource.plural === 'namespaces';
  if (previous.length === 1 && isNamespaces) return ranked(word, values(ctx.namespaces, 'namespace'));
  if (!resource.namespaced || isSelectorWord(word)) return [];
  const afterN = last === '-n' || last === '--namespace';
  // Namespaces are given once (`:po shop app=web` takes no second list).
  const given = previous.slice(1).some((w, i, args) => w === '-A' || w.startsWith('--namespace=') || args[i - 1] === '-n' || (!w.startsWith('-') && !w.startsWith('@') && !isSelectorWord(w)));
  if (given && !afterN) return [];
  // `shop,ku` completes its last name; names already in the list are not offered again.
  const comma = word.lastIndexOf(',');
  if (comma >= 0) {
    const listed = word.slice(0, comma + 1);
    const taken = new Set(listed.split(','));
    const open = ctx.namespaces.filter((n) => !taken.has(n));
    return ranked(word.slice(comma + 1), values(open, 'namespace')).map((d) => ({ ...d, word: listed + d.word }));
  }
  const flags = afterN ? [] : values(['-A'], 'all namespaces');
  return ranked(word, [...values(ctx.namespaces, 'namespace'), ...flags]);
}

interface Value {
  name: string;
  detail: string;
}

/** Values ranked for a word: prefix matches in their given order, then fuzzy matches by score. */
function ranked(word: string, values: readonly Value[]): Draft[] {
  const lower = word.toLowerCase();
  const starts = (v: Value): boolean => v.name.toLowerCase().startsWith(lower);
  const prefixed = values.filter(starts).map((v) => ({ word: v.name, detail: v.detail, prefix: true }));
  if (word === '') return prefixed;
  const fuzzy = fuzzysort.go(
    word,
    values.filter((v) => !starts(v)),
    { key: 'name' },
  );
  return [...prefixed, ...fuzzy.map((r) => ({ word: r.obj.name, detail: r.obj.detail, prefix: false }))];
}
