/**
 * A live table of one view (a resource, a namespace, maybe a drill-down subset), fed by the
 * cache: rows change in place as frames arrive, the cursor stays on the same object across
 * updates, filters and re-sorts, and only the visible rows are turned into text. Keys arrive as
 * actions from the keymap; those that act on the selected object go up through onAction.
 */
import { Box } from 'ink';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactElement } from 'react';
import { capabilitiesOf } from '../../explorer/capabilities.ts';
import { clearMarks, isMarked, keepExisting, markedRows, markRange, toggleMark, type Marks } from '../../explorer/marks.ts';
import type { SortState, ViewEntry } from '../../explorer/view-entry.ts';
import { cacheKeyOf, viewRows, viewSort, viewStreamState, viewTable } from '../../explorer/view-rows.ts';
import { isTriage } from '../../explorer/triage/triage-view.ts';
import { multiContextRows, multiContextSort, multiContextState, multiContextTable, type ContextMember } from '../../explorer/multi-context.ts';
import { useRowFilter } from './use-row-filter.ts';
import { podKeyOf, usageCells, usageColumnsOf, type UsageColumn, type UsageSample, type ViewUsage } from '../../explorer/usage-columns.ts';
import { compareByName } from '../../kinds/sort.ts';
import { cellsAt } from '../../kinds/cells.ts';
import type { Row } from '../../kinds/types.ts';
import type { StreamState } from '../../kube/stream-types.ts';
import type { ObjectCache } from '../../store/object-cache.ts';
import { StatusLine, type Flash } from '../components/status-line.tsx';
import { streamStateText } from '../status-text.ts';
import { useCacheSnapshot } from '../hooks/use-cache.ts';
import { useNow } from '../hooks/use-now.ts';
import { useKeyActions, useKeymap, type ActionHandlers } from '../keys/keymap-context.tsx';
import type { PluginBinding, UserBinding } from '../../keys/user-binding.ts';
import { objectActionIds, type ActionId, type ObjectActionId } from '../../keys/actions.ts';
import { followCursor, moveCursor, type CursorMove } from '../table/cursor.ts';
import { windowStart, type ColumnView } from '../table/layout.ts';
import { ResourceTable, type RowView } from '../table/resource-table.tsx';
import { nextSort, type SortRequest } from '../table/sort-keys.ts';

/** Props of ResourceView. */
export interface ResourceViewProps {
  cache: ObjectCache;
  entry: ViewEntry;
  width: number;
  /** Lines available: the status line, the table heading and the rows. */
  height: number;
  /** Whether this view takes keys (false while a prompt or pane has focus). */
  active: boolean;
  /** See useKeyActions: false while the focus is moving to a prompt or pane. */
  gate?: () => boolean;
  /** Actions handled above the view (quit, help, command, back, …). */
  globalHandlers: ActionHandlers;
  /** An action on the selected object (describe, open, delete, …); row is undefined in an empty table; `marked` are the marked rows that still exist. */
  onAction: (id: ViewActionId, row: Row | undefined, marked: readonly Row[]) => void;
  /** The view's marks (space, ctrl-space, ctrl-\); without onMarks the view offers no marking. */
  marks?: Marks | undefined;
  /** Changes the marks; an update of the latest ones, since several keys of one chunk may mark in turn. */
  onMarks?: ((update: (marks: Marks) => Marks) => void) | undefined;
  /** The view's sort changed (kept in history). */
  onSort: (sort: SortState) => void;
  /** The selected object changed (kept in history so back restores it); called after the commit. */
  onSelect?: (row: Row | undefined) => void;
  /** A sort key found no such column, for the status line. */
  onNotice?: (text: string) => void;
  /** The view's title for the status line ('pods of replicaset web-5d8f (shop)'). */
  title: string;
  flash?: Flash | undefined;
  /** The `/` prompt is open: rows are prepared for matching before the first keystroke needs them. */
  filtering?: boolean;
  /** Pods, containers and nodes with a metrics API: the usage columns (CPU, MEM and percentages), after the kind's. */
  usage?: ViewUsage | undefined;
  /** Whether one of the user's plugins applies to this view (its scopes). */
  pluginInScope?: (plugin: PluginBinding) => boolean;
  /** The user's hotkey or plugin on a key pressed here, with the selected row and its cells by column title. */
  onUserBinding?: (binding: UserBinding, row: Row | undefined, columns: Readonly<Record<string, string>>) => void;
  /** ctrl-s: the view's headings and every row after filter and sort, as the cells read now. */
  onSaveTable?: (heading: string[], rows: string[][]) => void;
  /** A view of several contexts (`:po @prod,staging`): their caches instead of `cache` (see context-set.ts). */
  contexts?: MultiContextSource | undefined;
}

/** The contexts of a multi-context view as the table reads them. */
export interface MultiContextSource {
  members(): readonly ContextMember[];
  /** useSyncExternalStore's subscribe (an arrow: passed on its own). */
  subscribe: (listener: () => void) => () => void;
  /** useSyncExternalStore's getSnapshot (an arrow: passed on its own). */
  getSnapshot: () => number;
}

const noSource = (): (() => void) => () => undefined;
const noVersion = (): number => 0;

/** What the table hands up with the selected row: the object actions (keys/actions.ts) and `/`. */
const handedUp = [...objectActionIds, 'filter'] as const;

/** The id of an action the table hands to the explorer. */
export type ViewActionId = ObjectActionId | 'filter';

const moves: Partial<Record<ActionId, CursorMove>> = {
  up: 'up',
  down: 'down',
  'page-up': 'pageUp',
  'page-down': 'pageDown',
  top: 'home',
  bottom: 'end',
};

const sorts: Partial<Record<ActionId, SortRequest>> = {
  'sort-name': { by: 'name' },
  'sort-age': { by: 'age' },
  'sort-status': { by: 'status' },
  'sort-cpu': { by: 'cpu' },
  'sort-memory': { by: 'memory' },
  'sort-next': { step: 1 },
  'sort-previous': { step: -1 },
  'sort-reverse': { reverse: true },
};

/** Renders the view's rows with kubectl's columns and dispatches table keys. */
export function ResourceView(props: ResourceViewProps): ReactElement {
  const { cache, entry } = props;
  const snapshot = useCacheSnapshot(cache);
  const multi = props.contexts;
  const multiVersion = useSyncExternalStore(multi?.subscribe ?? noSource, multi?.getSnapshot ?? noVersion);
  const cacheKey = cacheKeyOf(entry);
  // Triage's rules also turn on the clock (a deletion held over a minute), not only on frames.
  const triage = isTriage(entry);
  const ruleClock = useNow(triage ? 15_000 : 3_600_000);
  const allRows = useMemo(
    () => (multi ? multiContextRows(multi.members(), entry) : viewRows(cache, entry)),
    // The snapshot's identity changes with each published frame; the cache memoises per version.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the entry's fields, not its identity; the snapshot is an extra dependency on purpose (above)
    [cache, entry.resource, entry.namespace, entry.namespaces, entry.scope, entry.sort, cacheKey, snapshot, triage ? ruleClock : 0, multi, multiVersion],
  );
  const filtered = useRowFilter(allRows, entry.filter, props.filtering === true);
  // The kind's columns, or the containers view's own (a pod's containers are not API objects).
  const { columns: allColumns, tone } = multi ? multiContextTable(multi.members(), entry) : viewTable(cache, entry);
  // Usage is the current context's: it does not apply to rows of several.
  const usage = multi ? undefined : props.usage;
  const usageColumns = usage ? usageColumnsOf(usage.kind) : [];
  const podKey = podKeyOf(entry);
  // Usage columns come after the kind's, so a sort index past the kind's columns names one of
  // them: the cache orders such a view by name and the usage order is applied here, per sample.
  // The view's own sort, else the one views.yaml starts its kind with.
  const sort = multi ? multiContextSort(multi.members(), entry) : viewSort(cache, entry);
  const usageSort = sort && sort.column >= allColumns.length ? usageColumns[sort.column - allColumns.length] : undefined;
  const rows = useMemo(
    () => (usageSort && usage?.sample ? sortByUsage(filtered.rows, usageSort, usage.sample, podKey, sort?.descending === true) : filtered.rows),
    [filtered.rows, usageSort, usage?.sample, podKey, sort?.descending],
  );
  // The NAMESPACE column only means something when several namespaces are shown.
  // Columns views.yaml hides are left out too.
  const shownColumns = useMemo(() => allColumns.map((c, i) => ({ c, i })).filter(({ c }) => c.hidden !== true && (entry.namespace === undefined || !c.allNamespaces)), [allColumns, entry.namespace]);
  // On a narrow screen the kind's -o wide columns go first, then the usage percentages.
  const columns: ColumnView[] = shownColumns.map(({ c }) => ({ title: c.name, align: c.align, priority: c.wide ? 2 : 0 }));
  for (const u of usageColumns) columns.push({ title: u.spec.name, align: 'right', priority: u.priority });

  // One line for the status line, one for the column headings.
  const bodyHeight = Math.max(1, props.height - 2);
  const selected = useRef<{ uid: string | undefined; index: number; top: number }>({ uid: entry.cursorUid, index: 0, top: 0 });
  const [, setTick] = useState(0);
  const keys = useMemo(() => rows.map((r) => r.uid), [rows]);
  // The object to land on (from history or an owner jump) may arrive in a later page: keep
  // looking for it until the stream is live.
  const wanted = useRef(entry.cursorUid);
  // Several contexts: the state most in need of attention for the tone, and each one's named.
  const multiState = multi && multiContextState(multi.members(), entry, (s) => streamStateText(s, Date.now()));
  const state = multiState?.state ?? viewStreamState(cache, entry) ?? { phase: 'connecting' as const };
  if (wanted.current !== undefined) {
    if (keys.includes(wanted.current)) {
      selected.current = { ...selected.current, uid: wanted.current };
      wanted.current = undefined;
    } else if (state.phase === 'live') wanted.current = undefined;
  }
  // A jump by name (a pod's node) lands on the row with that name once it arrives.
  const wantedName = useRef(entry.cursorUid === undefined ? entry.cursorName : undefined);
  if (wantedName.current !== undefined) {
    const named = rows.find((row) => row.name === wantedName.current);
    if (named) {
      selected.current = { ...selected.current, uid: named.uid };
      wantedName.current = undefined;
    } else if (state.phase === 'live') wantedName.current = undefined;
  }
  const startOn = useRef(entry.cursorUid === undefined ? entry.startOn : undefined);
  if (startOn.current === 'most-desired' && state.phase === 'live') {
    startOn.current = undefined;
    const busiest = mostDesired(
      rows,
      allColumns.findIndex((c) => c.name === 'DESIRED'),
    );
    if (busiest) selected.current = { ...selected.current, uid: busiest };
  }
  const cursor = followCursor(keys, selected.current.uid, selected.current.index);
  const top = windowStart(selected.current.top, cursor, bodyHeight, rows.length);
  const selectedRow = rows[cursor];
  // An empty table (a stream re-listing after a jump from another view released it) keeps the
  // object the cursor was on, so the cursor lands on it again when the rows come back.
  selected.current = { uid: keys[cursor] ?? selected.current.uid, index: cursor, top };
  const onSelect = props.onSelect;
  useEffect(() => onSelect?.(selectedRow), [onSelect, selectedRow]);

  const move = (m: CursorMove): void => {
    const next = moveCursor(selected.current.index, m, rows.length, bodyHeight);
    const t = windowStart(selected.current.top, next, bodyHeight, rows.length);
    if (next === selected.current.index && t === selected.current.top) return;
    selected.current = { uid: keys[next], index: next, top: t };
    setTick((n) => n + 1);
  };

  const handlers: ActionHandlers = { ...props.globalHandlers };
  for (const [id, m] of Object.entries(moves) as [ActionId, CursorMove][]) handlers[id] = () => move(m);
  for (const [id, request] of Object.entries(sorts) as [ActionId, SortRequest][]) {
    handlers[id] = () => {
      const visible = [...shownColumns.map(({ i }) => i), ...usageColumns.map((_, k) => allColumns.length + k)];
      const next = nextSort([...allColumns, ...usageColumns.map((u) => u.spec)], visible, sort, request);
      if (next) props.onSort(next);
      else
        props.onNotice?.(
          'by' in request && (request.by === 'cpu' || request.by === 'memory')
            ? `${entry.resource.plural} show no usage here (no metrics API, or not a pods, containers or nodes view)`
            : `${entry.resource.plural} have no column to sort that way`,
        );
    };
  }
  // Marks follow objects (by uid): those of objects gone from the view no longer count.
  const marks = props.marks;
  const markedObjects = useMemo(() => (marks ? markedRows(marks, allRows) : []), [marks, allRows]);
  const onMarks = props.onMarks;
  if (marks && onMarks) {
    const existing = (): ReadonlySet<string> => new Set(allRows.map((row) => row.uid));
    handlers['mark'] = () => {
      const uid = keys[selected.current.index];
      if (uid !== undefined) onMarks((now) => keepExisting(toggleMark(now, uid), existing()));
    };
    handlers['mark-range'] = () => {
      const uid = keys[selected.current.index];
      if (uid !== undefined) onMarks((now) => keepExisting(markRange(now, keys, uid), existing()));
    };
    handlers['mark-clear'] = () => onMarks(clearMarks);
  }
  for (const id of handedUp) handlers[id] = () => props.onAction(id, rows[selected.current.index], markedObjects);
  const keymap = useKeymap();
  const { onUserBinding, pluginInScope } = props;
  const userKey = (name: string): boolean => {
    const binding = onUserBinding && keymap.userBinding(name, pluginInScope ?? (() => false));
    if (!binding) return false;
    const row = rows[selected.current.index];
    onUserBinding(binding, row, row ? cellsByTitle(row) : {});
    return true;
  };
  // A plugin's $COL-<NAME>: the row's cells as shown, wide columns and CPU/MEM included.
  const cellsByTitle = (row: Row): Record<string, string> => {
    const cells = cellsAt(row, Date.now());
    const out: Record<string, string> = {};
    allColumns.forEach((c, i) => (out[c.name] = cells[i] ?? ''));
    if (usage) {
      const shown = usageCells(usage, row, podKey);
      usageColumns.forEach((u, i) => (out[u.spec.name] = shown[i] ?? ''));
    }
    return out;
  };
  const onSaveTable = props.onSaveTable;
  if (onSaveTable) {
    handlers['save-table'] = () => {
      // All rows, not the screenful; the cells are the table's own (a Secret's row holds no value).
      const at = Date.now();
      const cellsOf = (row: Row): string[] => {
        const cells = cellsAt(row, at);
        const out = shownColumns.map(({ i }) => cells[i] ?? '');
        if (usage) out.push(...usageCells(usage, row, podKey));
        return out;
      };
      onSaveTable(
        columns.map((c) => c.title),
        rows.map(cellsOf),
      );
    };
  }
  useKeyActions('table', handlers, {
    userKey,
    isActive: props.active,
    capabilities: capabilitiesOf(entry.resource, selectedRow),
    ...(props.gate ? { gate: props.gate } : {}),
  });

  const sortShown = !sort ? -1 : usageSort ? shownColumns.length + usageColumns.indexOf(usageSort) : shownColumns.findIndex(({ i }) => i === sort.column);
  // Ages tick every second only while a visible one shows seconds (kubectl's format does under
  // 10 minutes), a change mark has to fade or the stream is reconnecting; otherwise every 30 s, so
  // an idle table costs next to nothing.
  const shown = rows.slice(top, top + bodyHeight);
  const marked = shown.some((row) => cache.markOf(row.uid) !== undefined);
  const now = useNow(needsSeconds(shown, Date.now()) || marked || state.phase === 'reconnecting' ? 1000 : 30_000);
  const visible: RowView[] = shown.map((row) => {
    const cells = cellsAt(row, now);
    const mark = cache.markOf(row.uid, now);
    const match = filtered.matchOf(row);
    let matches: Map<number, readonly number[]> | undefined;
    if (match) {
      matches = new Map();
      shownColumns.forEach(({ i }, shown) => {
        const hit = match.cells.get(i);
        if (hit) matches!.set(shown, hit);
      });
    }
    const shownCells = shownColumns.map(({ i }) => cells[i] ?? '');
    if (usage) shownCells.push(...usageCells(usage, row, podKey));
    return { key: row.uid, cells: shownCells, tone: tone(row), mark: mark?.kind, matches, marked: marks !== undefined && isMarked(marks, row.uid) };
  });
  return (
    <Box flexDirection="column">
      <StatusLine
        width={props.width}
        state={state}
        stateText={multiState?.text}
        shown={rows.length}
        total={allRows.length}
        flash={props.flash}
        now={now}
        title={usage?.problem ? `${props.title} · ${usage.problem}` : props.title}
        marked={markedObjects.length}
      />
      <ResourceTable
        columns={columns}
        rows={visible}
        cursor={cursor - top}
        top={0}
        height={bodyHeight}
        width={props.width}
        sort={sortShown >= 0 && sort ? { column: sortShown, descending: sort.descending } : undefined}
        emptyText={emptyText(entry, state, allRows.length > 0)}
        marking={markedObjects.length > 0}
      />
    </Box>
  );
}

/** `rows` ordered by a usage column; rows without a figure (no sample yet, n/a) go first, like an empty cell. */
function sortByUsage(rows: readonly Row[], column: UsageColumn, sample: UsageSample, podKey: string | undefined, descending: boolean): readonly Row[] {
  const key = (row: Row): number => column.value(row, sample, podKey) ?? Number.NEGATIVE_INFINITY;
  const sign = descending ? -1 : 1;
  return rows
    .map((row) => ({ row, k: key(row) }))
    .sort((a, b) => sign * (a.k - b.k || compareByName(a.row, b.row)))
    .map((x) => x.row);
}

/** Whether any time cell of `rows` is younger than 10 minutes, where kubectl's ages show seconds. */
function needsSeconds(rows: readonly Row[], now: number): boolean {
  return rows.some((row) => row.timeCells.some((cell) => now - cell.at < 10 * 60_000));
}

/** The uid of the row with the largest number in `column`, or undefined. */
function mostDesired(rows: readonly Row[], column: number): string | undefined {
  if (column < 0) return undefined;
  let best: { uid: string; n: number } | undefined;
  for (const row of rows) {
    const n = Number(row.cells[column]);
    if (!best || n > best.n) best = { uid: row.uid, n };
  }
  return best?.uid;
}

function emptyText(entry: ViewEntry, state: StreamState, filteredOut: boolean): string {
  const title = entry.resource.plural;
  const namespace = entry.namespace;
  if (filteredOut) return `No ${title} match the filter (esc clears it).`;
  switch (state.phase) {
    case 'connecting':
    case 'syncing':
      return `Loading ${title}…`;
    case 'forbidden':
      return `You may not list ${title}${namespace ? ` in namespace ${namespace}` : entry.namespaces ? '' : ' across namespaces'}: ${state.message}`;
    case 'failed':
      return `Cannot list ${title}: ${state.reason}`;
    case 'reconnecting':
      return `No ${title} yet: kx keeps retrying (see the status line).`;
    case 'live':
      if (isTriage(entry)) return 'Nothing wrong that kx can see: no crash loops, failures, stuck rollouts, node trouble or busy warnings.';
      if (entry.scope?.kind === 'containers') return `No containers: pod ${entry.scope.pod} is gone.`;
      if (entry.scope) return `No ${title} of ${entry.scope.label}.`;
      if (entry.namespaces) return `No ${title} in namespaces ${entry.namespaces.join(', ')}.`;
      return namespace ? `No ${title} in namespace ${namespace}.` : `No ${title}.`;
    default: {
      const never: never = state;
      return never;
    }
  }
}
