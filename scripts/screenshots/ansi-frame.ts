/**
 * A terminal frame as `tmux capture-pane -e -p` prints it (text with SGR colour sequences) turned
 * into rows of styled runs, ready to draw. Handles the 16 colours, 256 colours, truecolor,
 * bold, dim, italic, underline and inverse, which is all tmux emits for a captured pane.
 */
import stringWidth from 'string-width';

/** A colour as CSS, or undefined for the terminal's default. */
export type Css = string | undefined;

/** Text drawn with one style, starting at `column`. */
export interface Run {
  column: number;
  text: string;
  /** Cells the text covers (wide characters take two). */
  width: number;
  fg: Css;
  bg: Css;
  bold: boolean;
  dim: boolean;
  italic: boolean;
  underline: boolean;
}

interface Style {
  fg: Css;
  bg: Css;
  bold: boolean;
  dim: boolean;
  italic: boolean;
  underline: boolean;
  inverse: boolean;
}

/** xterm's default 16 colours. */
export const basic16 = ['#000000', '#cd0000', '#00cd00', '#cdcd00', '#0000ee', '#cd00cd', '#00cdcd', '#e5e5e5', '#7f7f7f', '#ff0000', '#00ff00', '#ffff00', '#5c5cff', '#ff00ff', '#00ffff', '#ffffff'];

/** The colours the image uses for the terminal's default foreground and background. */
export const defaultFg = '#d0d0d0';
export const defaultBg = '#1c1c1c';

function colour256(n: number): string {
  if (n < 16) return basic16[n]!;
  if (n < 232) {
    const i = n - 16;
    const level = (v: number): number => (v === 0 ? 0 : 55 + v * 40);
    const hex = (v: number): string => level(v).toString(16).padStart(2, '0');
    return `#${hex(Math.floor(i / 36))}${hex(Math.floor(i / 6) % 6)}${hex(i % 6)}`;
  }
  const g = (8 + (n - 232) * 10).toString(16).padStart(2, '0');
  return `#${g}${g}${g}`;
}

const plain = (): Style => ({ fg: undefined, bg: undefined, bold: false, dim: false, italic: false, underline: false, inverse: false });

function applySgr(style: Style, params: number[]): Style {
  const s = { ...style };
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    if (p === 0) Object.assign(s, plain());
    else if (p === 1) s.bold = true;
    else if (p === 2) s.dim = true;
    else if (p === 3) s.italic = true;
    else if (p === 4) s.underline = true;
    else if (p === 7) s.inverse = true;
    else if (p === 22) s.bold = s.dim = false;
    else if (p === 23) s.italic = false;
    else if (p === 24) s.underline = false;
    else if (p === 27) s.inverse = false;
    else if (p >= 30 && p <= 37) s.fg = basic16[p - 30];
    else if (p === 39) s.fg = undefined;
    else if (p >= 40 && p <= 47) s.bg = basic16[p - 40];
    else if (p === 49) s.bg = undefined;
    else if (p >= 90 && p <= 97) s.fg = basic16[p - 90 + 8];
    else if (p >= 100 && p <= 107) s.bg = basic16[p - 100 + 8];
    else if ((p === 38 || p === 48) && params[i + 1] === 5) {
      const c = colour256(params[i + 2] ?? 0);
      if (p === 38) s.fg = c;
      else s.bg = c;
      i += 2;
    } else if ((p === 38 || p === 48) && params[i + 1] === 2) {
      const [r, g, b] = [params[i + 2] ?? 0, params[i + 3] ?? 0, params[i + 4] ?? 0];
      const c = `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
      if (p === 38) s.fg = c;
      else s.bg = c;
      i += 4;
    }
  }
  return s;
}

/** Parses a captured frame into rows of runs (a row without text is an empty array). */
export function parseFrame(text: string): Run[][] {
  const rows: Run[][] = [];
  let style = plain();
  for (const line of text.replace(/\n$/, '').split('\n')) {
    const runs: Run[] = [];
    let column = 0;
    let current: Run | undefined;
    const flush = (): void => {
      if (current && current.text !== '') runs.push(current);
      current = undefined;
    };
    const start = (): Run => {
      const fg = style.inverse ? (style.bg ?? defaultBg) : style.fg;
      const bg = style.inverse ? (style.fg ?? defaultFg) : style.bg;
      return { column, text: '', width: 0, fg, bg, bold: style.bold, dim: style.dim, italic: style.italic, underline: style.underline };
    };
    for (let i = 0; i < line.length;) {
      if (line[i] === '\x1b' && line[i + 1] === '[') {
        const end = line.slice(i + 2).search(/[@-~]/);
        if (end < 0) break;
        const final = line[i + 2 + end];
        if (final === 'm') {
          flush();
          const params = line
            .slice(i + 2, i + 2 + end)
            .split(';')
            .map((p) => (p === '' ? 0 : Number(p)));
          style = applySgr(style, params);
        }
        i += 3 + end;
        continue;
      }
      const ch = String.fromCodePoint(line.codePointAt(i)!);
      i += ch.length;
      current ??= start();
      const w = Math.max(0, stringWidth(ch));
      current.text += ch;
      current.width += w;
      column += w;
    }
    flush();
    rows.push(runs);
  }
  return rows;
}
