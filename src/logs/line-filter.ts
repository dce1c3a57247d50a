/**
 * stern's --include and --exclude: regular expressions over each line's text. A line is kept when
 * it matches none of the excludes and, when includes are given, at least one of them.
 */
import type { LogLine } from './log-types.ts';

/** The line regexes of `kx logs -i/-e`. */
export interface LineFilter {
  include: readonly RegExp[];
  exclude: readonly RegExp[];
}

/** Whether a line's text passes the filter (stern's IsExclude / IsInclude). */
export function linePasses(filter: LineFilter, text: string): boolean {
  for (const re of filter.exclude) if (re.test(text)) return false;
  if (filter.include.length === 0) return true;
  for (const re of filter.include) if (re.test(text)) return true;
  return false;
}

/** The lines of a batch that pass; the batch itself when there is nothing to filter. */
export function filterLines(filter: LineFilter, lines: LogLine[]): LogLine[] {
  if (filter.include.length === 0 && filter.exclude.length === 0) return lines;
  return lines.filter((line) => linePasses(filter, line.text));
}
