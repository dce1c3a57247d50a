/**
 * What the sort keys do to a view's sort, as pure functions: N/A/S pick the NAME, AGE or status
 * column, C/M the CPU or MEM usage column (pressing the same one again reverses it, like k9s),
 * < and > step through the columns.
 */
import type { ColumnSpec } from '../../kinds/types.ts';
import type { SortState } from '../../explorer/view-entry.ts';

/** A sort key's request. */
export type SortRequest = { by: 'name' | 'age' | 'status' | 'cpu' | 'memory' } | { step: 1 | -1 } | { reverse: true };

// In order of preference, not of the table: a pod's READY comes before its STATUS on screen.
const columnNames: Record<'name' | 'age' | 'status' | 'cpu' | 'memory', readonly string[]> = {
  name: ['NAME'],
  age: ['AGE', 'LAST SEEN'],
  status: ['STATUS', 'PHASE', 'STATE', 'READY'],
  cpu: ['CPU'],
  memory: ['MEM'],
};

// Usage is read busiest first (k9s's Shift-C and Shift-M do the same).
const startsDescending = new Set(['cpu', 'memory']);

/**
 * The sort after `request`, or undefined when the table has no such column (the caller says so).
 * `visible` lists the column indexes on screen; stepping only visits those.
 */
export function nextSort(columns: readonly ColumnSpec[], visible: readonly number[], current: SortState | undefined, request: SortRequest): SortState | undefined {
  if ('reverse' in request) {
    const column = current?.column ?? nameColumn(columns);
    return column === undefined ? undefined : { column, descending: !(current?.descending ?? false) };
  }
  if ('step' in request) {
    if (visible.length === 0) return undefined;
    const at = current ? visible.indexOf(current.column) : -1;
    const next = visible[(at + request.step + visible.length) % visible.length]!;
    return { column: next, descending: false };
  }
  const column = request.by === 'status' ? statusColumn(columns) : preferredColumn(columns, columnNames[request.by]);
  if (column < 0) return undefined;
  if (current?.column === column) return { column, descending: !current.descending };
  return { column, descending: startsDescending.has(request.by) };
}

/** The column a kind marks as its status (a CronJob's SUSPEND, an Event's TYPE), else the first by name preference. */
function statusColumn(columns: readonly ColumnSpec[]): number {
  const marked = columns.findIndex((c) => c.status === true);
  return marked >= 0 ? marked : preferredColumn(columns, columnNames.status);
}

/** The index of the first of `names` the table has, or -1. */
function preferredColumn(columns: readonly ColumnSpec[], names: readonly string[]): number {
  for (const name of names) {
    const i = columns.findIndex((c) => c.name === name);
    if (i >= 0) return i;
  }
  return -1;
}

function nameColumn(columns: readonly ColumnSpec[]): number | undefined {
  const i = columns.findIndex((c) => c.name === 'NAME');
  return i < 0 ? undefined : i;
}
