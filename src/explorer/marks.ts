/**
 * Marks (k9s's): the rows a bulk action (delete, force delete, restart) acts on. They are kept by
 * object uid, so a mark follows its object through updates, re-sorts and filters, and belong to one
 * view on one context: another resource, namespace, drill-down or context starts with none.
 */
import { sameView, type ViewEntry } from './view-entry.ts';

/** The marks of one view; immutable. */
export interface Marks {
  /** The context and view the marks were made in. */
  readonly context: string;
  readonly view: ViewEntry;
  /** Marked objects by uid. */
  readonly uids: ReadonlySet<string>;
  /** The object marked last: where ctrl-space's range starts. */
  readonly anchor: string | undefined;
}

/** No marks, in `view` on `context`. */
export function emptyMarks(context: string, view: ViewEntry): Marks {
  return { context, view, uids: new Set(), anchor: undefined };
}

/** `marks` when they belong to `view` on `context` (sort, filter and cursor do not matter), else none: a view change clears them. */
export function marksFor(marks: Marks, context: string, view: ViewEntry): Marks {
  return marks.context === context && sameView(marks.view, view) ? marks : emptyMarks(context, view);
}

/** Whether the object with `uid` is marked. */
export function isMarked(marks: Marks, uid: string): boolean {
  return marks.uids.has(uid);
}

/** Marks `uid`, or unmarks it when it was marked (space). */
export function toggleMark(marks: Marks, uid: string): Marks {
  const uids = new Set(marks.uids);
  if (uids.delete(uid)) return { ...marks, uids, anchor: marks.anchor === uid ? undefined : marks.anchor };
  uids.add(uid);
  return { ...marks, uids, anchor: uid };
}

/**
 * Marks every row from the last mark to `uid` in `order` (the rows as shown: sorted and filtered),
 * both ends included (ctrl-space). With no last mark on screen it marks `uid` alone.
 */
export function markRange(marks: Marks, order: readonly string[], uid: string): Marks {
  const to = order.indexOf(uid);
  if (to < 0) return marks;
  const from = marks.anchor === undefined ? -1 : order.indexOf(marks.anchor);
  const uids = new Set(marks.uids);
  const [lo, hi] = from < 0 ? [to, to] : [Math.min(from, to), Math.max(from, to)];
  for (let i = lo; i <= hi; i++) uids.add(order[i]!);
  return { ...marks, uids, anchor: uid };
}

/** No marks in the same view (ctrl-\, or after a bulk action ran). */
export function clearMarks(marks: Marks): Marks {
  return emptyMarks(marks.context, marks.view);
}

/** The marks of objects that still exist: a deleted object's mark goes (the same marks when none went). */
export function keepExisting(marks: Marks, existing: ReadonlySet<string>): Marks {
  if ([...marks.uids].every((uid) => existing.has(uid))) return marks;
  const uids = new Set([...marks.uids].filter((uid) => existing.has(uid)));
  return { ...marks, uids, anchor: marks.anchor !== undefined && uids.has(marks.anchor) ? marks.anchor : undefined };
}

/** The marked ones of `rows`, in their order. */
export function markedRows<T extends { readonly uid: string }>(marks: Marks, rows: readonly T[]): T[] {
  if (marks.uids.size === 0) return [];
  return rows.filter((row) => marks.uids.has(row.uid));
}
