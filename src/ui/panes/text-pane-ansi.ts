/**
 * Lines with ANSI colour (highlighted YAML, coloured log prefixes) as the text pane needs them:
 * made safe to draw (only colour sequences survive, tabs expanded, control characters visible),
 * their plain text for searching, and search matches marked without losing the colours.
 */
import { cellWidth } from '../text-fit.ts';

// CSI (ESC [ … final byte) and OSC (ESC ] … BEL or ESC \) sequences.
const escapeSequence = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?/y;

/** One piece of a line: drawn text, or an escape sequence that takes no cells. */
export type Piece = { text: string; escape: boolean };

/** The line split into drawn text and escape sequences, in order. */
export function pieces(line: string): Piece[] {
  const out: Piece[] = [];
  let text = '';
  let i = 0;
  while (i < line.length) {
    if (line.charCodeAt(i) === 0x1b) {
      escapeSequence.lastIndex = i;
      const m = escapeSequence.exec(line);
      if (m) {
        if (text) out.push({ text, escape: false });
        text = '';
        out.push({ text: m[0], escape: true });
        i += m[0].length;
        continue;
      }
    }
    text += line[i];
    i++;
  }
  if (text) out.push({ text, escape: false });
  return out;
}

/**
 * A line safe to draw: colour (SGR) sequences kept, every other escape sequence dropped (no
 * cursor movement, no window titles from a log line), tabs expanded to 8-cell stops, and other
 * control characters in caret notation (^M).
 */
export function safeLine(line: string): string {
  // Fast path: printable ASCII and nothing else.
  if (!/[\x00-\x1f\x7f]/.test(line)) return line;
  let out = '';
  let column = 0;
  for (const piece of pieces(line)) {
    if (piece.escape) {
      if (/^\x1b\[[0-9;]*m$/.test(piece.text)) out += piece.text;
      continue;
    }
    for (const ch of piece.text) {
      const code = ch.charCodeAt(0);
      if (ch === '\t') {
        const spaces = 8 - (column % 8);
        out += ' '.repeat(spaces);
        column += spaces;
      } else if (code < 0x20 || code === 0x7f) {
        out += code === 0x7f ? '^?' : '^' + String.fromCharCode(code + 64);
        column += 2;
      } else {
        out += ch;
        column += cellWidth(ch);
      }
    }
  }
  return out;
}

/** The text of a line without its escape sequences (what search looks at). */
export function plainText(line: string): string {
  if (!line.includes('\x1b')) return line;
  return pieces(line)
    .filter((p) => !p.escape)
    .map((p) => p.text)
    .join('');
}

/** A run of plain-text positions [start, end) to emphasise. */
export interface MarkRange {
  start: number;
  end: number;
  /** The current match: drawn more strongly than the others. */
  current: boolean;
}

const open = (current: boolean, colour: boolean): string => (current ? (colour ? '\x1b[7;1;33m' : '\x1b[7;1;4m') : '\x1b[7m');
const close = '\x1b[27;22;24;39m';

/**
 * The line with each range drawn inverse (the current one also bold and yellow, or underlined
 * without colour). Positions are in plainText(line); colours inside a range come back after it.
 */
export function markRanges(line: string, ranges: readonly MarkRange[], colour: boolean): string {
  if (ranges.length === 0) return line;
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  let r = 0;
  let inside: MarkRange | undefined;
  // The colour that was active when a range opened, restored when it closes.
  let lastColour = '';
  const step = (): void => {
    if (inside && at === inside.end) {
      out += close + lastColour;
      inside = undefined;
    }
    while (!inside && r < sorted.length && sorted[r]!.end <= at) r++;
    if (!inside && r < sorted.length && sorted[r]!.start === at && sorted[r]!.end > at) {
      inside = sorted[r]!;
      r++;
      out += open(inside.current, colour);
    }
  };
  for (const piece of pieces(line)) {
    if (piece.escape) {
      out += piece.text;
      if (/^\x1b\[[0-9;]*m$/.test(piece.text)) {
        lastColour = piece.text === '\x1b[0m' || piece.text === '\x1b[m' ? '' : piece.text;
        // A reset inside a range would end the emphasis early: open it again.
        if (inside) out += open(inside.current, colour);
      }
      continue;
    }
    for (const ch of piece.text) {
      step();
      out += ch;
      at += ch.length;
    }
  }
  step();
  if (inside) out += close;
  return out;
}
