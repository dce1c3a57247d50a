/**
 * The logs pane's memory: a ring of the last N lines. However long a pane follows a chatty pod,
 * it holds at most `capacity` lines; older ones fall off the top and are counted.
 */
import type { LogLine } from '../../../logs/log-types.ts';
import { findLine, type LogLines } from './log-lines.ts';

/** A fixed-size ring of log lines, oldest first. */
export class LogBuffer implements LogLines {
  readonly capacity: number;
  #ring: (LogLine | undefined)[];
  #start = 0;
  #size = 0;
  /** Lines that fell off the top since the buffer was created or cleared. */
  evicted = 0;
  /** Changes with every append or clear, so views know to redraw. */
  version = 0;
  /** Counts clears, so a filtered view knows its sequence numbers start again. */
  clears = 0;

  constructor(capacity = 20_000) {
    this.capacity = Math.max(1, capacity);
    this.#ring = new Array<LogLine | undefined>(this.capacity);
  }

  get size(): number {
    return this.#size;
  }

  /** Lines appended since the buffer was created or cleared: the next line's sequence number. */
  get total(): number {
    return this.evicted + this.#size;
  }

  /** How many held lines came before sequence number `seq`. */
  countBefore(seq: number): number {
    return Math.max(0, Math.min(this.#size, seq - this.evicted));
  }

  /** Appends lines in order, evicting the oldest beyond capacity. */
  append(lines: readonly LogLine[]): void {
    for (const line of lines) {
      const at = (this.#start + this.#size) % this.capacity;
      this.#ring[at] = line;
      if (this.#size < this.capacity) this.#size++;
      else {
        this.#start = (this.#start + 1) % this.capacity;
        this.evicted++;
      }
    }
    if (lines.length > 0) this.version++;
  }

  /** The i-th line held (0 = oldest). */
  at(i: number): LogLine | undefined {
    if (i < 0 || i >= this.#size) return undefined;
    return this.#ring[(this.#start + i) % this.capacity];
  }

  /** Forgets every line (a new query). */
  clear(): void {
    this.#ring = new Array<LogLine | undefined>(this.capacity);
    this.#start = 0;
    this.#size = 0;
    this.evicted = 0;
    this.clears++;
    this.version++;
  }

  /**
   * The index of the next line at or after `from` (or before it, going back) whose text contains
   * `needle` case-insensitively; wraps around; undefined when none does.
   */
  find(needle: string, from: number, direction: 1 | -1): number | undefined {
    return findLine(this, needle, from, direction);
  }

  /** Every line as text, for saving to a file. */
  *lines(): Generator<LogLine> {
    for (let i = 0; i < this.#size; i++) yield this.at(i)!;
  }
}
