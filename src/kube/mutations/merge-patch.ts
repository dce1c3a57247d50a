/**
 * A JSON merge patch (RFC 7386) that turns `from` into `to`: changed and added fields as they are,
 * removed ones as null, lists replaced whole. Undefined when nothing changed.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The merge patch from `from` to `to`, or undefined when they are equal. */
export function mergePatch(from: unknown, to: unknown): unknown {
  if (isObject(from) && isObject(to)) {
    const patch: Record<string, unknown> = {};
    for (const key of Object.keys(from)) if (!(key in to)) patch[key] = null;
    for (const [key, value] of Object.entries(to)) {
      if (!(key in from)) patch[key] = value;
      else {
        const inner = mergePatch(from[key], value);
        if (inner !== undefined) patch[key] = inner;
      }
    }
    return Object.keys(patch).length > 0 ? patch : undefined;
  }
  return equal(from, to) ? undefined : (to as Json);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && equal(a[k], b[k]));
  }
  return false;
}
