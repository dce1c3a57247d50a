/** Ages as the API server's tables print them: the same HumanDuration kx's own columns use. */
import { humanDuration, parseTime, since } from '../../../kinds/duration.ts';

export { humanDuration };

/** The age of a timestamp ('<unknown>' when missing), like translateTimestampSince. */
export function age(timestamp: unknown, now: number): string {
  return since(parseTime(timestamp), now);
}
