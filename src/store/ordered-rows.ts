/**
 * A resource's rows kept in kubectl's listing order (namespace, then name) as events arrive:
 * binary search plus splice, so the default view never needs a full sort.
 */
import type { Row } from '../kinds/types.ts';

/** Index of the row with this namespace/name, or -(insertion point) - 1 when absent. */
export function searchByName(rows: readonly Row[], namespace: string, name: string): number {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const r = rows[mid]!;
    const c = r.namespace < namespace ? -1 : r.namespace > namespace ? 1 : r.name < name ? -1 : r.name > name ? 1 : 0;
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -lo - 1;
}

/** Rows in namespace/name order, updated in place. */
export class OrderedRows {
  readonly rows: Row[] = [];

  /** Inserts a row or replaces the one with the same namespace/name. */
  put(row: Row): void {
    const i = searchByName(this.rows, row.namespace, row.name);
    if (i >= 0) this.rows[i] = row;
    else this.rows.splice(-i - 1, 0, row);
  }

  /** Removes many rows in one pass (a re-list that dropped a lot), instead of one splice each. */
  deleteMany(uids: ReadonlySet<string>): void {
    let j = 0;
    for (let i = 0; i < this.rows.length; i++) {
      const r = this.rows[i]!;
      if (!uids.has(r.uid)) this.rows[j++] = r;
    }
    this.rows.length = j;
  }

  /** Removes the row with this namespace/name if it is this uid. */
  delete(row: Row): void {
    const i = searchByName(this.rows, row.namespace, row.name);
    if (i >= 0 && this.rows[i]!.uid === row.uid) this.rows.splice(i, 1);
  }
}

/** Merges a few extra rows (deleted rows still flashing) into an ordered copy. */
export function mergeOrdered(base: readonly Row[], extra: Iterable<Row>): Row[] {
  const out = base.slice();
  for (const row of extra) {
    const i = searchByName(out, row.namespace, row.name);
    out.splice(i >= 0 ? i + 1 : -i - 1, 0, row);
  }
  return out;
}

/** Sorts rows (already in name order) by a stable key; ties keep name order. */
export function sortByKeys(rows: readonly Row[], key: (row: Row) => number | string, descending: boolean): Row[] {
  const keys = rows.map(key);
  const idx = rows.map((_, i) => i);
  const sign = descending ? -1 : 1;
  idx.sort((a, b) => {
    const ka = keys[a]!;
    const kb = keys[b]!;
    return ka < kb ? -sign : ka > kb ? sign : a - b;
  });
  return idx.map((i) => rows[i]!);
}
