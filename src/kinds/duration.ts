/** kubectl's time formatting: apimachinery duration.HumanDuration and translateTimestampSince. */

/**
 * A duration in ms as kubectl prints ages: '45s', '119s', '5m12s', '15m', '7h5m', '30h', '3d4h',
 * '120d', '3y12d', '9y'. Up to one second in the future reads '0s', further is '<invalid>'.
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(ms / 60_000);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(ms / 3_600_000);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) {
    const dy = days % 365;
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${years}y`;
}

/** How far in the future a timestamp may be and still read '0s': clock skew, or a render clock a tick behind. */
export const futureSkewMs = 5_000;

/**
 * Age of a timestamp (ms) at `now`, or '<unknown>' for a missing one (kubectl's translateTimestampSince).
 * Up to futureSkewMs in the future reads '0s', not '<invalid>': an object created a moment ago
 * must not look broken because the clock that asks is a little behind the one that stamped it.
 */
export function since(at: number, now: number): string {
  if (Number.isNaN(at)) return '<unknown>';
  return at > now && at - now <= futureSkewMs ? '0s' : humanDuration(now - at);
}

/** Parses an RFC 3339 timestamp from the API (seconds or micro precision); NaN when absent or bad. */
export function parseTime(value: unknown): number {
  if (typeof value !== 'string' || value === '') return Number.NaN;
  return Date.parse(value);
}
