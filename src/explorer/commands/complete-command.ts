/**
 * Completion for the `:` prompt. The word under the cursor (the last one) is completed against
 * command names, or, after a command, against what it takes: namespaces (and -A) after a
 * namespaced resource or `ns`, context names after `ctx`. Prefix matches come first (shortest
 * first, so `:s` offers `svc` before `statefulsets`), then fuzzy matches by score.
 */
import fuzzysort from 'fuzzysort';
import { findResource } from '../../kube/resource-resolver.ts';
import { aliasFor, builtinFor, commandNames, type CommandName, type NameSource } from './command-names.ts';
import type { CommandContext } from './parse-command.ts';
import { aliasTarget, userAliasNames } from './user-aliases.ts';

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
  const isNamespaces = resource.group === '' && resource.plural === 'namespaces';
  if (previous.length === 1 && (resource.namespaced || isNamespaces)) {
    const flags = resource.namespaced ? values(['-A'], 'all namespaces') : [];
    return ranked(word, [...values(ctx.namespaces, 'namespace'), ...flags]);
  }
  if (previous.length === 2 && (last === '-n' || last === '--namespace') && resource.namespaced) {
    return ranked(word, values(ctx.namespaces, 'namespace'));
  }
  return [];
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
