/**
 * What the sort keys do to a view's sort, as pure functions: N/A/S pick the NAME, AGE or STATUS
 * column (pressing the same one again reverses it, like k9s), < and > step through the columns.
 */
import type { ColumnSpec } from '../../kinds/types.ts';
import type { SortState } from '../../app/view-entry.ts';

/** A sort key's request. */
export type SortRequest = { by: 'name' | 'age' | 'status' } | { step: 1 | -1 } | { reverse: true };

const columnNames: Record<'name' | 'age' | 'status', readonly string[]> = {
  name: ['NAME'],
  age: ['AGE', 'LAST SEEN'],
  status: ['STATUS', 'PHASE', 'READY'],
};

/**
 * The sort after `request`, or undefined when the table has no such column (the caller says so).
 * `visible` lists the column indexes on screen; stepping only visits those.
 */
export function nextSort(
  columns: readonly ColumnSpec[],
  visible: readonly number[],
  current: SortState | undefined,
  request: SortRequest,
): SortState | undefined {
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
  const column = columns.findIndex((c) => columnNames[request.by].includes(c.name));
  if (column < 0) return undefined;
  if (current?.column === column) return { column, descending: !current.descending };
  return { column, descending: false };
}

function nameColumn(columns: readonly ColumnSpec[]): number | undefined {
  const i = columns.findIndex((c) => c.name === 'NAME');
  return i < 0 ? undefined : i;
}
