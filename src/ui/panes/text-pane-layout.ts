/** Which lines of the text pane fit: the last useful top line and how many lines show (rows per line when wrapping). */

/** The last top line that still fills the view (rows per line when wrapping). */
export function lastTop(count: number, bodyRows: number, rowsOf: readonly number[] | undefined): number {
  if (!rowsOf) return Math.max(0, count - bodyRows);
  let used = 0;
  let i = count;
  while (i > 0 && used + rowsOf[i - 1]! <= bodyRows) {
    used += rowsOf[i - 1]!;
    i--;
  }
  return Math.min(i, Math.max(0, count - 1));
}

/** How many lines from `top` fit in the view. */
export function visibleCount(top: number, count: number, bodyRows: number, rowsOf: readonly number[] | undefined): number {
  if (!rowsOf) return Math.max(0, Math.min(bodyRows, count - top));
  let used = 0;
  let n = 0;
  while (top + n < count && used < bodyRows) {
    used += rowsOf[top + n]!;
    n++;
  }
  return n;
}

/** `value` kept within [low, high]. */
export function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}
