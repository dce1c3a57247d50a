/**
 * `l` on a pod, workload, service or job: its logs, followed live. Lines of every matching pod
 * and container interleave with a coloured `pod container` prefix; new pods join as they appear.
 * The pane keeps a bounded ring (see log-buffer.ts), so memory stays flat however long it runs.
 * Toggles: pause (f), wrap (w; unwrapped, h/l scroll sideways), timestamps (t), container (c
 * cycles all → each), previous instance (p), JSON pretty-print (J), since (s cycles), save
 * (ctrl-s), copy (C); / n N search; & filter (hides the lines that do not match, see log-filter.ts).
 */
import { Box, Text } from 'ink';
import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { toKxError } from '../../../kube/errors.ts';
import { resourceKey } from '../../../kube/resource-info.ts';
import { startLogFollower } from '../../../logs/log-follower.ts';
import { resolveLogTarget } from '../../../logs/log-target.ts';
import type { ContainerChoice, LogNotice, PodSelection } from '../../../logs/log-types.ts';
import { PromptBar } from '../../components/prompt-bar.tsx';
import { useKeyActions } from '../../keys/keymap-context.tsx';
import type { PaneProps } from '../pane-types.ts';
import { LogBuffer } from './log-buffer.ts';
import { displayRows, type DisplayRow, type LogDisplayOptions } from './log-display.ts';
import { FilteredLog, filterSummary, parseLogFilter, type LogFilter } from './log-filter.ts';
import { findLine, type LogLines } from './log-lines.ts';
import { sliceCells } from '../text-pane-cells.ts';
import { cellWidth } from '../../text-fit.ts';
import { formatCount } from '../../status-text.ts';
import { saveLogBuffer } from './save-log.ts';
import { copyPaneText, paneCopyText } from '../pane-copy.ts';
import { markRanges, plainText, type MarkRange } from '../text-pane-ansi.ts';
import { useTheme } from '../../theme-context.tsx';

/** Time windows `s` cycles through (undefined = the whole log, limited by the tail). */
/**
 * What `s` cycles through: the last lines of each container (the quick default), the whole log,
 * or a time window. Only the first limits the line count; the pane's ring (20,000 lines) bounds
 * memory for the others, and the title says which one was loaded.
 */
const windowChoices: readonly { label: string; tailLines?: number; sinceSeconds?: number }[] = [
  { label: 'last 500 lines per container', tailLines: 500 },
  { label: 'all' },
  { label: 'since 1m', sinceSeconds: 60 },
  { label: 'since 5m', sinceSeconds: 300 },
  { label: 'since 15m', sinceSeconds: 900 },
  { label: 'since 1h', sinceSeconds: 3600 },
];

/** Props of LogsPane: the common pane props, plus whether to start on the previous instance. */
export interface LogsPaneProps extends PaneProps {
  previous?: boolean;
  /** Lines kept in memory; default 20,000. */
  capacity?: number;
  /** Start on this container alone (`l` on a container's row); `c` moves on from it. */
  container?: string | undefined;
  /** Lines of each container's past asked for at the start; default 500. */
  tail?: number;
}

/** The logs pane. */
export function LogsPane(props: LogsPaneProps): ReactElement {
  const { client, target } = props;
  const theme = useTheme();
  const buffer = useMemo(() => new LogBuffer(props.capacity ?? 20_000), [props.capacity]);
  const [, setTick] = useState(0);
  const [previous, setPrevious] = useState(props.previous === true);
  const [containerIndex, setContainerIndex] = useState(0);
  // The container the pane was opened on, until `c` picks another.
  const [pinned, setPinned] = useState(props.container);
  const [containers, setContainers] = useState<string[]>([]);
  const [sinceIndex, setSinceIndex] = useState(0);
  const [paused, setPaused] = useState(false);
  const [wrap, setWrap] = useState(false);
  const [timestamps, setTimestamps] = useState(false);
  const [json, setJson] = useState(false);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [sources, setSources] = useState(new Set<string>());
  // undefined = following the end; otherwise the index of the first line shown.
  const [top, setTop] = useState<number | undefined>(undefined);
  const [searching, setSearching] = useState(false);
  const [search, setSearch] = useState('');
  const [filtering, setFiltering] = useState(false);
  const [filter, setFilter] = useState<LogFilter | undefined>(undefined);
  const [offsetState, setOffset] = useState(0);
  // The sequence number (see log-lines.ts) of the first line a pause holds back.
  const frozen = useRef<number | undefined>(undefined);
  const filtered = useMemo(() => (filter ? new FilteredLog(buffer, filter) : undefined), [buffer, filter]);
  // Lines that arrived since the last draw are filtered too (each line is tested once).
  filtered?.sync();
  const lines: LogLines = filtered ?? buffer;

  const choice: ContainerChoice = pinned !== undefined ? { kind: 'named', name: pinned } : containerIndex === 0 ? { kind: 'all' } : { kind: 'named', name: containers[containerIndex - 1]! };
  const span = windowChoices[sinceIndex]!;
  const tailLines = props.tail ?? span.tailLines;
  const key = resourceKey(target.resource);

  useEffect(() => {
    const abort = new AbortController();
    let stopFollower: (() => void) | undefined;
    buffer.clear();
    // A new query (previous instance, container, since) starts on an empty buffer: the paused or
    // scrolled position belonged to the old lines, so follow the new ones.
    frozen.current = undefined;
    setPaused(false);
    setTop(undefined);
    setSources(new Set());
    setNotice(undefined);
    // Redraw at most ten times a second however fast lines arrive.
    let scheduled: ReturnType<typeof setTimeout> | undefined;
    const bump = (): void => {
      if (scheduled) return;
      scheduled = setTimeout(() => {
        scheduled = undefined;
        setTick((n) => n + 1);
      }, 100);
    };
    const onNotice = (n: LogNotice): void => {
      const text = noticeText(n);
      if (n.type === 'containers') {
        setContainers((known) => (known.length === 0 || n.containers.length > known.length ? n.containers : known));
        setSources((s) => new Set([...s, ...n.containers.map((c) => `${n.pod}/${c}`)]));
      }
      if (text) setNotice(text);
    };
    void (async () => {
      try {
        const selection: PodSelection = key === 'pods' ? { kind: 'pod', name: target.name } : await resolveLogTarget(client, target.namespace, key, target.name, abort.signal);
        if (abort.signal.aborted) return;
        const follower = startLogFollower({
          client,
          namespace: target.namespace,
          selection,
          containers: choice,
          query: { follow: !previous, previous, tailLines, sinceSeconds: span.sinceSeconds },
          // A live view must never stall its streams: when drawing falls behind, drop the oldest.
          queue: { capacity: 8192, overflow: 'drop-oldest' },
          onNotice,
        });
        stopFollower = () => follower.stop();
        for (;;) {
          const batch = await follower.next();
          if (!batch) break;
          buffer.append(batch);
          bump();
        }
        if (!abort.signal.aborted) setNotice((n) => n ?? (previous ? 'end of the previous instance’s log' : 'the log ended'));
      } catch (err) {
        if (!abort.signal.aborted) setNotice(toKxError(err).message);
      }
    })();
    return () => {
      abort.abort();
      stopFollower?.();
      clearTimeout(scheduled);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new stream only for a new query: choice, span and tailLines follow from these, the buffer is the pane's own
  }, [client, key, target.namespace, target.name, previous, containerIndex, pinned, sinceIndex]);

  // The title line, the filter line while a filter is on, and the bottom line (prompt or status).
  const bodyHeight = Math.max(1, props.height - 2 - (filter ? 1 : 0));
  const display: LogDisplayOptions = { prefix: sources.size > 1 || (pinned === undefined && containerIndex === 0 && containers.length > 1), timestamps, wrap, json, width: props.width };
  // While paused the view stays on the lines it showed; new ones still arrive underneath.
  const end = paused && frozen.current !== undefined ? lines.countBefore(frozen.current) : lines.size;
  const rows = windowRows(lines, top, end, bodyHeight, display, theme.colour);
  const maxTop = Math.max(0, end - 1);
  // Unwrapped, h/l move the text (not the pod prefix) sideways, up to the end of the widest row on screen.
  const maxLeft = wrap ? 0 : Math.max(0, ...rows.map((row) => cellWidth(plainText(row.text)) - textRoom(row, props.width)));
  const offset = Math.min(offsetState, maxLeft);
  const sideStep = Math.max(1, Math.floor(props.width / 2));

  const scrollBy = (delta: number): void => {
    const from = top ?? Math.max(0, end - bodyHeight);
    const next = Math.min(maxTop, Math.max(0, from + delta));
    setTop(next >= end - bodyHeight && delta > 0 ? undefined : next);
  };
  const jump = (direction: 1 | -1): void => {
    const from = top ?? Math.max(0, end - bodyHeight);
    const found = findLine(lines, search, from + direction, direction);
    if (found === undefined) props.onFlash({ text: `No line matches "${search}"`, level: 'info' });
    else setTop(found);
  };

  // The current match is the line a search or n/N brought to the top, else the first match on screen.
  const matchOnScreen = (): string | undefined => {
    if (search === '') return undefined;
    const needle = search.toLowerCase();
    const from = top ?? Math.max(0, end - bodyHeight);
    for (let i = from; i < Math.min(end, from + bodyHeight); i++) {
      const text = lines.at(i)?.text;
      if (text?.toLowerCase().includes(needle)) return plainText(text);
    }
    return undefined;
  };

  useKeyActions(
    'logs',
    {
      'pane-up': () => scrollBy(-1),
      'pane-down': () => scrollBy(1),
      'pane-page-up': () => scrollBy(-bodyHeight),
      'pane-page-down': () => scrollBy(bodyHeight),
      'pane-top': () => setTop(0),
      'pane-bottom': () => {
        setTop(undefined);
        setPaused(false);
      },
      'pane-search': () => setSearching(true),
      'pane-next': () => jump(1),
      'pane-previous': () => jump(-1),
      'pane-close': props.onClose,
      'pane-copy': () => {
        const match = matchOnScreen();
        copyPaneText(
          paneCopyText(
            rows.map((row) => plainText(row.prefix + row.text)),
            match,
          ),
          match !== undefined,
          props.onFlash,
        );
      },
      'pane-left': () => setOffset(Math.max(0, offset - sideStep)),
      'pane-right': () => setOffset(Math.min(maxLeft, offset + sideStep)),
      'logs-filter': () => setFiltering(true),
      'logs-follow': () => {
        frozen.current = paused ? undefined : buffer.total;
        setPaused(!paused);
      },
      'logs-wrap': () => setWrap((w) => !w),
      'logs-timestamps': () => setTimestamps((t) => !t),
      'logs-json': () => setJson((j) => !j),
      'logs-containers': () => {
        const from = pinned !== undefined ? containers.indexOf(pinned) + 1 : containerIndex;
        setPinned(undefined);
        setContainerIndex((from + 1) % (containers.length + 1));
      },
      'logs-previous-toggle': () => setPrevious((p) => !p),
      'logs-since': () => setSinceIndex((i) => (i + 1) % windowChoices.length),
      'logs-save': () => {
        try {
          props.onFlash({ text: `Saved ${buffer.size} lines to ${saveLogBuffer(buffer, target.name)}`, level: 'info' });
        } catch (err) {
          props.onFlash({ text: `Could not save the log: ${toKxError(err).message}`, level: 'error' });
        }
      },
    },
    { isActive: props.active && !searching && !filtering },
  );

  const state = previous ? 'previous instance' : paused ? 'paused (f resumes)' : top === undefined ? 'following' : 'scrolled (G follows)';
  const title = `logs ${target.resource.singular || key}/${target.name}${target.namespace ? ` (${target.namespace})` : ''}`;
  const container = pinned !== undefined ? `container ${pinned}` : containerIndex === 0 ? 'all containers' : `container ${containers[containerIndex - 1]}`;
  return (
    <Box flexDirection="column" width={props.width} height={props.height}>
      <Text wrap="truncate">
        <Text bold>{title}</Text>
        <Text color={theme.tone.info}>
          {'  '}
          {state} · {container} · {props.tail !== undefined && sinceIndex === 0 ? `last ${props.tail} lines per container` : span.label} · {formatCount(buffer.size)} lines
          {buffer.evicted > 0 ? ` (${formatCount(buffer.evicted)} older dropped)` : ''}
        </Text>
        {notice ? <Text color={theme.tone.warn}>{`  ${notice}`}</Text> : null}
      </Text>
      {filter && filtered ? (
        <Text color={theme.tone.info} wrap="truncate">
          {filterSummary(filter, filtered.hidden, buffer.size)} · & edits, empty clears
        </Text>
      ) : null}
      <Box flexDirection="column" height={bodyHeight}>
        {rows.map((row, i) => (
          <Text key={i} wrap="truncate">
            {row.prefix ? <Text color={row.colour}>{row.prefix}</Text> : null}
            {shownText(row, search, offset, textRoom(row, props.width), theme.colour)}
          </Text>
        ))}
      </Box>
      {searching ? (
        <PromptBar
          mode="/"
          width={props.width}
          initialText={search}
          onChange={setSearch}
          onSubmit={(text) => {
            setSearch(text);
            setSearching(false);
            if (text !== '') {
              const found = findLine(lines, text, Math.max(0, end - 1), -1);
              if (found !== undefined) setTop(found);
            }
          }}
          onCancel={() => {
            setSearch('');
            setSearching(false);
          }}
        />
      ) : filtering ? (
        <PromptBar
          mode="&"
          width={props.width}
          initialText={filter?.text ?? ''}
          validate={(text) => {
            const parsed = parseLogFilter(text);
            return parsed.ok ? undefined : parsed.error;
          }}
          onSubmit={(text) => {
            setFiltering(false);
            const parsed = parseLogFilter(text);
            if (!parsed.ok) {
              props.onFlash({ text: parsed.error, level: 'error' });
              return;
            }
            setFilter(parsed.filter);
            // Line numbers change meaning with the filter: show the newest lines it keeps.
            setTop(undefined);
          }}
          onCancel={() => setFiltering(false)}
        />
      ) : (
        <Text color={theme.tone.muted} wrap="truncate">
          {search !== '' ? `/${search} · n/N next/previous match · / edits · ` : ''}
          {wrap ? 'wrap on' : maxLeft > 0 || offset > 0 ? `wrap off · col ${offset + 1} · h/l scroll` : 'wrap off'}
          {filter ? '' : ' · & filter'}
        </Text>
      )}
    </Box>
  );
}

/** The rows to draw: from `top` down, or (following) the last lines that fit. */
function windowRows(buffer: LogLines, top: number | undefined, end: number, height: number, opts: LogDisplayOptions, colour: boolean): DisplayRow[] {
  if (top === undefined) {
    const out: DisplayRow[] = [];
    for (let i = Math.min(end, buffer.size) - 1; i >= 0 && out.length < height; i--) {
      const line = buffer.at(i);
      if (line) out.unshift(...displayRows(line, opts, colour));
    }
    return out.slice(Math.max(0, out.length - height));
  }
  const out: DisplayRow[] = [];
  for (let i = top; i < Math.min(end, buffer.size) && out.length < height; i++) {
    const line = buffer.at(i);
    if (line) out.push(...displayRows(line, opts, colour));
  }
  return out.slice(0, height);
}

/** The cells a row's text may take beside its prefix. */
function textRoom(row: DisplayRow, width: number): number {
  return Math.max(1, width - cellWidth(row.prefix));
}

/** A row's text as drawn: search matches marked (case-insensitive, as search finds them), then the window from `offset`. */
function shownText(row: DisplayRow, search: string, offset: number, room: number, colour: boolean): string {
  const ranges: MarkRange[] = [];
  if (search !== '') {
    const lower = plainText(row.text).toLowerCase();
    const needle = search.toLowerCase();
    for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + needle.length)) ranges.push({ start: i, end: i + needle.length, current: false });
  }
  const marked = markRanges(row.text, ranges, colour);
  return sliceCells(marked, offset, room, '…') || ' ';
}

function noticeText(n: LogNotice): string | undefined {
  switch (n.type) {
    case 'waiting':
      return `${n.origin.pod}/${n.origin.container} is waiting to start: ${n.reason}`;
    case 'reconnecting':
      return `reconnecting to ${n.origin.pod}/${n.origin.container} (${n.reason})`;
    case 'podDeleted':
      return `pod ${n.pod} was deleted`;
    case 'error':
      return n.error.message;
    case 'skipped':
      return n.message;
    case 'started':
      return undefined;
    case 'ended':
      return n.reason === 'exited' ? `${n.origin.pod}/${n.origin.container} exited` : undefined;
    case 'containers':
      return undefined;
    default:
      return undefined;
  }
}
