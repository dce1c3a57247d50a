/** A deduplicating controller work queue: keys are processed in batches off the store's call stack. */

/** What a controller does with one key ("namespace/name"). */
export type SyncHandler = (namespace: string, name: string) => void;

/** Keys waiting for their controller; each key is synced at most once per batch. */
export class WorkQueue {
  private readonly handlers = new Map<string, SyncHandler>();
  private readonly queued = new Set<string>();
  private scheduled = false;
  private stopped = false;
  /** When true, nothing is processed asynchronously (boot drains synchronously instead). */
  hold = false;

  constructor(private readonly onError: (key: string, err: unknown) => void) {}

  /** Registers the controller for a kind. */
  register(kind: string, handler: SyncHandler): void {
    this.handlers.set(kind, handler);
  }

  /** Queues a sync of kind namespace/name. */
  add(kind: string, namespace: string | undefined, name: string): void {
    if (this.stopped) return;
    this.queued.add(`${kind}|${namespace ?? ''}|${name}`);
    if (!this.scheduled && !this.hold) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.runBatch();
      });
    }
  }

  /** Processes until nothing is queued (boot: converge the seed synchronously). Returns batches run. */
  drain(maxBatches = 1000): number {
    let n = 0;
    while (this.queued.size > 0 && n < maxBatches) {
      this.runBatch();
      n++;
    }
    return n;
  }

  /** Starts asynchronous processing again after a hold (schedules what is waiting). */
  resume(): void {
    if (this.queued.size === 0 || this.scheduled || this.stopped) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.runBatch();
    });
  }

  /** Number of keys waiting. */
  size(): number {
    return this.queued.size;
  }

  stop(): void {
    this.stopped = true;
    this.queued.clear();
  }

  private runBatch(): void {
    const keys = [...this.queued];
    this.queued.clear();
    for (const key of keys) {
      if (this.stopped) return;
      const [kind = '', ns = '', name = ''] = key.split('|');
      const handler = this.handlers.get(kind);
      if (!handler) continue;
      try {
        handler(ns, name);
      } catch (err) {
        this.onError(key, err);
      }
    }
  }
}
