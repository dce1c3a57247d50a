/**
 * How one log line reads on screen: an optional coloured `pod container` prefix (when several
 * sources interleave), an optional timestamp, the text, pretty-printed when it is JSON and asked
 * for, and cut or wrapped to the width. Pure, so the pane only windows and draws.
 */
import stringWidth from 'string-width';
import type { LogLine, LogOrigin } from '../../../logs/log-types.ts';

/** Display options the pane's toggles control. */
export interface LogDisplayOptions {
  prefix: boolean;
  timestamps: boolean;
  wrap: boolean;
  json: boolean;
  width: number;
}

/** One screen row: the prefix part (coloured by source) and the text part. */
export interface DisplayRow {
  prefix: string;
  colour: string | undefined;
  text: string;
}

const palette = ['cyan', 'green', 'yellow', 'magenta', 'blue', 'red', 'cyanBright', 'greenBright', 'yellowBright', 'magentaBright', 'blueBright'];

/** A stable colour per pod/container, so the same source always reads the same. */
export function colourOf(origin: LogOrigin): string {
  let h = 0;
  for (const ch of `${origin.pod}/${origin.container}`) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return palette[h % palette.length]!;
}

/** The rows `line` takes on screen. */
export function displayRows(line: LogLine, opts: LogDisplayOptions, colour = true): DisplayRow[] {
  const prefix = (opts.prefix ? `${line.origin.pod} ${line.origin.container} ` : '') + (opts.timestamps && line.timestamp ? `${line.timestamp} ` : '');
  const texts = (opts.json ? prettyJson(line.text) : [line.text]).map(expandTabs);
  const c = colour && opts.prefix ? colourOf(line.origin) : undefined;
  const rows: DisplayRow[] = [];
  const room = Math.max(10, opts.width - stringWidth(prefix));
  texts.forEach((text, i) => {
    const head = i === 0 ? prefix : ' '.repeat(prefix.length);
    if (!opts.wrap) {
      rows.push({ prefix: head, colour: c, text });
      return;
    }
    const pieces = chunk(text, room);
    pieces.forEach((piece, j) => rows.push({ prefix: j === 0 ? head : ' '.repeat(prefix.length), colour: c, text: piece }));
  });
  return rows;
}

/** A JSON object or array on one line becomes indented lines; anything else stays as it is. */
export function prettyJson(text: string): string[] {
  const trimmed = text.trim();
  if (!(trimmed.startsWith('{') && trimmed.endsWith('}')) && !(trimmed.startsWith('[') && trimmed.endsWith(']'))) return [text];
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2).split('\n');
  } catch {
    return [text];
  }
}

/** Splits text into pieces of at most `width` cells (by code point; wide characters count double). */
function chunk(text: string, width: number): string[] {
  if (stringWidth(text) <= width) return [text];
  const out: string[] = [];
  let piece = '';
  let used = 0;
  for (const ch of text) {
    const w = stringWidth(ch);
    if (used + w > width) {
      out.push(piece);
      piece = '';
      used = 0;
    }
    piece += ch;
    used += w;
  }
  if (piece !== '') out.push(piece);
  return out;
}

/** Tabs become spaces to the next multiple of 8, so the terminal and the width maths agree. */
export function expandTabs(text: string): string {
  if (!text.includes('\t')) return text;
  let out = '';
  for (const ch of text) out += ch === '\t' ? ' '.repeat(8 - (stringWidth(out) % 8)) : ch;
  return out;
}
