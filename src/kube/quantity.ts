/**
 * Kubernetes resource quantities ('100m', '128Mi', '1.5', '2e3') as apimachinery's
 * resource.Quantity reads, adds and prints them, exactly (decimal mantissa × 10^scale in BigInt),
 * so sums and the canonical form ('1024Mi' → '1Gi', '1000m' → '1') match kubectl.
 */

/** How a quantity prints: binary suffixes (Ki, Mi), decimal SI suffixes (m, k, M) or 'e' exponents. */
export type QuantityFormat = 'BinarySI' | 'DecimalSI' | 'DecimalExponent';

/** An exact quantity: mantissa × 10^scale. */
export interface Quantity {
  mantissa: bigint;
  scale: number;
  format: QuantityFormat;
}

const decimalSuffixes: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const binarySuffixes: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const binaryNames = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const decimalNames = new Map(Object.entries(decimalSuffixes).map(([name, exp]) => [exp, name]));

/** The zero quantity ('0'). */
export const zeroQuantity: Quantity = { mantissa: 0n, scale: 0, format: 'DecimalSI' };

/** Parses a quantity string; undefined when it is not one. */
export function parseQuantity(text: unknown): Quantity | undefined {
  if (typeof text === 'number' && Number.isFinite(text)) return parseQuantity(String(text));
  if (typeof text !== 'string') return undefined;
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const [, sign, whole = '', fraction = '', suffix, exponent] = m;
  let mantissa = BigInt((sign === '-' ? '-' : '') + (whole + fraction || '0'));
  let scale = -fraction.length;
  let format: QuantityFormat = 'DecimalSI';
  if (exponent !== undefined) {
    scale += Number(exponent);
    format = 'DecimalExponent';
  } else if (suffix !== undefined && suffix in binarySuffixes) {
    mantissa *= 1024n ** BigInt(binarySuffixes[suffix]!);
    format = 'BinarySI';
  } else if (suffix !== undefined) {
    scale += decimalSuffixes[suffix]!;
  }
  // The API keeps nothing finer than nano units and rounds up to them.
  if (scale < -9) {
    mantissa = ceilDiv(mantissa, 10n ** BigInt(-9 - scale));
    scale = -9;
  }
  return { mantissa, scale, format };
}

/** Quantity.String(): the canonical form in the quantity's own format. */
export function formatQuantity(q: Quantity): string {
  if (q.mantissa === 0n) return '0';
  let format = q.format;
  if (format === 'BinarySI') {
    const whole = integerValue(q);
    // Small and fractional binary amounts print as decimal to avoid rounding (as Go does).
    if (whole === undefined || (whole > -1024n && whole < 1024n)) format = 'DecimalSI';
    else {
      let amount = whole;
      let exp = 0;
      while (exp < binaryNames.length - 1 && amount % 1024n === 0n) {
        amount /= 1024n;
        exp++;
      }
      return `${amount}${binaryNames[exp]}`;
    }
  }
  let mantissa = q.mantissa;
  let scale = q.scale;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    scale++;
  }
  const rest = ((scale % 3) + 3) % 3;
  mantissa *= 10n ** BigInt(rest);
  scale -= rest;
  if (scale === 0) return `${mantissa}`;
  const name = format === 'DecimalSI' ? decimalNames.get(scale) : undefined;
  return name !== undefined ? `${mantissa}${name}` : `${mantissa}e${scale}`;
}

/** The sum of two quantities, in the first one's format (the second's when the first is zero), as Go adds. */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  const scale = Math.min(a.scale, b.scale);
  const mantissa = rescale(a, scale) + rescale(b, scale);
  return { mantissa, scale, format: a.mantissa === 0n ? b.format : a.format };
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compareQuantity(a: Quantity, b: Quantity): number {
  const scale = Math.min(a.scale, b.scale);
  const x = rescale(a, scale);
  const y = rescale(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Quantity.MilliValue(): the value × 1000, rounded up. */
export function milliValue(q: Quantity): number {
  return Number(scaledCeil(q, -3));
}

/** Quantity.Value(): the value rounded up to an integer. */
export function wholeValue(q: Quantity): number {
  return Number(scaledCeil(q, 0));
}

function rescale(q: Quantity, scale: number): bigint {
  return q.mantissa * 10n ** BigInt(q.scale - scale);
}

function scaledCeil(q: Quantity, scale: number): bigint {
  if (q.scale >= scale) return rescale(q, scale);
  return ceilDiv(q.mantissa, 10n ** BigInt(scale - q.scale));
}

function integerValue(q: Quantity): bigint | undefined {
  if (q.scale >= 0) return rescale(q, 0);
  const div = 10n ** BigInt(-q.scale);
  return q.mantissa % div === 0n ? q.mantissa / div : undefined;
}

function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a > 0n ? q + 1n : q;
}
