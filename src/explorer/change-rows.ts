/**
 * What `:changes` and describe show of the recorded changes, pure: the rows a `/` filter keeps
 * (kind, namespace, name, change text, who), one object's changes as a diff-like pane, and
 * describe's "Changes seen" section.
 */
import { alignTabs } from '../kinds/describe/tabwriter.ts';
import type { ChangeRecord } from '../store/changes/change-recorder.ts';
import { changeCells, changeTime } from '../store/changes/change-log.ts';
import { parseFilterInput } from './filter/filter-query.ts';
import { filterWords } from './filter/row-match.ts';

/** The text a filter matches a change against. */
function haystack(change: ChangeRecord): string {
  return `${change.kind} ${change.namespace} ${change.name} ${change.parts.join(', ')} ${change.by}`.toLowerCase();
}

/**
 * The changes a `/` filter keeps, in their order: every word a substring (kind, namespace, name,
 * change, who), `~REGEX` a match, `!` inverts. A label selector (`-l`) is for the server's objects
 * and keeps everything here; a filter that does not parse yet keeps everything too.
 */
export function filterChanges(changes: readonly ChangeRecord[], filter: string): readonly ChangeRecord[] {
  const query = parseFilterInput(filter);
  if (query.kind === 'text') {
    const words = filterWords(query.text);
    return changes.filter((c) => words.every((w) => haystack(c).includes(w)) !== query.inverse);
  }
  if (query.kind === 'regex') return changes.filter((c) => query.regex.test(haystack(c)) !== query.inverse);
  return changes;
}

/** The cells of the `:changes` table for each change. */
export function changeTableRows(changes: readonly ChangeRecord[], now: number): string[][] {
  return changes.map((c) => changeCells(c, now));
}

/** `replicas 3 → 5` as ['replicas 3', 'replicas 5']; undefined for a part without an arrow (`created`). */
function beforeAfter(part: string): [string, string] | undefined {
  const m = /^(.*?)(\S+) → (.*)$/.exec(part);
  return m ? [`${m[1]}${m[2]}`, `${m[1]}${m[3]}`] : undefined;
}

/**
 * One object's changes, newest first, as a diff reads: a heading per change (time and who), `-`
 * before and `+` after for each `a → b`, `~` for the rest (`spec changed`, `created`, `deleted`).
 */
export function changeDiffLines(changes: readonly ChangeRecord[], now: number): string[] {
  const out: string[] = [];
  for (const c of changes) {
    out.push(`@@ ${changeTime(c.at, now)} by ${c.by} @@`);
    for (const part of c.parts) {
      const pair = beforeAfter(part);
      if (pair) out.push(`- ${pair[0]}`, `+ ${pair[1]}`);
      else out.push(`~ ${part}`);
    }
  }
  return out;
}

/** Describe's "Changes seen" section (kubectl describe's layout), empty when none were seen. */
export function changesSeenSection(changes: readonly ChangeRecord[], now: number): string[] {
  if (changes.length === 0) return [];
  const rows = changes.map((c) => `  ${changeTime(c.at, now)}\t${c.parts.join(', ')}\t${c.by}\n`).join('');
  const table = alignTabs(`  Time\tChange\tBy\n  ----\t------\t--\n${rows}`);
  return ['Changes seen:', ...table.trimEnd().split('\n')];
}
