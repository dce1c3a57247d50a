/**
 * Column alignment as kubectl's describe output gets it from Go's text/tabwriter (minwidth 0,
 * padding 2, padded with spaces, no flags): a cell ends at a tab, the last cell of a line is not
 * part of any column, and a column's width is set per block of consecutive lines that have a cell
 * in it. Widths are terminal cells (string-width), so wide characters line up too, where Go counts
 * runes.
 */
import stringWidth from 'string-width';

/** Go tabwriter settings: describe uses (minwidth 0, padding 2), kubectl's printers.GetNewTabWriter (6, 3). */
export interface TabOptions {
  minWidth?: number;
  padding?: number;
}

interface Cell {
  text: string;
  width: number;
}

/** Aligns tab-separated `text` (lines ending in '\n') the way kubectl's tabwriter does. */
export function alignTabs(text: string, opts: TabOptions = {}): string {
  const minWidth = opts.minWidth ?? 0;
  const padding = opts.padding ?? 2;
  const rawLines = text.split('\n');
  // A trailing newline leaves one empty string behind; it is not a line of its own.
  const endsWithNewline = rawLines.length > 1 && rawLines[rawLines.length - 1] === '';
  if (endsWithNewline) rawLines.pop();
  const out: string[] = [];
  // A line without any tab has no column cells and ends every open block, so the lines in
  // between can be formatted on their own (Go flushes at such lines too).
  let block: Cell[][] = [];
  const flushBlock = (): void => {
    if (block.length > 0) formatBlock(block, 0, block.length, [], out, minWidth, padding);
    block = [];
  };
  for (const raw of rawLines) {
    const cells = raw.split('\t').map((t) => ({ text: t, width: cellWidth(t) }));
    block.push(cells);
    if (cells.length === 1) flushBlock();
  }
  flushBlock();
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}

/** Formats lines [from, to) with the column widths found so far (`widths`), recursing per column. */
function formatBlock(lines: Cell[][], from: number, to: number, widths: number[], out: string[], minWidth: number, padding: number): void {
  const column = widths.length;
  let start = from;
  for (let at = from; at < to; at++) {
    if (column >= lines[at]!.length - 1) continue;
    // A block of lines that all have a cell in this column starts here.
    writeLines(lines, start, at, widths, out);
    start = at;
    let width = minWidth;
    for (; at < to; at++) {
      const line = lines[at]!;
      if (column >= line.length - 1) break;
      width = Math.max(width, line[column]!.width + padding);
    }
    formatBlock(lines, start, at, [...widths, width], out, minWidth, padding);
    start = at;
  }
  writeLines(lines, start, to, widths, out);
}

function writeLines(lines: Cell[][], from: number, to: number, widths: number[], out: string[]): void {
  for (let i = from; i < to; i++) {
    let text = '';
    lines[i]!.forEach((cell, j) => {
      text += cell.text;
      if (j < widths.length) text += ' '.repeat(Math.max(0, widths[j]! - cell.width));
    });
    out.push(text);
  }
}

/** Terminal cells of `text` (ASCII takes the fast path), as kubectl's tabwriter counts runes. */
function cellWidth(text: string): number {
  return /^[\x20-\x7e]*$/.test(text) ? text.length : stringWidth(text);
}
