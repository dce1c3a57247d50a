/** Tolerant readers for raw API JSON: a missing or mistyped field reads as empty, never throws. */

/** A JSON object, or an empty one. */
export function obj(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A JSON array of objects, or an empty one. */
export function objs(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.map(obj) : [];
}

/** A JSON string, or ''. */
export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A JSON number, or the fallback (Go's zero value by default). */
export function num(value: unknown, fallback = 0): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** A JSON string array, or an empty one. */
export function strs(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A JSON string map (labels, selectors, nodeSelector), or an empty one. */
export function strMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj(value))) if (typeof v === 'string') out[k] = v;
  return out;
}

/** Walks a path of object keys. */
export function at(value: unknown, ...path: string[]): unknown {
  let cur = value;
  for (const key of path) cur = obj(cur)[key];
  return cur;
}
