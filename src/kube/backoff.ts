/**
 * Exponential backoff with full jitter (AWS's "full jitter": sleep a random time between 0 and
 * min(max, base * 2^attempt)), so many kx streams reconnecting after an outage do not stampede.
 */

/** Tuning for reconnect delays. */
export interface BackoffOptions {
  /** Ceiling of the first retry's delay; default 500 ms. */
  baseMs?: number;
  /** Largest delay; default 30 s. */
  maxMs?: number;
  /** Random source in [0, 1); injectable for tests. */
  random?: () => number;
}

/** The ceiling for retry number `attempt` (1-based): min(max, base * 2^(attempt-1)). */
export function backoffCeiling(attempt: number, opts: BackoffOptions = {}): number {
  const base = opts.baseMs ?? 500;
  const max = opts.maxMs ?? 30_000;
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  return Math.min(max, base * 2 ** exponent);
}

/** A delay in [0, ceiling] for retry number `attempt` (1-based). */
export function backoffDelay(attempt: number, opts: BackoffOptions = {}): number {
  const random = opts.random ?? Math.random;
  return Math.floor(random() * (backoffCeiling(attempt, opts) + 1));
}

/** Resolves after `ms`, or early (without error) when `signal` aborts; leaves no timer behind. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
