/** Pure table layout: which rows are visible and how wide each column may be. */
import { cellWidth } from '../text-fit.ts';

/** A column as the table draws it. */
export interface ColumnView {
  title: string;
  align?: 'left' | 'right';
  /** 0 = always shown; columns with a higher priority are dropped first when the terminal is narrow. */
  priority?: number;
  /** A cap on the column's width, so one long value cannot push the rest off screen. */
  maxWidth?: number;
}

const GAP = 2;

/**
 * The first visible row after the cursor moved: the window scrolls only as far as needed to keep
 * the cursor on screen, so paging and updates don't make the view jump.
 */
export function windowStart(prevTop: number, cursor: number, height: number, total: number): number {
  if (height <= 0 || total <= 0) return 0;
  let top = Math.min(prevTop, Math.max(0, total - height));
  if (cursor < top) top = cursor;
  if (cursor >= top + height) top = cursor - height + 1;
  return Math.max(0, top);
}

/**
 * Column widths for the visible rows in `width` cells. Returns a width per column, 0 for a column
 * dropped because the terminal is too narrow (highest priority number dropped first, last first).
 */
export function columnWidths(columns: ColumnView[], rows: string[][], width: number): number[] {
  const natural = columns.map((c, i) => {
    let w = cellWidth(c.title);
    for (const r of rows) w = Math.max(w, cellWidth(r[i] ?? ''));
    return Math.min(w, c.maxWidth ?? 60);
  });
  const shown = columns.map(() => true);
  const total = (): number => natural.reduce((sum, w, i) => (shown[i] ? sum + w + GAP : sum), 0) - GAP;
  // Drop optional columns, least important (then rightmost) first, until the rest fit.
  const droppable = columns
    .map((c, i) => ({ i, p: c.priority ?? 0 }))
    .filter((c) => c.p > 0)
    .sort((a, b) => b.p - a.p || b.i - a.i);
  for (const { i } of droppable) {
    if (total() <= width) break;
    shown[i] = false;
  }
  // Still too wide: shrink the widest columns one cell at a time, never below their title or 3.
  let excess = total() - width;
  while (excess > 0) {
    let widest = -1;
    for (let i = 0; i < natural.length; i++) {
      const floor = Math.max(3, Math.min(cellWidth(columns[i]!.title), 8));
      if (shown[i] && natural[i]! > floor && (widest < 0 || natural[i]! > natural[widest]!)) widest = i;
    }
    if (widest < 0) break;
    natural[widest]! -= 1;
    excess -= 1;
  }
  return natural.map((w, i) => (shown[i] ? w : 0));
}

/** Joins fitted cells into one line with the table's gap; dropped (0-width) columns vanish. */
export function joinCells(cells: string[], widths: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < widths.length; i++) if (widths[i]! > 0) parts.push(cells[i] ?? '');
  return parts.join(' '.repeat(GAP));
}
