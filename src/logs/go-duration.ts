/** Go's time.ParseDuration, which kubectl's --since uses: '5m', '1h30m', '1.5h', '300ms', '10s'. */

const unitMs: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** The duration in milliseconds, or a sentence in Go's words (`time: unknown unit "x" in duration "5x"`). */
export function parseGoDuration(text: string): { ok: true; ms: number } | { ok: false; message: string } {
  const invalid = { ok: false as const, message: `time: invalid duration "${text}"` };
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return { ok: true, ms: 0 };
  if (rest === '') return invalid;
  let total = 0;
  while (rest !== '') {
    const number = /^(\d*)(?:\.(\d*))?/.exec(rest);
    const digits = number?.[0] ?? '';
    if (digits === '' || digits === '.') return invalid;
    rest = rest.slice(digits.length);
    const unit = /^[^\d.]*/.exec(rest)?.[0] ?? '';
    if (unit === '') return { ok: false, message: `time: missing unit in duration "${text}"` };
    const scale = unitMs[unit];
    if (scale === undefined) return { ok: false, message: `time: unknown unit "${unit}" in duration "${text}"` };
    rest = rest.slice(unit.length);
    total += Number(digits.startsWith('.') ? `0${digits}` : digits) * scale;
  }
  return { ok: true, ms: sign * total };
}
