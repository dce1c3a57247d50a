/** One resource's rows with its per-resource indexes (name, namespace, labels) and memoised views. */
import { numericKey } from '../kinds/sort.ts';
import type { KindSpec, Row } from '../kinds/types.ts';
import { LabelIndex } from './label-index.ts';
import { mergeOrdered, OrderedRows, sortByKeys } from './ordered-rows.ts';

/** How a view is asked for. */
export interface ViewOptions {
  /** Only rows of this namespace; undefined or '' for all. */
  namespace?: string | undefined;
  /** Column index to sort by; undefined keeps namespace/name order. */
  sortBy?: number | undefined;
  descending?: boolean | undefined;
  /** Include rows deleted in the last moment (marked 'deleted'); default true. */
  includeDeleted?: boolean | undefined;
}

/** The rows of one resource (e.g. 'pods'), whatever streams feed it. */
export class ResourceBucket {
  readonly key: string;
  kind: KindSpec;
  /** Table mode: the server's columns were given, rows carry server cells. */
  tableMode = false;
  readonly rows = new Map<string, Row>();
  /** 'namespace/name' → uid. */
  readonly byName = new Map<string, string>();
  readonly ordered = new OrderedRows();
  readonly labels = new LabelIndex();
  /** Rows deleted moments ago, still shown (marked 'deleted') until they expire. */
  readonly ghosts = new Map<string, Row>();
  /** Bumped on every change to rows or ghosts; views and snapshots compare it. */
  version = 0;
  readonly #views = new Map<string, { version: number; rows: readonly Row[] }>();

  constructor(key: string, kind: KindSpec) {
    this.key = key;
    this.kind = kind;
  }

  /** A memoised view: recomputed only when the bucket changed since it was last asked for. */
  view(opts: ViewOptions = {}): readonly Row[] {
    const ns = opts.namespace ?? '';
    const withGhosts = opts.includeDeleted ?? true;
    const memoKey = `${ns}\u0000${opts.sortBy ?? ''}\u0000${opts.descending ? 1 : 0}\u0000${withGhosts ? 1 : 0}`;
    const memo = this.#views.get(memoKey);
    if (memo && memo.version === this.version) return memo.rows;
    let rows: readonly Row[] = this.ordered.rows;
    if (withGhosts && this.ghosts.size > 0) rows = mergeOrdered(rows, this.ghosts.values());
    if (ns !== '') rows = rows.filter((r) => r.namespace === ns);
    else if (rows === this.ordered.rows) rows = rows.slice();
    const spec = opts.sortBy === undefined ? undefined : this.kind.columns[opts.sortBy];
    if (spec) {
      const i = opts.sortBy!;
      const numeric = spec.sort !== 'text';
      rows = sortByKeys(rows, (r) => (numeric ? (numericKey(r, i, spec) ?? 0) : (r.cells[i] ?? '')), opts.descending ?? false);
    } else if (opts.descending) {
      rows = rows.slice().reverse();
    }
    Object.freeze(rows);
    this.#views.set(memoKey, { version: this.version, rows });
    return rows;
  }

  /** Drops memoised views (after the kind or its columns changed). */
  resetViews(): void {
    this.#views.clear();
  }
}
