/**
 * Warning events by rate: for each reason and object, how many times it happened in the last 10
 * minutes. An event is one record per (reason, object) with a count since it was first seen, so
 * the count in the window is estimated assuming it happened at an even pace between first and last.
 */
import { kindByGroupKind } from '../../kinds/registry.ts';
import type { WarningEvent } from '../../kinds/problems/problem.ts';
import type { Finding, TriageSource } from './finding.ts';

/** The window events are counted in. */
export const eventWindowMs = 10 * 60_000;

/** From this many in the window an event's row is a warning; below, a notice. */
export const busyEventCount = 5;

/** How many times `w` happened since `from` (at least once when its last occurrence is in the window). */
export function countSince(w: WarningEvent, from: number): number {
  if (!(w.last >= from)) return 0;
  if (!(w.first < from) || !(w.last > w.first)) return w.count;
  return Math.max(1, Math.round((w.count * (w.last - from)) / (w.last - w.first)));
}

/** The Warning events' findings, one per reason and object. */
export function eventFindings(src: TriageSource): Finding[] {
  const from = src.now - eventWindowMs;
  const groups = new Map<string, { w: WarningEvent; count: number; first: number; last: number }>();
  for (const row of src.rows('events')) {
    const w = row.warning;
    if (!w) continue;
    const count = countSince(w, from);
    if (count === 0) continue;
    const key = `${w.reason}\n${w.kind}\n${w.namespace}\n${w.name}`;
    const seen = groups.get(key);
    if (!seen) groups.set(key, { w, count, first: Math.max(w.first, from), last: w.last });
    else {
      seen.count += count;
      seen.first = Math.min(seen.first, Math.max(w.first, from));
      if (w.last > seen.last) Object.assign(seen, { w, last: w.last });
    }
  }
  return [...groups.values()].map(({ w, count, first, last }) => ({
    severity: count >= busyEventCount ? 'warning' : 'notice',
    target: { resourceKey: resourceKeyOf(w), group: w.group, kind: w.kind, namespace: w.namespace, name: w.name, uid: w.uid },
    reason: w.reason,
    message: `${count}× in 10m: ${w.message}`,
    since: Number.isNaN(first) ? Number.NaN : first,
    latest: last,
  }));
}

/** The resource key of a built-in kind ('' for others: Enter finds them through discovery). */
function resourceKeyOf(w: WarningEvent): string {
  return kindByGroupKind(w.group, w.kind)?.resourceKey ?? '';
}
