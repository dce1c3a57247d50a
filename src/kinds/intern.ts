/**
 * One copy of the short strings rows repeat ("1/1", "Running", "80/TCP", "- - -", an image, a
 * node's name): each row built from a watch event would otherwise hold fresh copies (V8's
 * JSON.parse shares only strings of up to 10 characters, and text kx builds is always new).
 * Measured at 10,000 pods: see docs/memory-under-churn.md.
 *
 * Bounded by two generations: a string is kept while it keeps coming back; one seen once (an IP,
 * a pod's name) falls out after `generation` newer strings, so unique values never pile up.
 */
const generation = 4_096;
const longest = 64;
let young = new Map<string, string>();
let old = new Map<string, string>();

/** The kept copy of `text` (or `text` itself, now kept). */
export function intern(text: string): string {
  if (text.length > longest) return text;
  const kept = young.get(text);
  if (kept !== undefined) return kept;
  const older = old.get(text);
  const copy = older ?? text;
  young.set(text, copy);
  if (young.size >= generation) {
    old = young;
    young = new Map();
  }
  return copy;
}

/** Every string of `list` interned, in a new array. */
export function internAll(list: readonly string[]): string[] {
  return list.map(intern);
}
