/** Fitting text into terminal cells: width-aware (wide CJK, emoji) padding and truncation. */
import stringWidth from 'string-width';

/** Pads or truncates `text` to exactly `width` cells; truncation ends with '…'. */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  if (width <= 0) return '';
  const w = cellWidth(text);
  if (w === width) return text;
  if (w < width) {
    const pad = ' '.repeat(width - w);
    return align === 'right' ? pad + text : text + pad;
  }
  return truncate(text, width);
}

/** The number of terminal cells `text` occupies. ASCII takes the fast path. */
export function cellWidth(text: string): number {
  return /^[\x20-\x7e]*$/.test(text) ? text.length : stringWidth(text);
}

function truncate(text: string, width: number): string {
  if (width === 1) return '…';
  let out = '';
  let used = 0;
  for (const ch of text) {
    const cw = cellWidth(ch);
    if (used + cw > width - 1) break;
    out += ch;
    used += cw;
  }
  return out + ' '.repeat(width - 1 - used) + '…';
}
