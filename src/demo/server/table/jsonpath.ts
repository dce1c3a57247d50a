/** The simple JSONPath of CRD printer columns and scale paths: .a.b, .a['b.c'], .a[0].b. */

/** Splits a simple JSONPath into keys; undefined when it uses anything fancier. */
export function parsePath(path: string): (string | number)[] | undefined {
  const p = path
    .trim()
    .replace(/^\{(.*)\}$/, '$1')
    .replace(/^\$/, '');
  const out: (string | number)[] = [];
  const re = /\.([A-Za-z0-9_$-]+)|\[(\d+)\]|\[['"]([^'"]+)['"]\]/y;
  let i = 0;
  while (i < p.length) {
    re.lastIndex = i;
    const m = re.exec(p);
    if (!m) return undefined;
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(m[3]);
    i = re.lastIndex;
  }
  return out;
}

/** Reads a simple JSONPath from an object; undefined when absent. */
export function readPath(obj: unknown, path: string): unknown {
  const keys = parsePath(path);
  if (!keys) return undefined;
  let cur: unknown = obj;
  for (const k of keys) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

/** Writes a simple JSONPath, creating objects on the way. */
export function writePath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = parsePath(path);
  if (!keys || keys.length === 0) return;
  let cur: Record<string | number, unknown> = obj;
  for (const k of keys.slice(0, -1)) {
    const next = cur[k];
    if (next === null || typeof next !== 'object') cur[k] = {};
    cur = cur[k] as Record<string | number, unknown>;
  }
  cur[keys[keys.length - 1] as string | number] = value;
}
