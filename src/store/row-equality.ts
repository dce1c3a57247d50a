/** Cheap comparisons of two versions of a row, so the cache re-indexes only what changed. */
import type { Row } from '../kinds/types.ts';

/** The same labels, key for key (the label index is rebuilt only when they differ). */
export function sameLabels(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  if (a === b) return true;
  let n = 0;
  for (const k in a) {
    if (a[k] !== b[k]) return false;
    n++;
  }
  for (const _ in b) n--;
  return n === 0;
}

/** The same owners, by uid and in order (the owner index is rebuilt only when they differ). */
export function sameOwners(a: Row, b: Row): boolean {
  if (a.ownerRefs.length !== b.ownerRefs.length) return false;
  return a.ownerRefs.every((r, i) => r.uid === b.ownerRefs[i]!.uid);
}
