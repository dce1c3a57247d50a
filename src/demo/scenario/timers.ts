/** Scenario timers: scaled by the speed multiplier, unref'd, and all cancelled by stop(). */

/** Schedules callbacks in scenario time (ms / speed) and cancels them all at once. */
export class Timers {
  private readonly pending = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(readonly speed: number) {}

  /** Runs fn after ms of scenario time; returns a cancel function. */
  after(ms: number, fn: () => void): () => void {
    if (this.stopped) return () => {};
    const t = setTimeout(
      () => {
        this.pending.delete(t);
        if (!this.stopped) fn();
      },
      Math.max(0, ms / this.speed),
    );
    // Scenario timers alone must not keep a process (or a test runner) alive.
    t.unref();
    this.pending.add(t);
    return () => {
      clearTimeout(t);
      this.pending.delete(t);
    };
  }

  /** Runs fn every ms of scenario time, with optional jitter (0..1 of ms); returns a cancel function. */
  every(ms: number, fn: () => void, jitter = 0, random: () => number = Math.random): () => void {
    let cancel = (): void => {};
    let active = true;
    const schedule = (): void => {
      const wait = ms * (1 + jitter * (random() * 2 - 1));
      cancel = this.after(wait, () => {
        if (!active) return;
        fn();
        schedule();
      });
    };
    schedule();
    return () => {
      active = false;
      cancel();
    };
  }

  /** Real milliseconds for ms of scenario time. */
  real(ms: number): number {
    return ms / this.speed;
  }

  /** Cancels everything; later calls to after() do nothing. */
  stop(): void {
    this.stopped = true;
    for (const t of this.pending) clearTimeout(t);
    this.pending.clear();
  }
}
