/**
 * A JSON value as Go's `fmt.Sprintf("%v", v)` prints it from decoded unstructured content, which is
 * what `kubectl get -o custom-columns` shows: strings bare, integers as int64, other numbers as
 * float64 (`%g`-style with `e+06` exponents), `map[a:1 b:2]` with sorted keys, `[x y]`, `<nil>`.
 */

/** A number that kubectl would hold as float64 though it is whole (a `1.0` in a filter). */
export class GoFloat {
  constructor(readonly value: number) {}
}

/** The int64 range: whole numbers beyond it decode as float64. */
const int64Limit = 2 ** 63;

/** Whether a JSON number decodes to int64 (else float64) in apimachinery's unstructured JSON. */
export function isGoInt(n: number): boolean {
  return Number.isInteger(n) && Math.abs(n) < int64Limit;
}

/** Go's %v for a float64: shortest digits, exponent form below 1e-4 and from 1e+06 (Go's %g rule). */
export function goFloatText(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const [mantissa, exp] = n.toExponential().split('e') as [string, string];
  const e = Number(exp);
  if (e < -4 || e >= 6) return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  return String(n);
}

/** Go's %v of a value decoded from JSON. */
export function goValueText(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (v instanceof GoFloat) return goFloatText(v.value);
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      return isGoInt(v) ? String(v) : goFloatText(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object':
      if (Array.isArray(v)) return `[${v.map(goValueText).join(' ')}]`;
      return `map[${Object.keys(v)
        .sort()
        .map((k) => `${k}:${goValueText((v as Record<string, unknown>)[k])}`)
        .join(' ')}]`;
    default:
      return String(v);
  }
}
