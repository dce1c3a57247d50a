/**
 * A live table of one resource, fed by the cache: rows change in place as frames arrive, the
 * cursor stays on the same object, and only the visible rows are turned into text.
 */
import { Box, Text, useInput } from 'ink';
import { useMemo, useRef, useState, type ReactElement } from 'react';
import { cellsAt } from '../../kinds/cells.ts';
import type { ObjectCache } from '../../store/object-cache.ts';
import { useCacheSnapshot } from '../hooks/use-cache.ts';
import { followCursor, moveCursor, type CursorMove } from '../table/cursor.ts';
import { windowStart, type ColumnView } from '../table/layout.ts';
import { ResourceTable, type RowView } from '../table/resource-table.tsx';
import type { Theme } from '../theme.ts';
import type { StreamState } from '../../kube/stream-types.ts';
import { applyFilter } from '../../filter/filter-rows.ts';
import { parseFilterInput, type FilterQuery } from '../../filter/filter-query.ts';

/** The line under the table: the `/` prompt while typing, the active filter and its count, or hints. */
function FilterLine(props: { editing: boolean; input: string; query: FilterQuery; shown: number; total: number; theme: Theme }): ReactElement {
  const { editing, input, query, shown, total, theme } = props;
  // Server-side label selectors (`/-l app=web`) are parsed but not yet sent to the server.
  const note = query.kind === 'invalid' ? query.message : query.kind === 'labels' ? 'label selectors (-l) are not applied yet' : undefined;
  if (note) {
    return (
      <Text wrap="truncate">
        <Text color={theme.tone.info}>/{input}{editing ? '▏' : ''}</Text>
        <Text color={theme.tone.warn}>  {note}</Text>
      </Text>
    );
  }
  if (editing) {
    return (
      <Text wrap="truncate">
        <Text color={theme.tone.info}>/{input}▏</Text>
        <Text color={theme.tone.muted}>  {shown} of {total} · enter keeps · esc clears · !text inverts</Text>
      </Text>
    );
  }
  if (input !== '') {
    return (
      <Text wrap="truncate" color={theme.tone.muted}>
        filter /{input}: {shown} of {total} · / edits · esc clears
      </Text>
    );
  }
  return <Text color={theme.tone.muted}>/ filter · j/k move · g/G first/last · q quit</Text>;
}

/** Props of ResourceView. */
export interface ResourceViewProps {
  cache: ObjectCache;
  resourceKey: string;
  /** Plural name for messages ('pods'). */
  title: string;
  /** undefined = all namespaces. */
  namespace: string | undefined;
  width: number;
  /** Rows available for the table, its heading included. */
  height: number;
  theme: Theme;
  now: number;
  /** Whether this view takes keys (false while a dialog has focus). */
  active: boolean;
  /** `q` outside the filter prompt. */
  onQuit: () => void;
}

/** Renders the resource's rows with kubectl's columns; arrows/j/k, PgUp/PgDn, g/G move the cursor. */
export function ResourceView(props: ResourceViewProps): ReactElement {
  const { cache, resourceKey, namespace, theme, now } = props;
  const snapshot = useCacheSnapshot(cache);
  const [filterInput, setFilterInput] = useState('');
  const [editingFilter, setEditingFilter] = useState(false);
  const allRows = useMemo(
    () => cache.rows(resourceKey, { namespace }),
    // The snapshot's identity changes with each published frame; the cache memoises per version.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [cache, resourceKey, namespace, snapshot],
  );
  const query = useMemo(() => parseFilterInput(filterInput), [filterInput]);
  const rows = useMemo(() => applyFilter(allRows, query).rows, [allRows, query]);
  const kind = cache.kindOf(resourceKey);
  const allColumns = cache.columnsOf(resourceKey);
  // The NAMESPACE column only means something when several namespaces are shown.
  const shownColumns = useMemo(
    () => allColumns.map((c, i) => ({ c, i })).filter(({ c }) => namespace === undefined || !c.allNamespaces),
    [allColumns, namespace],
  );
  const columns: ColumnView[] = shownColumns.map(({ c }) => ({
    title: c.name,
    align: c.align,
    priority: c.wide ? 1 : 0,
  }));

  const bodyHeight = Math.max(1, props.height - 1);
  const selected = useRef<{ uid: string | undefined; index: number; top: number }>({ uid: undefined, index: 0, top: 0 });
  const [, setTick] = useState(0);
  const keys = useMemo(() => rows.map((r) => r.uid), [rows]);
  const cursor = followCursor(keys, selected.current.uid, selected.current.index);
  const top = windowStart(selected.current.top, cursor, bodyHeight, rows.length);
  selected.current = { uid: keys[cursor], index: cursor, top };

  useInput(
    (input, key) => {
      if (editingFilter) {
        if (key.escape) {
          setFilterInput('');
          setEditingFilter(false);
        } else if (key.return) {
          setEditingFilter(false);
        } else if (key.backspace || key.delete) {
          setFilterInput((text) => text.slice(0, -1));
        } else if (!key.ctrl && !key.meta && input && !/[\x00-\x1f]/.test(input)) {
          setFilterInput((text) => text + input);
        }
        return;
      }
      if (input === '/') {
        setEditingFilter(true);
        return;
      }
      if (key.escape && filterInput !== '') {
        setFilterInput('');
        return;
      }
      if (input === 'q') {
        props.onQuit();
        return;
      }
      // Keys typed faster than a frame (or a held key) arrive as one chunk: 'jjj' moves three rows.
      const presses = input.length > 1 && !key.ctrl && !key.meta ? [...input] : [input];
      let next = cursor;
      let t = top;
      for (const press of presses) {
        const move = cursorMoveFor(press, key);
        if (!move) continue;
        next = moveCursor(next, move, rows.length, bodyHeight);
        t = windowStart(t, next, bodyHeight, rows.length);
      }
      if (next === cursor && t === top) return;
      selected.current = { uid: keys[next], index: next, top: t };
      setTick((n) => n + 1);
    },
    { isActive: props.active },
  );

  const visible: RowView[] = rows.slice(top, top + bodyHeight).map((row) => {
    const cells = cellsAt(row, now);
    const mark = cache.markOf(row.uid, now);
    return {
      key: row.uid,
      cells: shownColumns.map(({ i }) => cells[i] ?? ''),
      tone: kind.tone(row),
      mark: mark?.kind,
    };
  });
  const state = cache.streamState(resourceKey, namespace) ?? { phase: 'connecting' as const };

  return (
    <Box flexDirection="column">
      <ResourceTable
        columns={columns}
        rows={visible}
        cursor={cursor - top}
        top={0}
        height={bodyHeight}
        width={props.width}
        theme={theme}
        emptyText={emptyText(props.title, namespace, state)}
      />
      <FilterLine editing={editingFilter} input={filterInput} query={query} shown={rows.length} total={allRows.length} theme={theme} />
    </Box>
  );
}

function emptyText(title: string, namespace: string | undefined, state: StreamState): string {
  switch (state.phase) {
    case 'connecting':
    case 'syncing':
      return `Loading ${title}…`;
    case 'forbidden':
      return `You may not list ${title}${namespace ? ` in namespace ${namespace}` : ' across namespaces'}: ${state.message}`;
    case 'failed':
      return `Cannot list ${title}: ${state.reason}`;
    case 'reconnecting':
      return `No ${title} yet: kx keeps retrying (see the status line).`;
    case 'live':
      return namespace ? `No ${title} in namespace ${namespace}.` : `No ${title}.`;
    default: {
      const never: never = state;
      return never;
    }
  }
}

function cursorMoveFor(
  input: string,
  key: { upArrow: boolean; downArrow: boolean; pageUp: boolean; pageDown: boolean; home: boolean; end: boolean; ctrl: boolean },
): CursorMove | undefined {
  if (key.upArrow || input === 'k') return 'up';
  if (key.downArrow || input === 'j') return 'down';
  if (key.pageUp || (key.ctrl && input === 'b')) return 'pageUp';
  if (key.pageDown || (key.ctrl && input === 'f')) return 'pageDown';
  if (key.home || input === 'g') return 'home';
  if (key.end || input === 'G') return 'end';
  return undefined;
}
