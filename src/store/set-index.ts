/** A multimap key → set of uids, the building block of the cache's indexes. */

const empty: ReadonlySet<string> = new Set();

/** key → Set<uid>; empty sets are dropped so the map only holds live keys. */
export class SetIndex {
  readonly #map = new Map<string, Set<string>>();

  /** Adds uid under key. */
  add(key: string, uid: string): void {
    let set = this.#map.get(key);
    if (!set) this.#map.set(key, (set = new Set()));
    set.add(uid);
  }

  /** Removes uid from key. */
  delete(key: string, uid: string): void {
    const set = this.#map.get(key);
    if (!set) return;
    set.delete(uid);
    if (set.size === 0) this.#map.delete(key);
  }

  /** The uids under key (an empty set when none); do not mutate. */
  get(key: string): ReadonlySet<string> {
    return this.#map.get(key) ?? empty;
  }

  /** The number of distinct keys. */
  get keyCount(): number {
    return this.#map.size;
  }
}
