/** Times as kubectl describe prints them: RFC 1123 with a numeric zone, and ages. */
import { humanDuration, parseTime } from '../duration.ts';

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Go's zero time in RFC 1123 (what kubectl prints for a missing timestamp such as lastProbeTime). */
export const zeroTimeRfc1123 = 'Mon, 01 Jan 0001 00:00:00 +0000';

/**
 * Go's time.RFC1123Z layout ('Mon, 02 Jan 2006 15:04:05 -0700') in the local zone, as kubectl
 * formats API timestamps; a missing or unparsable one reads as Go's zero time.
 */
export function rfc1123z(value: unknown): string {
  const ms = parseTime(value);
  if (Number.isNaN(ms)) return zeroTimeRfc1123;
  const d = new Date(ms);
  const offset = -d.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const zone = `${sign}${pad(Math.trunc(abs / 60))}${pad(abs % 60)}`;
  return `${days[d.getDay()]}, ${pad(d.getDate())} ${months[d.getMonth()]} ${pad(d.getFullYear(), 4)} ` + `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${zone}`;
}

/** kubectl's translateTimestampSince: the age of a timestamp at `now`, '<unknown>' when missing. */
export function ageSince(value: unknown, now: number): string {
  const ms = parseTime(value);
  return Number.isNaN(ms) ? '<unknown>' : humanDuration(now - ms);
}
