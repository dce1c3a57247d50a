/** Spaces out a controller's bursts of pod creations and deletions, so a huge replica count grows at the simulation's pace. */
import { burstReplicas } from './controllers/slow-start.ts';
import type { Timers } from './timers.ts';
import type { WorkQueue } from './work-queue.ts';

/**
 * A real controller that did a full burst waits for its informer to see every pod (expectations)
 * and for its client's rate limit before the next; the demo's store answers at once, so without
 * this every pod event would start the next 500 and 2^31 replicas would eat memory as fast as
 * the CPU allows. After a full burst with work left a key rests, then is synced again.
 */
export class BurstPacer {
  private readonly resting = new Set<string>();

  constructor(
    private readonly timers: Timers,
    private readonly queue: WorkQueue,
    /** Scenario time between two bursts of one controller key: 250 pods a second at most, still ten times the pace of a real controller-manager's 20 requests a second. */
    private readonly pauseMs = 2000,
  ) {}

  /** How many of `wanted` pod creations (or deletions) the controller of kind namespace/name may do now: up to a burst, none while it rests. */
  take(kind: string, namespace: string | undefined, name: string, wanted: number): number {
    if (wanted <= 0) return 0;
    const key = `${kind}|${namespace ?? ''}|${name}`;
    if (this.resting.has(key)) return 0;
    const allowed = Math.min(wanted, burstReplicas);
    if (allowed < wanted) {
      this.resting.add(key);
      this.timers.after(this.pauseMs, () => {
        this.resting.delete(key);
        this.queue.add(kind, namespace, name);
      });
    }
    return allowed;
  }
}
