/**
 * One table over several kubeconfig contexts (`:po @prod,staging`): each context has its own cache
 * (so rows never mix), and the view shows their union, each row wrapped with its context as the
 * first cell (CONTEXT). The cached rows are never changed: a wrapper knows the row it wraps.
 * Pure over the caches' selectors, like view-rows.ts.
 */
import { compareRowsBy } from '../kinds/sort.ts';
import type { ColumnSpec, Row, Tone } from '../kinds/types.ts';
import type { StreamState } from '../kube/stream-types.ts';
import type { ObjectCache } from '../store/object-cache.ts';
import type { SortState, ViewEntry } from './view-entry.ts';
import { viewRows, viewSort, viewStreamState, viewTable, worstState } from './view-rows.ts';

/** One context of a multi-context view: its cache once its session is open, or why it could not open. */
export interface ContextMember {
  context: string;
  cache: ObjectCache | undefined;
  /** The session could not be opened (one sentence). */
  failure?: string | undefined;
}

/** The CONTEXT column, first in a multi-context view. */
export const contextColumn: ColumnSpec = { name: 'CONTEXT', width: 12, align: 'left', wide: false, sort: 'text' };

// Between a context's name and a row's uid in a wrapper's uid: no context or uid has it.
const separator = '\u001f';

/** The uid of `uid` in `context`'s cluster as a multi-context view keys it (two clusters may share uids). */
export function taggedUid(context: string, uid: string): string {
  return `${context}${separator}${uid}`;
}

/** The context and the cluster's own uid of a multi-context view's uid, or undefined for a plain uid. */
export function untagUid(uid: string | undefined): { context: string; uid: string } | undefined {
  const at = uid?.indexOf(separator) ?? -1;
  return uid === undefined || at < 0 ? undefined : { context: uid.slice(0, at), uid: uid.slice(at + 1) };
}

const origins = new WeakMap<Row, { context: string; row: Row }>();
const wrappers = new WeakMap<Row, Row>();

/** `row` of `context` as a multi-context view shows it: CONTEXT first, a uid of its own. Memoised per cached row. */
export function contextRow(context: string, row: Row): Row {
  const known = wrappers.get(row);
  if (known && origins.get(known)?.context === context) return known;
  const wrapped: Row = {
    ...row,
    uid: taggedUid(context, row.uid),
    cells: [context, ...row.cells],
    timeCells: row.timeCells.map((cell) => ({ ...cell, column: cell.column + 1 })),
  };
  origins.set(wrapped, { context, row });
  wrappers.set(row, wrapped);
  return wrapped;
}

/** The context and the cached row behind a multi-context view's row; undefined for any other row. */
export function rowOrigin(row: Row): { context: string; row: Row } | undefined {
  return origins.get(row);
}

/** The entry one context's cache is read with: no contexts, and a sort on the kind's own columns. */
export function memberEntry(entry: ViewEntry): ViewEntry {
  const sort = entry.sort && entry.sort.column > 0 ? { ...entry.sort, column: entry.sort.column - 1 } : undefined;
  return { ...entry, contexts: undefined, sort };
}

/** The columns (CONTEXT, then the kind's) and tone of a multi-context view, from the first open cache. */
export function multiContextTable(members: readonly ContextMember[], entry: ViewEntry): { columns: readonly ColumnSpec[]; tone: (row: Row) => Tone } {
  const cache = members.find((m) => m.cache)?.cache;
  if (!cache) return { columns: [contextColumn], tone: () => 'normal' };
  const inner = viewTable(cache, memberEntry(entry));
  return { columns: [contextColumn, ...inner.columns], tone: (row) => inner.tone(rowOrigin(row)?.row ?? row) };
}

/** The sort of a multi-context view in its own columns: the entry's, else the kind's default moved past CONTEXT. */
export function multiContextSort(members: readonly ContextMember[], entry: ViewEntry): SortState | undefined {
  if (entry.sort) return entry.sort;
  const cache = members.find((m) => m.cache)?.cache;
  const inner = cache && viewSort(cache, memberEntry(entry));
  return inner && { ...inner, column: inner.column + 1 };
}

/**
 * The union of every context's rows, wrapped. Unsorted, they come context by context in the order
 * typed, each in its cache's order; sorted, by the column across contexts.
 */
export function multiContextRows(members: readonly ContextMember[], entry: ViewEntry, now: number = Date.now()): readonly Row[] {
  const inner = memberEntry(entry);
  const rows = members.flatMap((m) => (m.cache ? viewRows(m.cache, inner, now).map((row) => contextRow(m.context, row)) : []));
  const sort = multiContextSort(members, entry);
  if (!sort) return rows;
  const { columns } = multiContextTable(members, entry);
  // Ties (the same namespace and name in two clusters) keep the contexts' order: the sort is stable.
  return rows.sort(compareRowsBy(columns, sort.column, sort.descending));
}

/** Each context's stream state: failed when its session did not open, connecting until it has. */
export function memberStates(members: readonly ContextMember[], entry: ViewEntry): { context: string; state: StreamState }[] {
  const inner = memberEntry(entry);
  return members.map((m) => ({
    context: m.context,
    state: m.failure !== undefined ? { phase: 'failed', reason: m.failure } : m.cache ? (viewStreamState(m.cache, inner) ?? { phase: 'connecting' }) : { phase: 'connecting' },
  }));
}

/** The view's state for its tone (the one most in need of attention) and the line naming each context's. */
export function multiContextState(members: readonly ContextMember[], entry: ViewEntry, describe: (state: StreamState) => string): { state: StreamState; text: string } {
  const states = memberStates(members, entry);
  return { state: worstState(states.map((s) => s.state)), text: states.map((s) => `${s.context} ${describe(s.state)}`).join(' · ') };
}

/** The contexts part of a title: '@prod,staging', or '' for a view of one context. */
export function contextsLabel(entry: ViewEntry): string {
  return entry.contexts && entry.contexts.length > 1 ? `@${entry.contexts.join(',')}` : '';
}
