/**
 * The changes kx saw arrive on its watches, per object and in all. Memory is bounded by
 * construction: one fingerprint per object the cache holds (labels and annotations, values over
 * 80 characters hashed, images, a few numbers: about 0.7 KB for a pod), at most `perObject`
 * changes per object (default 20) and `total` changes in all (default 20,000, the oldest dropped
 * first). A change is a few short strings (about 350 bytes with its share of the lists), so the
 * changes stay under about 7 MB at the default budget (bench/cases/change-recorder.ts weighs them).
 */
import type { KubeObject } from '../../kube/object.ts';
import { diffFingerprints, eventLine } from './change-diff.ts';
import { changedBy, fingerprintOf, type Fingerprint } from './change-fingerprint.ts';

/** One recorded change of one object. */
export interface ChangeRecord {
  /** When kx saw it (ms since the epoch). */
  at: number;
  kind: string;
  namespace: string;
  name: string;
  uid: string;
  /** The parts of the change: `replicas 3 → 5`, `created`, `deleted`. */
  parts: readonly string[];
  /** The newest managedFields entry's manager and operation, or 'unknown'. */
  by: string;
}

/** The recorder's budget. */
export interface ChangeBudget {
  /** Changes kept per object; default 20. */
  perObject?: number;
  /** Changes kept in all; default 20,000. */
  total?: number;
}

interface Kept extends ChangeRecord {
  /** Dropped from its object's list (over perObject); skipped by readers until it leaves the log. */
  dropped: boolean;
}

/** Records changes from watch events: baselines on the first sync, diffs after. */
export class ChangeRecorder {
  readonly #perObject: number;
  readonly #total: number;
  readonly #now: () => number;
  readonly #prints = new Map<string, Fingerprint>();
  readonly #byObject = new Map<string, Kept[]>();
  /** Every change in arrival order; its length never exceeds #total. */
  #log: Kept[] = [];
  #head = 0;
  readonly #listeners = new Set<(change: ChangeRecord) => void>();
  /** Increments with every change recorded (a memo key for views). */
  version = 0;

  constructor(budget: ChangeBudget = {}, now: () => number = Date.now) {
    this.#perObject = Math.max(1, budget.perObject ?? 20);
    this.#total = Math.max(1, budget.total ?? 20_000);
    this.#now = now;
  }

  /**
   * A version of an object arrived. `announce` is false during a stream's first list: the
   * version becomes the baseline without a change, since kx did not see it happen.
   */
  upsert(uid: string, obj: KubeObject, announce: boolean): void {
    const next = fingerprintOf(obj);
    next.seenAt = this.#now();
    const prev = this.#prints.get(uid);
    // Each version's strings are new copies: the previous ones are kept instead, so an object's
    // changes share one copy of its kind, namespace and name.
    if (prev && prev.name === next.name && prev.namespace === next.namespace && prev.kind === next.kind) {
      next.kind = prev.kind;
      next.namespace = prev.namespace;
      next.name = prev.name;
    }
    this.#prints.set(uid, next);
    if (!announce) return;
    if (!prev) {
      this.#add(uid, next, [next.event ? eventLine(next) : 'created'], changedBy(obj));
      return;
    }
    const parts = diffFingerprints(prev, next);
    if (parts.length > 0) this.#add(uid, next, parts, changedBy(obj, parts, prev.seenAt));
  }

  /** An object was deleted (watch DELETED, or gone from a re-list). */
  remove(uid: string): void {
    const prev = this.#prints.get(uid);
    if (!prev) return;
    this.#prints.delete(uid);
    // Deleting adds no managedFields entry: who deleted it is not in the object.
    if (!prev.event) this.#add(uid, prev, ['deleted'], 'unknown');
  }

  /** Forgets an object's baseline without a change (its stream stopped: a namespace switch). */
  forget(uid: string): void {
    this.#prints.delete(uid);
  }

  /** Forgets every fingerprint and change (the change bench weighs the heap with and without them). */
  clear(): void {
    this.#prints.clear();
    this.#byObject.clear();
    this.#log = [];
    this.#head = 0;
    this.version++;
  }

  /** Every kept change, newest first. */
  changes(): ChangeRecord[] {
    const out: ChangeRecord[] = [];
    for (let i = this.#log.length - 1; i >= this.#head; i--) if (!this.#log[i]!.dropped) out.push(this.#log[i]!);
    return out;
  }

  /** The kept changes of one object, newest first. */
  changesOf(uid: string): ChangeRecord[] {
    return [...(this.#byObject.get(uid) ?? [])].reverse();
  }

  /** Calls `listener` with each change as it is recorded; returns the unsubscribe. */
  subscribe(listener: (change: ChangeRecord) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** What is held now: fingerprints, changes kept and log slots (kept plus dropped awaiting their turn). */
  size(): { fingerprints: number; changes: number; slots: number } {
    let changes = 0;
    for (const l of this.#byObject.values()) changes += l.length;
    return { fingerprints: this.#prints.size, changes, slots: this.#log.length - this.#head };
  }

  #add(uid: string, fp: Fingerprint, parts: string[], by: string): void {
    let mine = this.#byObject.get(uid);
    // The parts are built by concatenation (a tree of pieces in V8): a JSON round trip stores each flat, at half the size.
    const change: Kept = {
      at: this.#now(),
      kind: fp.kind,
      namespace: fp.namespace,
      name: fp.name,
      uid: mine?.[0]?.uid ?? uid,
      parts: JSON.parse(JSON.stringify(parts)) as string[],
      by,
      dropped: false,
    };
    if (!mine) this.#byObject.set(uid, (mine = []));
    mine.push(change);
    if (mine.length > this.#perObject) mine.shift()!.dropped = true;
    this.#log.push(change);
    if (this.#log.length - this.#head > this.#total) this.#dropOldest();
    // Compact the log's dropped head now and then, so slots stay at most #total.
    if (this.#head > 1024 && this.#head * 2 > this.#log.length) {
      this.#log = this.#log.slice(this.#head);
      this.#head = 0;
    }
    this.version++;
    for (const l of [...this.#listeners]) l(change);
  }

  #dropOldest(): void {
    const old = this.#log[this.#head]!;
    this.#log[this.#head] = undefined as unknown as Kept;
    this.#head++;
    if (old.dropped) return;
    const list = this.#byObject.get(old.uid);
    // The log is in arrival order and so is each object's list: the oldest kept is its first.
    if (list && list[0] === old) list.shift();
    if (list && list.length === 0) this.#byObject.delete(old.uid);
  }
}

/** A change's parts as one cell: `replicas 3 → 5, Ready True → False`. */
export function changeText(change: ChangeRecord): string {
  return change.parts.join(', ');
}
