/**
 * Posting lists of one resource's labels: `key=value` → uids and `key` → uids, so a selector
 * lookup (Service → Pods) starts from the smallest matching list instead of scanning every row.
 */
import type { LabelSelector } from '../kinds/types.ts';
import { SetIndex } from './set-index.ts';

const SEP = '\u0000';

/** Label postings for one resource. */
export class LabelIndex {
  readonly #pairs = new SetIndex();
  readonly #keys = new SetIndex();

  /** Indexes a row's labels. */
  add(uid: string, labels: Readonly<Record<string, string>>): void {
    for (const k in labels) {
      this.#pairs.add(k + SEP + labels[k], uid);
      this.#keys.add(k, uid);
    }
  }

  /** Removes a row's labels (pass the labels it was indexed with). */
  remove(uid: string, labels: Readonly<Record<string, string>>): void {
    for (const k in labels) {
      this.#pairs.delete(k + SEP + labels[k], uid);
      this.#keys.delete(k, uid);
    }
  }

  /**
   * The smallest candidate set implied by the selector's positive terms (k=v, k in (…), k), or
   * undefined when it has none (only notin / !k terms, or empty): then every row is a candidate.
   * Candidates still need a full match; this only narrows.
   */
  candidates(sel: LabelSelector): Iterable<string> | undefined {
    let best: Iterable<string> | undefined;
    let bestSize = Number.POSITIVE_INFINITY;
    const consider = (set: Iterable<string>, size: number): void => {
      if (size < bestSize) {
        best = set;
        bestSize = size;
      }
    };
    for (const k in sel.matchLabels ?? {}) {
      const set = this.#pairs.get(k + SEP + sel.matchLabels![k]);
      consider(set, set.size);
    }
    for (const e of sel.matchExpressions ?? []) {
      if (e.operator === 'Exists') {
        const set = this.#keys.get(e.key);
        consider(set, set.size);
      } else if (e.operator === 'In') {
        const sets = (e.values ?? []).map((v) => this.#pairs.get(e.key + SEP + v));
        const size = sets.reduce((n, s) => n + s.size, 0);
        if (size < bestSize) consider(sets.length === 1 ? sets[0]! : new Set(sets.flatMap((s) => [...s])), size);
      }
    }
    return best;
  }
}
