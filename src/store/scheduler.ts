/** Time and timers for the cache, injectable so tests drive frames with a fake clock. */

/** A clock plus one-shot timers. */
export interface Scheduler {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real clock and timers; timers are unref'd so a cache never keeps a process alive. */
export const realScheduler: Scheduler = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Frame pacing: how soon the first change after idle shows, and the minimum gap between frames. */
export interface FrameOptions {
  /** Delay before publishing the first change after an idle period; default 16 ms. */
  firstMs?: number;
  /** Minimum time between two publishes; default 100 ms (at most ~10 frames a second). */
  intervalMs?: number;
}

/**
 * Coalesces change requests into frames: any number of requests before the frame fires give one
 * publish; the first change after idle publishes after `firstMs`, later ones no sooner than
 * `intervalMs` after the previous publish.
 */
export class FrameGate {
  readonly #scheduler: Scheduler;
  readonly #publish: () => void;
  readonly #firstMs: number;
  readonly #intervalMs: number;
  #timer: unknown;
  #pending = false;
  #lastPublish = Number.NEGATIVE_INFINITY;

  constructor(scheduler: Scheduler, publish: () => void, opts: FrameOptions = {}) {
    this.#scheduler = scheduler;
    this.#publish = publish;
    this.#firstMs = opts.firstMs ?? 16;
    this.#intervalMs = opts.intervalMs ?? 100;
  }

  /** Asks for a frame; cheap when one is already scheduled. */
  request(): void {
    if (this.#pending) return;
    this.#pending = true;
    const now = this.#scheduler.now();
    const delay = Math.max(this.#firstMs, this.#lastPublish + this.#intervalMs - now);
    this.#timer = this.#scheduler.setTimeout(() => this.#fire(), delay);
  }

  /** Publishes now if a frame is pending (e.g. before a test asserts, or on shutdown). */
  flush(): void {
    if (!this.#pending) return;
    this.#scheduler.clearTimeout(this.#timer);
    this.#fire();
  }

  /** Cancels a pending frame. */
  dispose(): void {
    if (this.#pending) this.#scheduler.clearTimeout(this.#timer);
    this.#pending = false;
  }

  #fire(): void {
    this.#pending = false;
    this.#timer = undefined;
    this.#lastPublish = this.#scheduler.now();
    this.#publish();
  }
}
