/**
 * Back and forward through visited views, like a browser: visiting a new view drops the forward
 * entries; going back and forward moves a cursor. Immutable, so it can live in React state.
 */

/** A history of entries and the position of the current one (-1 when empty). */
export interface NavHistory<T> {
  readonly entries: readonly T[];
  readonly index: number;
}

/** An empty history. */
export function emptyHistory<T>(): NavHistory<T> {
  return { entries: [], index: -1 };
}

/**
 * Visits `entry`: it becomes current and forward entries are dropped. Visiting the current entry
 * again (by `same`) changes nothing; beyond `limit` entries the oldest are forgotten.
 */
export function pushHistory<T>(h: NavHistory<T>, entry: T, opts: { same?: (a: T, b: T) => boolean; limit?: number } = {}): NavHistory<T> {
  const same = opts.same ?? Object.is;
  const current = currentEntry(h);
  if (current !== undefined && same(current, entry)) return h;
  const entries = [...h.entries.slice(0, h.index + 1), entry];
  const limit = Math.max(1, opts.limit ?? 100);
  const trimmed = entries.length > limit ? entries.slice(entries.length - limit) : entries;
  return { entries: trimmed, index: trimmed.length - 1 };
}

/** The current entry, or undefined when the history is empty. */
export function currentEntry<T>(h: NavHistory<T>): T | undefined {
  return h.index >= 0 ? h.entries[h.index] : undefined;
}

/** Whether there is an entry before the current one. */
export function canGoBack<T>(h: NavHistory<T>): boolean {
  return h.index > 0;
}

/** Whether there is an entry after the current one. */
export function canGoForward<T>(h: NavHistory<T>): boolean {
  return h.index < h.entries.length - 1;
}

/** One step back (unchanged when there is nowhere to go). */
export function goBack<T>(h: NavHistory<T>): NavHistory<T> {
  return canGoBack(h) ? { entries: h.entries, index: h.index - 1 } : h;
}

/** One step forward (unchanged when there is nowhere to go). */
export function goForward<T>(h: NavHistory<T>): NavHistory<T> {
  return canGoForward(h) ? { entries: h.entries, index: h.index + 1 } : h;
}
