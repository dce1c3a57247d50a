/**
 * The logs pane's memory: a ring of the last N lines. However long a pane follows a chatty pod,
 * it holds at most `capacity` lines; older ones fall off the top and are counted.
 */
import type { LogLine } from '../../../logs/log-types.ts';

/** A fixed-size ring of log lines, oldest first. */
export class LogBuffer {
  readonly capacity: number;
  #ring: (LogLine | undefined)[];
  #start = 0;
  #size = 0;
  /** Lines that fell off the top since the buffer was created or cleared. */
  evicted = 0;
  /** Changes with every append or clear, so views know to redraw. */
  version = 0;

  constructor(capacity = 20_000) {
    this.capacity = Math.max(1, capacity);
    this.#ring = new Array<LogLine | undefined>(this.capacity);
  }

  get size(): number {
    return this.#size;
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
    this.version++;
  }

  /**
   * The index of the next line at or after `from` (or before it, going back) whose text contains
   * `needle` case-insensitively; wraps around; undefined when none does.
   */
  find(needle: string, from: number, direction: 1 | -1): number | undefined {
    if (needle === '' || this.#size === 0) return undefined;
    const lower = needle.toLowerCase();
    for (let step = 0; step < this.#size; step++) {
      const i = (((from + direction * step) % this.#size) + this.#size) % this.#size;
      if (this.at(i)!.text.toLowerCase().includes(lower)) return i;
    }
    return undefined;
  }

  /** Every line as text, for saving to a file. */
  *lines(): Generator<LogLine> {
    for (let i = 0; i < this.#size; i++) yield this.at(i)!;
  }
}
