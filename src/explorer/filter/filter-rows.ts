/**
 * Applies a parsed `/` filter to a table's rows. Rows keep the table's order by default, as k9s
 * does: the user's sort column stays meaningful, the cursor does not jump as scores shift with each
 * keystroke, and live updates do not reshuffle the rows. Score order is there for pickers, where
 * the best match first is what you want.
 */
import type { Row } from '../../kinds/types.ts';
import type { FilterQuery } from './filter-query.ts';
import { filterWords, matchRow, matchRowRegex, rowMatches, rowMatchesRegex, rowScore, type RowMatch } from './row-match.ts';

/** 'table' keeps the order rows came in; 'score' puts the best matches first (ties keep table order). */
export type FilterOrder = 'table' | 'score';

/** The rows a filter keeps, and where each matched so the table can highlight it. */
export interface FilteredRows {
  rows: readonly Row[];
  /** Highlights for a row of `rows`; undefined when nothing is highlighted (no text or an inverse filter). */
  matchOf(row: Row): RowMatch | undefined;
}

const noMatch = (): undefined => undefined;

/** Filters `rows` by text: every word must match (see row-match.ts); `inverse` keeps the others. */
export function filterRowsByText(rows: readonly Row[], text: string, opts: { inverse?: boolean; order?: FilterOrder } = {}): FilteredRows {
  const words = filterWords(text);
  if (words.length === 0) return { rows, matchOf: noMatch };
  if (opts.inverse) return { rows: rows.filter((row) => !rowMatches(row, words)), matchOf: noMatch };
  let kept: readonly Row[];
  if (opts.order === 'score') {
    const scored: { row: Row; score: number; at: number }[] = [];
    rows.forEach((row, at) => {
      const score = rowScore(row, words);
      if (score !== undefined) scored.push({ row, score, at });
    });
    kept = scored.sort((a, b) => b.score - a.score || a.at - b.at).map((s) => s.row);
  } else {
    kept = rows.filter((row) => rowMatches(row, words));
  }
  // Highlights are computed on demand (visible rows only) and remembered for re-renders.
  const matches = new Map<Row, RowMatch | undefined>();
  const matchOf = (row: Row): RowMatch | undefined => {
    if (!matches.has(row)) matches.set(row, matchRow(row, words));
    return matches.get(row);
  };
  return { rows: kept, matchOf };
}

/** Filters `rows` by a regular expression found in a cell or the name; `inverse` keeps the others. Table order. */
export function filterRowsByRegex(rows: readonly Row[], regex: RegExp, opts: { inverse?: boolean } = {}): FilteredRows {
  const inverse = opts.inverse === true;
  const kept = rows.filter((row) => rowMatchesRegex(row, regex) !== inverse);
  if (inverse) return { rows: kept, matchOf: noMatch };
  const global = new RegExp(regex.source, `${regex.flags}g`);
  const matches = new Map<Row, RowMatch | undefined>();
  const matchOf = (row: Row): RowMatch | undefined => {
    if (!matches.has(row)) matches.set(row, matchRowRegex(row, global));
    return matches.get(row);
  };
  return { rows: kept, matchOf };
}

/**
 * Applies any parsed filter locally: text filters narrow the rows; a label selector was already
 * applied by the server (the view re-lists with it) and an invalid filter changes nothing.
 */
export function applyFilter(rows: readonly Row[], query: FilterQuery, order: FilterOrder = 'table'): FilteredRows {
  switch (query.kind) {
    case 'text':
      return filterRowsByText(rows, query.text, { inverse: query.inverse, order });
    case 'regex':
      return filterRowsByRegex(rows, query.regex, { inverse: query.inverse });
    case 'none':
    case 'labels':
    case 'invalid':
      return { rows, matchOf: noMatch };
    default: {
      const never: never = query;
      return never;
    }
  }
}
