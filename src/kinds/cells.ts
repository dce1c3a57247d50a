/** Render-time cells: ages and restart times recomputed from the timestamps stored in a row. */
import { since } from './duration.ts';
import type { Row, TimeCell } from './types.ts';

/** The text of one time cell at `now`. */
export function timeCellText(cell: TimeCell, now: number): string {
  switch (cell.kind) {
    case 'age':
      return since(cell.at, now);
    case 'restarts':
      return Number.isNaN(cell.at) || cell.count === 0 ? String(cell.count) : `${cell.count} (${since(cell.at, now)} ago)`;
    default: {
      const never: never = cell;
      return never;
    }
  }
}

/**
 * A row's cells as they read at `now`; the stored array itself when nothing depends on time.
 * A `now` older than a cell's time (a view's clock that last ticked before the object arrived)
 * keeps the text projected when the row was made, which used a current clock.
 */
export function cellsAt(row: Row, now: number): readonly string[] {
  if (row.timeCells.length === 0) return row.cells;
  const out = row.cells.slice();
  for (const cell of row.timeCells) {
    if (cell.at <= now || Number.isNaN(cell.at)) out[cell.column] = timeCellText(cell, now);
  }
  return out;
}

/** A time cell plus its text at `now`, so a projection's stored cells are right when made. */
export function timed(cells: string[], timeCells: TimeCell[], cell: TimeCell, now: number): void {
  timeCells.push(cell);
  cells[cell.column] = timeCellText(cell, now);
}

/** Fills column `column` with the object's AGE (from metadata.creationTimestamp). */
export function ageCell(cells: string[], timeCells: TimeCell[], column: number, creationTimestamp: string | undefined, now: number): void {
  timed(cells, timeCells, { column, kind: 'age', at: Date.parse(creationTimestamp ?? '') }, now);
}
