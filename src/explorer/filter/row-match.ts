/**
 * Matching one row against the `/` text: each space-separated word must match, either fuzzily
 * (fuzzysort) in the NAME or as typed (case-insensitive) inside another visible cell. Fuzzy over
 * every cell matched far too loosely ('redis' found metrics-server through letters scattered over
 * its cells), so only the name, the one cell people type fragments of, is fuzzy.
 */
import fuzzysort from 'fuzzysort';
import type { Row } from '../../kinds/types.ts';

/** Where a row matched: sorted character indexes per column of `row.cells`, and a score. */
export interface RowMatch {
  /** Higher is better; a perfect name match of every word scores 1 per word. */
  score: number;
  /** Column index in `row.cells` → sorted, distinct indexes of matched characters. */
  cells: ReadonlyMap<number, readonly number[]>;
}

/** What is computed once per row object: the prepared name and the other cells lower-cased. */
interface Target {
  name: Fuzzysort.Prepared;
  /** The name lower-cased: a word found in it as typed matches without the fuzzy search. */
  nameLower: string;
  /** Index of the NAME column in `row.cells`, -1 when the name is not shown. */
  nameColumn: number;
  /** The other matchable cells, lower-cased, joined by '\n' (which nobody types). */
  rest: string;
  /** Start offset in `rest` of each entry of `restColumns`. */
  restStarts: number[];
  restColumns: number[];
  /** Every matchable column, the name's included (for a regex, which tests each cell as shown). */
  columns: number[];
}

// Rows are immutable (a changed object is a new Row), so a WeakMap keyed by identity is a cache of
// one entry per row version that can never go stale and is freed with the row.
const targets = new WeakMap<Row, Target>();

/** A cell substring scores below a good name match but above a scattered one. */
const cellScore = 0.5;

function targetOf(row: Row): Target {
  let target = targets.get(row);
  if (target) return target;
  const skip = new Set(row.timeCells.map((c) => c.column));
  // Ages and restart times tick with the clock, so the stored text is stale: never match them.
  const first = row.namespace !== '' && row.cells[0] === row.namespace ? 1 : 0;
  const nameColumn = row.cells.indexOf(row.name, first);
  const restStarts: number[] = [];
  const restColumns: number[] = [];
  const parts: string[] = [];
  let offset = 0;
  row.cells.forEach((cell, i) => {
    if (i === nameColumn || skip.has(i) || cell === '') return;
    const lower = cell.toLowerCase();
    restStarts.push(offset);
    restColumns.push(i);
    parts.push(lower);
    offset += lower.length + 1;
  });
  const columns = nameColumn >= 0 ? [nameColumn, ...restColumns] : restColumns;
  target = { name: fuzzysort.prepare(row.name), nameLower: row.name.toLowerCase(), nameColumn, rest: parts.join('\n'), restStarts, restColumns, columns };
  targets.set(row, target);
  return target;
}

/**
 * Prepares rows for matching a slice at a time between other work, so the first keystroke of a
 * filter does not pay for preparing every row (~100 ms on 10,000 rows). Call when the `/` prompt
 * opens; abort when it closes. Rows already prepared cost nothing.
 */
export function prepareForMatching(rows: readonly Row[], signal: AbortSignal, sliceSize = 500): void {
  let next = 0;
  const slice = (): void => {
    if (signal.aborted) return;
    const end = Math.min(rows.length, next + sliceSize);
    for (; next < end; next++) targetOf(rows[next]!);
    if (next < rows.length) setImmediate(slice);
  };
  setImmediate(slice);
}

/** Splits filter text into lower-cased words (each must match). */
export function filterWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
}

/** Whether every word matches the row; the cheap path used for all rows on each keystroke. */
export function rowMatches(row: Row, words: readonly string[]): boolean {
  const target = targetOf(row);
  for (const word of words) {
    // A substring is also a fuzzy match; testing it first skips fuzzysort for most rows while typing.
    if (!target.rest.includes(word) && !target.nameLower.includes(word) && fuzzysort.single(word, target.name) === null) return false;
  }
  return true;
}

/** The score of a row that matches every word (undefined when it does not). */
export function rowScore(row: Row, words: readonly string[]): number | undefined {
  const target = targetOf(row);
  let score = 0;
  for (const word of words) {
    const fuzzy = fuzzysort.single(word, target.name);
    const best = Math.max(fuzzy?.score ?? 0, target.rest.includes(word) ? cellScore : 0);
    if (best === 0) return undefined;
    score += best;
  }
  return score;
}

/**
 * Where every word matched in the row (for highlighting); undefined when some word does not match.
 * Call it for visible rows only: it allocates the index lists.
 */
export function matchRow(row: Row, words: readonly string[]): RowMatch | undefined {
  const target = targetOf(row);
  const cells = new Map<number, Set<number>>();
  const add = (column: number, index: number): void => {
    let set = cells.get(column);
    if (!set) cells.set(column, (set = new Set()));
    set.add(index);
  };
  let score = 0;
  for (const word of words) {
    const fuzzy = fuzzysort.single(word, target.name);
    let best = fuzzy?.score ?? 0;
    // Read the indexes now: fuzzysort reuses the prepared target's index buffer on the next search.
    if (fuzzy && target.nameColumn >= 0) for (const i of fuzzy.indexes) add(target.nameColumn, i);
    let at = target.rest.indexOf(word);
    if (at >= 0) best = Math.max(best, cellScore);
    while (at >= 0) {
      const k = columnAt(target.restStarts, at);
      const start = target.restStarts[k]!;
      for (let i = 0; i < word.length; i++) add(target.restColumns[k]!, at - start + i);
      at = target.rest.indexOf(word, at + word.length);
    }
    if (best === 0) return undefined;
    score += best;
  }
  const sorted = new Map<number, readonly number[]>();
  for (const [column, set] of cells)
    sorted.set(
      column,
      [...set].sort((a, b) => a - b),
    );
  return { score, cells: sorted };
}

/**
 * Whether `regex` (not global) finds a match in one of the row's matchable cells or in its name.
 * Each cell is tested alone, so `^web` anchors at the start of a cell, as a user reads the table.
 */
export function rowMatchesRegex(row: Row, regex: RegExp): boolean {
  const target = targetOf(row);
  if (regex.test(row.name)) return true;
  return target.columns.some((column) => regex.test(row.cells[column]!));
}

/**
 * Where a global regex matched in the row's cells (for highlighting); undefined when nowhere.
 * Call it for visible rows only: it allocates the index lists.
 */
export function matchRowRegex(row: Row, global: RegExp): RowMatch | undefined {
  const target = targetOf(row);
  const cells = new Map<number, readonly number[]>();
  for (const column of target.columns) {
    const indexes: number[] = [];
    for (const m of row.cells[column]!.matchAll(global)) {
      // An empty match (`^`, `x*`) matches without characters to highlight.
      for (let i = 0; i < m[0].length; i++) indexes.push(m.index + i);
    }
    if (indexes.length > 0) cells.set(column, indexes);
  }
  if (cells.size === 0 && !rowMatchesRegex(row, new RegExp(global.source, global.flags.replace('g', '')))) return undefined;
  return { score: 1, cells };
}

/** The entry of `starts` (ascending) that contains `offset`. */
function columnAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
