/**
 * The cursor of a short pick list (contexts, containers): kept in a ref so keys that arrive in
 * one chunk ('j' then enter) act on the row the first key moved to, before React re-renders.
 */
import { useRef, useState } from 'react';
import { moveCursor, type CursorMove } from '../table/cursor.ts';
import { windowStart } from '../table/layout.ts';

/** The cursor, the first row shown, a mover and the row index at the moment of asking. */
export interface ListCursor {
  cursor: number;
  shown: number;
  move: (m: CursorMove) => void;
  current: () => number;
}

/** A cursor over `count` rows, `body` of them visible, starting on `initial`. */
export function useListCursor(count: number, initial: number, body: number): ListCursor {
  const cursorRef = useRef(Math.min(Math.max(0, initial), Math.max(0, count - 1)));
  const [, setTick] = useState(0);
  const [top, setTop] = useState(0);
  const move = (m: CursorMove): void => {
    const next = moveCursor(cursorRef.current, m, count, body);
    cursorRef.current = next;
    setTick((n) => n + 1);
    setTop((t) => windowStart(t, next, body, count));
  };
  const cursor = cursorRef.current;
  return { cursor, shown: windowStart(top, cursor, body, count), move, current: () => cursorRef.current };
}
