/** Row ordering by a column, using the column's sort kind (text, leading number, age, x/y). */
import type { ColumnSpec, Row } from './types.ts';

// Made on the first text sort, not at load: constructing a collator loads ICU's collation data and
// code, resident memory a session that never sorts by a text column should not pay for.
let collator: Intl.Collator | undefined;
const textCollator = (): Intl.Collator => (collator ??= new Intl.Collator('en', { numeric: true, sensitivity: 'base' }));

function leadingNumber(text: string): number {
  const n = Number.parseFloat(text);
  return Number.isNaN(n) ? Number.NEGATIVE_INFINITY : n;
}

function ratio(text: string): number {
  const [a, b] = text.split('/');
  const x = Number.parseFloat(a ?? '');
  const y = Number.parseFloat(b ?? '');
  if (Number.isNaN(x)) return Number.NEGATIVE_INFINITY;
  return Number.isNaN(y) || y === 0 ? x : x / y + x * 1e-9;
}

/**
 * A numeric sort key for a row's column, or undefined when the column sorts as text. Ages sort by
 * elapsed time (newer = smaller), so the key is the negated timestamp; unknown ages sort first.
 */
export function numericKey(row: Row, index: number, spec: ColumnSpec): number | undefined {
  switch (spec.sort) {
    case 'text':
      return undefined;
    case 'number':
      return leadingNumber(row.cells[index] ?? '');
    case 'ratio':
      return ratio(row.cells[index] ?? '');
    case 'age': {
      const t = row.timeCells.find((c) => c.column === index);
      if (t === undefined) return leadingNumber(row.cells[index] ?? '');
      return Number.isNaN(t.at) ? Number.NEGATIVE_INFINITY : -t.at;
    }
    default: {
      const never: never = spec.sort;
      return never;
    }
  }
}

/** Compares two rows by namespace then name: kubectl's default listing order. */
export function compareByName(a: Row, b: Row): number {
  return a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** A comparator for a column (ties broken by namespace/name so the order is stable across updates). */
export function compareRowsBy(columns: readonly ColumnSpec[], index: number, descending = false): (a: Row, b: Row) => number {
  const spec = columns[index];
  const sign = descending ? -1 : 1;
  if (!spec) return (a, b) => sign * compareByName(a, b);
  return (a, b) => {
    const ka = numericKey(a, index, spec);
    let c: number;
    if (ka !== undefined) {
      const kb = numericKey(b, index, spec) ?? 0;
      c = ka < kb ? -1 : ka > kb ? 1 : 0;
    } else {
      c = textCollator().compare(a.cells[index] ?? '', b.cells[index] ?? '');
    }
    return c !== 0 ? sign * c : compareByName(a, b);
  };
}
