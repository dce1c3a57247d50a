/** A Scheduler driven by hand: time moves only when told, timers fire in order (tests, benchmarks). */
import type { Scheduler } from './scheduler.ts';

interface Timer {
  id: number;
  at: number;
  fn: () => void;
}

/** A fake clock with one-shot timers; `advance(ms)` runs every timer that falls due, in time order. */
export class ManualScheduler implements Scheduler {
  #now: number;
  #seq = 0;
  #timers: Timer[] = [];

  constructor(start = 0) {
    this.#now = start;
  }

  /** Current fake time in ms. */
  now(): number {
    return this.#now;
  }

  /** Schedules fn at now + ms. */
  setTimeout(fn: () => void, ms: number): unknown {
    const t = { id: ++this.#seq, at: this.#now + Math.max(0, ms), fn };
    this.#timers.push(t);
    return t.id;
  }

  /** Cancels a timer. */
  clearTimeout(handle: unknown): void {
    this.#timers = this.#timers.filter((t) => t.id !== handle);
  }

  /** Moves time forward, firing due timers (including ones they schedule) in order. */
  advance(ms: number): void {
    const end = this.#now + ms;
    for (;;) {
      const due = this.#timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.#timers = this.#timers.filter((t) => t !== due);
      this.#now = Math.max(this.#now, due.at);
      due.fn();
    }
    this.#now = end;
  }

  /** How many timers are waiting. */
  get pending(): number {
    return this.#timers.length;
  }
}
