/** Cursor movement in a table, as pure functions of the row count and the page height. */

/** A cursor move a key asks for. */
export type CursorMove = 'up' | 'down' | 'pageUp' | 'pageDown' | 'home' | 'end';

/** The new cursor index after `move` in a table of `total` rows showing `page` rows at a time. */
export function moveCursor(cursor: number, move: CursorMove, total: number, page: number): number {
  if (total <= 0) return 0;
  const last = total - 1;
  const step = Math.max(1, page);
  switch (move) {
    case 'up':
      return Math.max(0, cursor - 1);
    case 'down':
      return Math.min(last, cursor + 1);
    case 'pageUp':
      return Math.max(0, cursor - step);
    case 'pageDown':
      return Math.min(last, cursor + step);
    case 'home':
      return 0;
    case 'end':
      return last;
    default: {
      const never: never = move;
      return never;
    }
  }
}

/**
 * Where the cursor belongs after the rows changed: on the same object (by key) when it is still
 * there, else at the same position clamped to the new length, so updates never make it jump.
 */
export function followCursor(keys: readonly string[], selectedKey: string | undefined, previousIndex: number): number {
  if (keys.length === 0) return 0;
  if (selectedKey !== undefined) {
    // The object usually stays close to where it was: look there first.
    if (keys[previousIndex] === selectedKey) return previousIndex;
    const found = keys.indexOf(selectedKey);
    if (found >= 0) return found;
  }
  return Math.min(previousIndex, keys.length - 1);
}
