/** A minimal five-field cron matcher (numbers, ranges, lists, steps, '*'), minute resolution. */

/** A parsed schedule: allowed values per field. */
export interface CronSchedule {
  minute: Set<number>;
  hour: Set<number>;
  day: Set<number>;
  month: Set<number>;
  weekday: Set<number>;
}

const macros: Record<string, string> = {
  '@hourly': '0 * * * *',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@weekly': '0 0 * * 0',
  '@monthly': '0 0 1 * *',
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
};

function field(text: string, min: number, max: number): Set<number> {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [range = '*', stepText] = part.split('/');
    const step = stepText ? Number(stepText) : 1;
    let lo = min;
    let hi = max;
    if (range !== '*') {
      const [a, b] = range.split('-');
      lo = Number(a);
      hi = b !== undefined ? Number(b) : stepText ? max : lo;
    }
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(step > 0)) throw new Error(`bad cron field "${text}"`);
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
}

/** Parses a schedule; throws on garbage. */
export function parseCron(spec: string): CronSchedule {
  const parts = (macros[spec.trim()] ?? spec).trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`expected 5 fields in "${spec}"`);
  const [mi, h, d, mo, w] = parts as [string, string, string, string, string];
  const weekday = field(w, 0, 7);
  if (weekday.has(7)) weekday.add(0);
  return { minute: field(mi, 0, 59), hour: field(h, 0, 23), day: field(d, 1, 31), month: field(mo, 1, 12), weekday };
}

/** True when the schedule fires at the minute containing t (UTC). */
export function fires(s: CronSchedule, t: Date): boolean {
  return s.minute.has(t.getUTCMinutes()) && s.hour.has(t.getUTCHours()) && s.day.has(t.getUTCDate()) && s.month.has(t.getUTCMonth() + 1) && s.weekday.has(t.getUTCDay());
}

/** The latest firing times at or before `now` and after `after`, newest first (at most `limit`, scanning at most a week). */
export function recentFirings(s: CronSchedule, after: number, now: number, limit: number): Date[] {
  const out: Date[] = [];
  let t = Math.floor(now / 60_000) * 60_000;
  for (let i = 0; i < 7 * 24 * 60 && t > after && out.length < limit; i++, t -= 60_000) {
    const d = new Date(t);
    if (fires(s, d)) out.push(d);
  }
  return out;
}
