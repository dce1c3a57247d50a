/**
 * What the logs pane draws from: the whole ring (log-buffer.ts) or the lines a filter lets through
 * (log-filter.ts). Both number their lines from 0 (oldest held) and know every line by its
 * sequence number (0 = the first line since the buffer was cleared), which survives eviction.
 */
import type { LogLine } from '../../../logs/log-types.ts';

/** Lines the pane can window, search and freeze, however they were chosen. */
export interface LogLines {
  readonly size: number;
  /** The i-th line (0 = oldest shown). */
  at(i: number): LogLine | undefined;
  /** How many of these lines came before sequence number `seq` (where a paused view ends). */
  countBefore(seq: number): number;
}

/**
 * The index of the next line at or after `from` (or before it, going back) whose text contains
 * `needle` case-insensitively; wraps around; undefined when none does.
 */
export function findLine(lines: LogLines, needle: string, from: number, direction: 1 | -1): number | undefined {
  const size = lines.size;
  if (needle === '' || size === 0) return undefined;
  const lower = needle.toLowerCase();
  for (let step = 0; step < size; step++) {
    const i = (((from + direction * step) % size) + size) % size;
    if (lines.at(i)!.text.toLowerCase().includes(lower)) return i;
  }
  return undefined;
}
