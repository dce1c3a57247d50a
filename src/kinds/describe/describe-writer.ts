/**
 * The describe functions' output buffer, shaped like kubectl's PrefixWriter: text written at an
 * indent level (two spaces each), tabs between label and value, aligned by the tabwriter when
 * the text is taken. `flush()` closes the columns so far, as DescribeEvents does before its table.
 */
import { alignTabs } from './tabwriter.ts';

/** Indentation levels, as kubectl names them. */
export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;

/** Where describe text goes: kubectl's PrefixWriter. */
export interface PrefixWriter {
  /** Writes `text` indented by `level` (the indent goes before the text, not after newlines inside it). */
  write(level: number, text: string): void;
  /** Writes `text` and a newline (kubectl's WriteLine). */
  writeLine(text: string): void;
  /** Ends every column block so far: what follows is aligned on its own. */
  flush(): void;
}

/** Collects describe text and aligns it. */
export class DescribeWriter implements PrefixWriter {
  #pending = '';
  #done = '';

  /** Writes `text` indented by `level` (the indent goes before the text, not after newlines inside it). */
  write(level: number, text: string): void {
    this.#pending += '  '.repeat(level) + escapeTerminal(text);
  }

  /** Writes `text` and a newline with no indent (kubectl's WriteLine). */
  writeLine(text: string): void {
    this.#pending += escapeTerminal(text) + '\n';
  }

  /** Ends every column block so far: what follows is aligned on its own. */
  flush(): void {
    this.#done += alignTabs(this.#pending);
    this.#pending = '';
  }

  /** The aligned text as lines (without their newlines). */
  lines(): string[] {
    this.flush();
    const text = this.#done.endsWith('\n') ? this.#done.slice(0, -1) : this.#done;
    return text === '' ? [] : text.split('\n');
  }
}

/** kubectl's nestedPrefixWriter: every write `indent` levels deeper (WriteLine included). */
export function nestedWriter(parent: PrefixWriter, indent: number): PrefixWriter {
  return {
    write: (level, text) => parent.write(level + indent, text),
    writeLine: (text) => parent.write(indent, text + '\n'),
    flush: () => parent.flush(),
  };
}

/**
 * Values come from the cluster and may hold terminal control sequences; kubectl shows ESC as ^[
 * and CR as \r. Other control characters (except tab and newline, which shape the output) are
 * shown in caret notation too, so nothing in an object can drive the terminal.
 */
export function escapeTerminal(text: string): string {
  if (!/[\x00-\x08\x0b-\x1f\x7f]/.test(text)) return text;
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, (ch) => {
    if (ch === '\r') return '\\r';
    if (ch === '\x7f') return '^?';
    return '^' + String.fromCharCode(ch.charCodeAt(0) + 64);
  });
}
