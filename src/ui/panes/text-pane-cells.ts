/**
 * Long lines in the text pane, by terminal cells: a window of a line for horizontal scrolling,
 * or the line wrapped into rows. Colours (SGR sequences, search marks) survive the cut: a piece
 * starts with the colours active where it starts and ends with a reset, so nothing bleeds.
 */
import { cellWidth } from '../text-fit.ts';
import { pieces } from './text-pane-ansi.ts';

const reset = '\x1b[0m';
const isSgr = (escape: string): boolean => /^\x1b\[[0-9;]*m$/.test(escape);
const isReset = (escape: string): boolean => escape === '\x1b[0m' || escape === '\x1b[m';

/** Walks a line's characters with their cell column and the colours active before each. */
function walk(line: string, visit: (ch: string, column: number, width: number, colours: string) => void, onEscape?: (escape: string) => void): void {
  let column = 0;
  let colours = '';
  for (const piece of pieces(line)) {
    if (piece.escape) {
      if (isSgr(piece.text)) colours = isReset(piece.text) ? '' : colours + piece.text;
      onEscape?.(piece.text);
      continue;
    }
    for (const ch of piece.text) {
      const width = cellWidth(ch);
      visit(ch, column, width, colours);
      column += width;
    }
  }
}

/**
 * The cells [start, start + width) of `line`, colours kept. A wide character cut by either edge
 * becomes a space. With `more`, a line that goes on past the right edge ends in it ('…').
 */
export function sliceCells(line: string, start: number, width: number, more?: string): string {
  if (width <= 0) return '';
  // string-width leaves escape sequences out.
  const plainWidth = cellWidth(line);
  if (start === 0 && plainWidth <= width) return line;
  const cut = more !== undefined && plainWidth > start + width;
  const end = start + width - (cut ? cellWidth(more) : 0);
  let out = '';
  let opened = false;
  let coloured = false;
  walk(
    line,
    (ch, column, w, colours) => {
      if (column + w <= start || column >= end) return;
      if (!opened) {
        opened = true;
        out += colours;
        coloured = colours !== '';
      }
      // Half of a wide character shows as a space.
      out += column < start || column + w > end ? ' '.repeat(Math.min(column + w, end) - Math.max(column, start)) : ch;
    },
    (escape) => {
      if (opened && isSgr(escape)) {
        out += escape;
        coloured = true;
      }
    },
  );
  if (coloured) out += reset;
  return cut ? out + more : out;
}

/** `line` cut into rows of at most `width` cells; a wide character that does not fit starts the next row. */
export function wrapCells(line: string, width: number): string[] {
  const room = Math.max(1, width);
  const rows: string[] = [];
  let row = '';
  let used = 0;
  let coloured = false;
  let pending = '';
  walk(
    line,
    (ch, _column, w, colours) => {
      if (used + w > room && used > 0) {
        rows.push(coloured ? row + reset : row);
        // The next row opens with the colours active at its first character.
        row = colours;
        coloured = colours !== '';
        used = 0;
        pending = '';
      }
      row += pending + ch;
      pending = '';
      used += w;
    },
    (escape) => {
      if (!isSgr(escape)) return;
      // Held until the next character, so a row never ends with an opening colour.
      pending += escape;
      coloured = true;
    },
  );
  row += pending;
  rows.push(coloured && row !== '' ? row + reset : row);
  return rows;
}

/** How many rows `plain` (text without escapes) takes when wrapped at `width` cells. */
export function wrappedRowCount(plain: string, width: number): number {
  if (cellWidth(plain) <= width) return 1;
  return wrapCells(plain, width).length;
}

/** The widest line, in cells (plain text); how far a view of `width` cells may scroll right. */
export function maxOffset(plainLines: readonly string[], width: number): number {
  let widest = 0;
  for (const line of plainLines) widest = Math.max(widest, cellWidth(line));
  return Math.max(0, widest - width);
}

/** The cell column where plain-text position `index` starts (a search match's column). */
export function columnOf(plain: string, index: number): number {
  return cellWidth(plain.slice(0, index));
}
