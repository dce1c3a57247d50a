/**
 * One line of triage: what is wrong, with which object, since when and how bad. Rules (one file
 * per family) turn cache rows into findings; triage-rows.ts turns findings into the view's rows.
 */
import type { Row, RowTarget } from '../../kinds/types.ts';

/** How bad: something is down, something degrades, something to know. */
export type Severity = 'critical' | 'warning' | 'notice';

/** A finding of one rule. */
export interface Finding {
  severity: Severity;
  target: RowTarget;
  reason: string;
  message: string;
  /** Since when, ms; NaN when unknown. */
  since: number;
  /** What recency sorts by when not `since` (an event's last occurrence). */
  latest?: number;
}

/** What the rules read: the cache's rows of a resource (in the triage scope) and the clock. */
export interface TriageSource {
  rows(resourceKey: string): readonly Row[];
  now: number;
}

/** The target of a row of a built-in kind. */
export function targetOf(row: Row, group: string, kind: string): RowTarget {
  return { resourceKey: row.resourceKey, group, kind, namespace: row.namespace, name: row.name, uid: row.uid };
}
