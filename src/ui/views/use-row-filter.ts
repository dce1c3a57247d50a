/**
 * The table's `/` filter over its rows: the query parsed from the filter text, the rows it keeps,
 * and matching data prepared while the prompt is open.
 */
import { useEffect, useMemo, useRef } from 'react';
import { applyFilter } from '../../explorer/filter/filter-rows.ts';
import { parseFilterInput, type FilterQuery } from '../../explorer/filter/filter-query.ts';
import { prepareForMatching } from '../../explorer/filter/row-match.ts';
import type { Row } from '../../kinds/types.ts';

/** `rows` filtered by `text` (the entry's filter); `filtering` is true while the `/` prompt is open. */
export function useRowFilter(rows: readonly Row[], text: string, filtering: boolean): ReturnType<typeof applyFilter> {
  const parsed = useMemo(() => parseFilterInput(text), [text]);
  // A filter that does not parse (a regex half typed, `~web[`) keeps the last one that did, so the
  // rows do not jump to unfiltered and back with each keystroke; the prompt says what is wrong.
  const lastValid = useRef<FilterQuery>({ kind: 'none' });
  if (parsed.kind !== 'invalid') lastValid.current = parsed;
  const query = parsed.kind === 'invalid' ? lastValid.current : parsed;
  // The rows there are when '/' opens; later arrivals are prepared by the filter when it needs them
  // (re-running on every frame under churn would walk all rows again each time).
  const rowsNow = useRef(rows);
  rowsNow.current = rows;
  useEffect(() => {
    if (!filtering) return undefined;
    const abort = new AbortController();
    prepareForMatching(rowsNow.current, abort.signal);
    return () => abort.abort();
  }, [filtering]);
  return useMemo(() => applyFilter(rows, query), [rows, query]);
}
