/** Search in the text pane: every match of a query in plain lines, and moving between them. */

/** One match: a line and a range of its plain text. */
export interface TextMatch {
  line: number;
  start: number;
  end: number;
}

/**
 * Every non-overlapping occurrence of `query`, in reading order. Smart case, as in less and vim:
 * all lower case matches any case, a capital letter makes it exact.
 */
export function findMatches(lines: readonly string[], query: string): TextMatch[] {
  if (query === '') return [];
  const exact = query !== query.toLowerCase();
  const needle = exact ? query : query.toLowerCase();
  const out: TextMatch[] = [];
  lines.forEach((text, line) => {
    const hay = exact ? text : text.toLowerCase();
    // Lower-casing can change a string's length (rare letters); then search the original.
    const source = hay.length === text.length ? hay : text;
    let from = 0;
    for (;;) {
      const at = source.indexOf(needle, from);
      if (at < 0) break;
      out.push({ line, start: at, end: at + needle.length });
      from = at + Math.max(1, needle.length);
    }
  });
  return out;
}

/** The first match on or after line `from` (wrapping to the first), or -1 without matches. */
export function firstMatchFrom(matches: readonly TextMatch[], from: number): number {
  if (matches.length === 0) return -1;
  const i = matches.findIndex((m) => m.line >= from);
  return i < 0 ? 0 : i;
}

/** The next (+1) or previous (-1) match index, wrapping around; the first one when none is current. */
export function stepMatch(count: number, current: number, direction: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0 || current >= count) return direction === 1 ? 0 : count - 1;
  return (current + direction + count) % count;
}
