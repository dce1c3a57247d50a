/**
 * The logs pane's filter (`&`, as in less): only the lines whose text matches a regular
 * expression are shown, or with a leading `!` (k9s's inverse filter, less's `&!`) only those that
 * do not. Smart case, as search: all lower case matches any case. The filtered view follows the
 * ring as lines arrive and fall off, so a filter on a flood stays cheap (each line is tested once).
 */
import type { LogLine } from '../../../logs/log-types.ts';
import { plainText } from '../text-pane-ansi.ts';
import type { LogBuffer } from './log-buffer.ts';
import { findLine, type LogLines } from './log-lines.ts';
import { formatCount } from '../../status-text.ts';

/** A parsed filter: what was typed, and the test it stands for. */
export interface LogFilter {
  /** As typed, with its `!` ('error', '!healthz'). */
  readonly text: string;
  /** Show the lines that do not match. */
  readonly exclude: boolean;
  readonly regex: RegExp;
}

/** A filter from the prompt: a filter, none (empty text clears it), or why the text is not one. */
export type ParsedLogFilter = { ok: true; filter: LogFilter | undefined } | { ok: false; error: string };

/** Parses `text`: `!` in front excludes, `\!` matches a literal `!`; the rest is a regular expression. */
export function parseLogFilter(text: string): ParsedLogFilter {
  const exclude = text.startsWith('!');
  const pattern = exclude ? text.slice(1) : text;
  if (pattern === '') return { ok: true, filter: undefined };
  try {
    // Smart case, as in less and vim: a capital letter makes the filter exact.
    const regex = new RegExp(pattern, pattern === pattern.toLowerCase() ? 'i' : '');
    return { ok: true, filter: { text, exclude, regex } };
  } catch (err) {
    // V8 says 'Invalid regular expression: /(a/i: Unterminated group'; the pattern is quoted below.
    const reason = (err instanceof Error ? err.message : String(err)).split(': ').pop()!.toLowerCase();
    return { ok: false, error: `Invalid regular expression "${pattern}": ${reason}, so the previous filter is kept.` };
  }
}

/** Whether the filter lets `line` through (its text, colours stripped). */
export function keepsLine(filter: LogFilter, line: LogLine): boolean {
  return filter.regex.test(plainText(line.text)) !== filter.exclude;
}

/** What the header says: 'filter: error · 1,204 of 5,000 lines hidden'. */
export function filterSummary(filter: LogFilter, hidden: number, total: number): string {
  return `filter: ${filter.text} · ${formatCount(hidden)} of ${formatCount(total)} ${total === 1 ? 'line' : 'lines'} hidden`;
}

/**
 * The lines of a buffer a filter keeps, by sequence number. `sync()` catches up with the buffer:
 * new lines are tested once, evicted ones dropped, and a cleared buffer starts it again.
 */
export class FilteredLog implements LogLines {
  readonly filter: LogFilter;
  readonly #buffer: LogBuffer;
  // Sequence numbers of kept lines, ascending; those before #head have been evicted.
  #kept: number[] = [];
  #head = 0;
  #scanned = 0;
  #clears: number;

  constructor(buffer: LogBuffer, filter: LogFilter) {
    this.#buffer = buffer;
    this.filter = filter;
    this.#clears = buffer.clears;
    this.sync();
  }

  /** Tests the lines that arrived since the last sync and forgets those that fell off. */
  sync(): void {
    const b = this.#buffer;
    if (b.clears !== this.#clears) {
      this.#clears = b.clears;
      this.#kept = [];
      this.#head = 0;
      this.#scanned = 0;
    }
    // Lines evicted before they were looked at are gone either way.
    for (let seq = Math.max(this.#scanned, b.evicted); seq < b.total; seq++) {
      if (keepsLine(this.filter, b.at(seq - b.evicted)!)) this.#kept.push(seq);
    }
    this.#scanned = b.total;
    while (this.#head < this.#kept.length && this.#kept[this.#head]! < b.evicted) this.#head++;
    // Compact now and then, so a long flood does not grow the array without bound.
    if (this.#head > 4096 && this.#head * 2 > this.#kept.length) {
      this.#kept = this.#kept.slice(this.#head);
      this.#head = 0;
    }
  }

  /** Kept lines held in the buffer. */
  get size(): number {
    return this.#kept.length - this.#head;
  }

  /** Held lines the filter hides. */
  get hidden(): number {
    return this.#buffer.size - this.size;
  }

  /** The i-th kept line (0 = oldest). */
  at(i: number): LogLine | undefined {
    if (i < 0 || i >= this.size) return undefined;
    return this.#buffer.at(this.#kept[this.#head + i]! - this.#buffer.evicted);
  }

  /** How many kept lines came before sequence number `seq`. */
  countBefore(seq: number): number {
    let low = this.#head;
    let high = this.#kept.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.#kept[mid]! < seq) low = mid + 1;
      else high = mid;
    }
    return low - this.#head;
  }

  /** The next kept line containing `needle` (see findLine). */
  find(needle: string, from: number, direction: 1 | -1): number | undefined {
    return findLine(this, needle, from, direction);
  }
}
