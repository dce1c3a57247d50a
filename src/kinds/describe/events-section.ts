/** The Events table at the end of a describe, and the field selector kubectl finds them with. */
import { at, num, obj, str } from '../json.ts';
import { parseTime } from '../duration.ts';
import type { KubeObject } from '../../kube/object.ts';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './describe-writer.ts';
import { ageSince } from './time-format.ts';

/**
 * DescribeEvents: 'Events: <none>', or a table of Type, Reason, Age ('5m', or '2m (x3 over 10m)'
 * for repeats), From and Message, oldest last-seen first. The table is aligned on its own.
 */
export function writeEvents(w: PrefixWriter, events: readonly KubeObject[] | undefined, now: number): void {
  const list = events ?? [];
  if (list.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = [...list].sort((a, b) => Math.sign(timeOrZero(a['lastTimestamp']) - timeOrZero(b['lastTimestamp'])));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    w.write(LEVEL_1, `${str(e['type'])}\t${str(e['reason'])}\t${eventAge(e, now)}\t${eventSource(e)}\t${str(e['message']).trim()}\n`);
  }
}

/** The Age cell: first seen, or 'last (xN over first)' for a repeated event or an event series. */
export function eventAge(e: KubeObject, now: number): string {
  const eventTime = e['eventTime'];
  const first = hasTime(eventTime) ? ageSince(eventTime, now) : ageSince(e['firstTimestamp'], now);
  const series = e['series'];
  if (series !== null && typeof series === 'object') {
    return `${ageSince(at(series, 'lastObservedTime'), now)} (x${num(at(series, 'count'))} over ${first})`;
  }
  const count = num(e['count']);
  if (count > 1) return `${ageSince(e['lastTimestamp'], now)} (x${count} over ${first})`;
  return first;
}

/** The From cell: source.component, else reportingController. */
export function eventSource(e: KubeObject): string {
  // The Go field ReportingController is spelled reportingComponent in JSON.
  return str(obj(e['source'])['component']) || str(e['reportingComponent']);
}

export { eventFieldSelector } from '../../kube/related-objects.ts';

function hasTime(value: unknown): boolean {
  return !Number.isNaN(parseTime(value));
}

function timeOrZero(value: unknown): number {
  const t = parseTime(value);
  // A missing timestamp is Go's zero time: before every real one.
  return Number.isNaN(t) ? -8.64e15 : t;
}
