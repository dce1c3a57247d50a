/** "Did you mean …?" by edit distance (insertions, deletions, substitutions and swaps). */

/** Optimal-string-alignment distance between two strings: a swap of neighbours costs 1. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1]!;
}

/** How far a typo may be: one edit for short words, up to three for long ones. */
function tolerance(word: string): number {
  return word.length <= 3 ? 1 : word.length <= 6 ? 2 : 3;
}

/**
 * The closest of `names` to `word` within a typo's reach, or undefined. Ties go to a name that
 * starts with the word (an unfinished word), then to the shorter name, then to the earlier one.
 */
export function closestName(word: string, names: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: { name: string; distance: number; prefix: boolean } | undefined;
  for (const name of names) {
    const distance = editDistance(lower, name.toLowerCase());
    if (distance === 0 || distance > tolerance(lower)) continue;
    const prefix = name.toLowerCase().startsWith(lower);
    const better =
      !best || distance < best.distance || (distance === best.distance && prefix && !best.prefix) || (distance === best.distance && prefix === best.prefix && name.length < best.name.length);
    if (better) best = { name, distance, prefix };
  }
  return best?.name;
}
