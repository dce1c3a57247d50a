/**
 * The `/` filter: a fuzzy match (fuzzysort) on a row's name, or the text as typed anywhere in its
 * other cells (a status, a node, an IP), keeping the table's own order (like k9s) so the cursor
 * and sort stay meaningful. Fuzzy over every cell matched too loosely ('redis' found
 * metrics-server through letters scattered over its cells). `/!text` keeps the rows that do NOT
 * match. Targets are prepared once per row object, so a keystroke over 10,000 rows only scores.
 */
import fuzzysort from 'fuzzysort';
import type { Row } from '../../kinds/types.ts';

interface Target {
  name: Fuzzysort.Prepared;
  /** Every cell and the namespace, lower-cased, for plain substring matches. */
  rest: string;
}

const prepared = new WeakMap<Row, Target>();

function targetOf(row: Row): Target {
  let target = prepared.get(row);
  if (!target) {
    // Rows are immutable: a changed object is a new Row, so this never goes stale.
    target = { name: fuzzysort.prepare(row.name), rest: `${row.namespace} ${row.cells.join(' ')}`.toLowerCase() };
    prepared.set(row, target);
  }
  return target;
}

function matches(row: Row, text: string, lower: string): boolean {
  const target = targetOf(row);
  return target.rest.includes(lower) || fuzzysort.single(text, target.name) !== null;
}

/** A parsed filter: the text to match and whether matches are kept or dropped. */
export interface RowFilter {
  text: string;
  inverse: boolean;
}

/** Parses what was typed after `/`: '!foo' is an inverse filter; blank means no filter. */
export function parseFilter(input: string): RowFilter | undefined {
  const inverse = input.startsWith('!');
  const text = (inverse ? input.slice(1) : input).trim();
  return text === '' ? undefined : { text, inverse };
}

/** The rows that pass `filter`, in their original order. */
export function filterRows(rows: readonly Row[], filter: RowFilter | undefined): readonly Row[] {
  if (!filter) return rows;
  // fuzzysort caches the prepared search string itself, so each row costs one scoring pass.
  const lower = filter.text.toLowerCase();
  return rows.filter((row) => matches(row, filter.text, lower) !== filter.inverse);
}
