/**
 * What is wrong with an object, noted by its kind module when the object is projected (the raw
 * object is dropped after that, so triage can only read what is kept here). Kept tiny: a row has
 * `problems` only when something is wrong.
 */
import { parseTime } from '../duration.ts';
import { objs, str } from '../json.ts';

/** One thing wrong with an object. */
export interface Problem {
  /** The machine reason: 'CrashLoopBackOff', 'Unschedulable', 'ProgressDeadlineExceeded', 'NotReady', 'Cordoned', … */
  readonly reason: string;
  /** What the cluster says about it, one line ('' when it says nothing). */
  readonly message: string;
  /** Since when, ms since the epoch; NaN when unknown. */
  readonly since: number;
  /**
   * A crash loop seen between two restarts: the container runs again, so it is news only while
   * its last crash is recent (triage drops it later; see pod-rules.ts).
   */
  readonly running?: boolean;
}

/** A Warning event, summarised for triage's event rates and for the scheduler's reasons. */
export interface WarningEvent {
  readonly reason: string;
  readonly message: string;
  /** The involved object (group from its apiVersion: '' for core). */
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
  readonly count: number;
  /** First and last seen, ms since the epoch (NaN when unknown). */
  readonly first: number;
  readonly last: number;
}

type Json = Record<string, unknown>;

/** A condition of `status.conditions` by type, or undefined. */
export function conditionOf(status: Json, type: string): Json | undefined {
  return objs(status['conditions']).find((c) => c['type'] === type);
}

/** A problem from a condition: its reason (or `fallback`), message and lastTransitionTime. */
export function fromCondition(c: Json, fallback: string): Problem {
  return { reason: str(c['reason']) || fallback, message: oneLine(str(c['message'])), since: parseTime(c['lastTransitionTime']) };
}

/** Messages on one line (the scheduler's and the kubelet's run over several). */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `problems` for RowExtras: only when there are some (a healthy row carries no field). */
export function someProblems(problems: Problem[]): { problems?: readonly Problem[] } {
  return problems.length > 0 ? { problems } : {};
}
