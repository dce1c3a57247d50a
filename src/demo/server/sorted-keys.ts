/**
 * Keys kept in etcd order (plain string order of "namespace/name") with cheap inserts: new keys
 * wait in a pending buffer and are merged in on the next read, removed keys are skipped until a
 * rebuild, so 50,000 creates never pay an O(n) splice each.
 */
export class SortedKeys {
  private sorted: string[] = [];
  private pending: string[] = [];
  /** Keys present in `sorted` or `pending` (live or dead). */
  private readonly placed = new Set<string>();
  private dead = 0;

  constructor(private readonly isLive: (key: string) => boolean) {}

  /** Adds a key that just became live. */
  add(key: string): void {
    if (this.placed.has(key)) {
      this.dead = Math.max(0, this.dead - 1);
      return;
    }
    this.placed.add(key);
    this.pending.push(key);
  }

  /** Notes that a key is no longer live (it is skipped on reads). */
  remove(_key: string): void {
    this.dead++;
  }

  /** Live keys >= `from` (or all), in order, calling `visit` until it returns false. */
  scan(from: string | undefined, visit: (key: string) => boolean): void {
    this.normalise();
    let i = from === undefined ? 0 : this.lowerBound(from);
    for (; i < this.sorted.length; i++) {
      const key = this.sorted[i] as string;
      if (!this.isLive(key)) continue;
      if (!visit(key)) return;
    }
  }

  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.sorted[mid] as string) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private normalise(): void {
    if (this.pending.length > 0) {
      const add = this.pending.sort(compare);
      this.pending = [];
      if (this.sorted.length === 0) this.sorted = add;
      else this.sorted = merge(this.sorted, add);
    }
    if (this.dead > 64 && this.dead * 2 > this.sorted.length) {
      this.sorted = this.sorted.filter((k) => {
        const live = this.isLive(k);
        if (!live) this.placed.delete(k);
        return live;
      });
      this.dead = 0;
    }
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function merge(a: string[], b: string[]): string[] {
  const out = new Array<string>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as string;
    const y = b[j] as string;
    if (x <= y) {
      out[k++] = x;
      i++;
    } else {
      out[k++] = y;
      j++;
    }
  }
  while (i < a.length) out[k++] = a[i++] as string;
  while (j < b.length) out[k++] = b[j++] as string;
  return out;
}
