/**
 * The bounded hand-over between many log streams (producers) and one consumer (a terminal writer
 * or a pane's ring buffer). Memory stays bounded either way:
 * - 'block' (back-pressure, kx logs): a full queue makes push() return a promise; the stream stops
 *   reading until the consumer takes a batch, so TCP slows the server down and no line is lost.
 * - 'drop-oldest' (a live view that must never stall its streams): a full queue drops its oldest
 *   line and counts it in `dropped`.
 */

/** What to do when the consumer falls behind. */
export type Overflow = 'block' | 'drop-oldest';

/** Tuning of a LineQueue. */
export interface LineQueueOptions {
  /** Items held before push() blocks or drops; default 8,192. */
  capacity?: number;
  overflow?: Overflow;
}

/** A bounded FIFO queue handing batches to one consumer; see the module comment. */
export class LineQueue<T> {
  readonly #capacity: number;
  readonly #overflow: Overflow;
  #items: T[] = [];
  #head = 0;
  #dropped = 0;
  #closed = false;
  #error: unknown;
  #taker: ((batch: T[] | undefined) => void) | undefined;
  #takerFailed: ((err: unknown) => void) | undefined;
  #wakeScheduled = false;
  #space: { promise: Promise<void>; resolve: () => void } | undefined;

  constructor(opts: LineQueueOptions = {}) {
    this.#capacity = Math.max(1, opts.capacity ?? 8192);
    this.#overflow = opts.overflow ?? 'block';
  }

  /** Items waiting for the consumer. */
  get size(): number {
    return this.#items.length - this.#head;
  }

  /** Items dropped because the queue was full ('drop-oldest' only). */
  get dropped(): number {
    return this.#dropped;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Adds an item. Returns undefined when there is room for more, or a promise to await before
   * pushing again ('block' mode, queue full). Items pushed after close() are ignored.
   */
  push(item: T): Promise<void> | undefined {
    if (this.#closed) return undefined;
    if (this.#overflow === 'drop-oldest' && this.size >= this.#capacity) {
      this.#head++;
      this.#dropped++;
      if (this.#head > 4096 && this.#head * 2 > this.#items.length) this.#compact();
    }
    this.#items.push(item);
    this.#wake();
    if (this.#overflow === 'block' && this.size >= this.#capacity) return this.#waitForSpace();
    return undefined;
  }

  /**
   * Waits for at least one item and returns everything queued, oldest first; undefined once the
   * queue is closed and empty. Rejects with close()'s error after the last items were taken.
   */
  take(): Promise<T[] | undefined> {
    if (this.size > 0) return Promise.resolve(this.#takeAll());
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passes on the producer's failure as it was given
    if (this.#closed) return this.#error === undefined ? Promise.resolve(undefined) : Promise.reject(this.#error);
    if (this.#taker) return Promise.reject(new Error('LineQueue has one consumer; take() is already waiting'));
    return new Promise((resolve, reject) => {
      this.#taker = resolve;
      this.#takerFailed = reject;
    });
  }

  /** No more items will come; a waiting take() gets the rest, then undefined (or `error`). */
  close(error?: unknown): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#error = error;
    this.#releaseSpace();
    this.#wake();
  }

  #takeAll(): T[] {
    const batch = this.#head === 0 ? this.#items : this.#items.slice(this.#head);
    this.#items = [];
    this.#head = 0;
    this.#releaseSpace();
    return batch;
  }

  // The consumer is woken on the next turn of the event loop, not at once: streams that have
  // data buffered keep pushing meanwhile, so the consumer gets one big batch (one write) instead
  // of a wake-up per line.
  #wake(): void {
    if (!this.#taker || this.#wakeScheduled) return;
    this.#wakeScheduled = true;
    setImmediate(() => {
      this.#wakeScheduled = false;
      const taker = this.#taker;
      const failed = this.#takerFailed;
      if (!taker || !failed) return;
      if (this.size > 0) {
        this.#clearTaker();
        taker(this.#takeAll());
      } else if (this.#closed) {
        this.#clearTaker();
        if (this.#error === undefined) taker(undefined);
        else failed(this.#error);
      }
    });
  }

  #clearTaker(): void {
    this.#taker = undefined;
    this.#takerFailed = undefined;
  }

  #waitForSpace(): Promise<void> {
    if (!this.#space) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.#space = { promise, resolve };
    }
    return this.#space.promise;
  }

  #releaseSpace(): void {
    const space = this.#space;
    this.#space = undefined;
    space?.resolve();
  }

  #compact(): void {
    this.#items = this.#items.slice(this.#head);
    this.#head = 0;
  }
}
