/** A ring buffer of the most recent store changes, so watches can resume from a resourceVersion. */
import type { StoreChange } from '../types.ts';

/** One committed change and the resourceVersion it was committed at. */
export interface LoggedChange {
  rv: number;
  change: StoreChange;
}

/** Keeps the last `capacity` changes; anything older is compacted away (watches from there get 410). */
export class ChangeLog {
  private readonly ring: (LoggedChange | undefined)[];
  private start = 0;
  private count = 0;
  /** Changes at or below this resourceVersion may be missing: resuming from older than it is impossible. */
  private compactedThrough = 0;

  constructor(private readonly capacity: number) {
    this.ring = new Array<LoggedChange | undefined>(Math.max(1, capacity));
  }

  /** Records a change (resourceVersions must increase). */
  append(entry: LoggedChange): void {
    const cap = this.ring.length;
    if (this.count === cap) {
      const dropped = this.ring[this.start];
      if (dropped) this.compactedThrough = dropped.rv;
      this.ring[this.start] = entry;
      this.start = (this.start + 1) % cap;
      return;
    }
    this.ring[(this.start + this.count) % cap] = entry;
    this.count++;
  }

  /** The oldest resourceVersion one can still resume from. */
  oldestResumable(): number {
    return this.compactedThrough;
  }

  /** True when every change after `rv` is still kept. */
  canResumeFrom(rv: number): boolean {
    return rv >= this.compactedThrough;
  }

  /** The kept changes after `rv`, oldest first; undefined when some of them were compacted away. */
  since(rv: number): LoggedChange[] | undefined {
    if (!this.canResumeFrom(rv)) return undefined;
    // Binary search for the first entry with a newer resourceVersion.
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.at(mid).rv <= rv) lo = mid + 1;
      else hi = mid;
    }
    const out: LoggedChange[] = [];
    for (let i = lo; i < this.count; i++) out.push(this.at(i));
    return out;
  }

  /** Forgets all history up to `currentRv` (like an etcd compaction). */
  compact(currentRv: number): void {
    this.ring.fill(undefined);
    this.start = 0;
    this.count = 0;
    this.compactedThrough = currentRv;
  }

  private at(i: number): LoggedChange {
    const e = this.ring[(this.start + i) % this.ring.length];
    if (!e) throw new Error('change log index out of range');
    return e;
  }
}
