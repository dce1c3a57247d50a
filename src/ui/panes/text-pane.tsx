/**
 * A scrollable, searchable view of text lines (describe, YAML, logs): a title line, the lines
 * that fit (only those render), and a footer with the `/` search prompt or the match count.
 * Lines may carry ANSI colour. Long lines are cut at the width and scroll sideways (h/l), or wrap
 * (w toggles); the title says which, and how far the view is scrolled. Keys come from the action
 * table ('pane' scope, plus a pane kind's own scope).
 */
import { Box, Text } from 'ink';
import { useMemo, useRef, useState, type ReactElement } from 'react';
import type { KeyScope } from '../../keys/actions.ts';
import { PromptBar } from '../components/prompt-bar.tsx';
import { useKeyActions, type ActionHandlers } from '../keys/keymap-context.tsx';
import type { Tone } from '../theme.ts';
import { markRanges, plainText, safeLine, type MarkRange } from './text-pane-ansi.ts';
import { paneCopyText } from './pane-copy.ts';
import { findMatches, firstMatchFrom, stepMatch, type TextMatch } from './text-pane-search.ts';
import { Footer, TitleLine } from './text-pane-chrome.tsx';
import { clamp, lastTop, visibleCount } from './text-pane-layout.ts';
import { columnOf, maxOffset, sliceCells, wrapCells, wrappedRowCount } from './text-pane-cells.ts';
import { useTheme } from '../theme-context.tsx';

/** A word or two after the title ('live', 'deleted', 'reconnecting'), coloured by its tone. */
export interface PaneStatus {
  text: string;
  tone: Tone;
}

/** Props of TextPane. */
export interface TextPaneProps {
  title: string;
  status?: PaneStatus | undefined;
  lines: readonly string[];
  width: number;
  height: number;
  /** Whether the pane has the keyboard. */
  active: boolean;
  onClose: () => void;
  /** The key scope: 'pane', or a pane kind whose own keys come first ('yaml', 'logs'). */
  scope?: Extract<KeyScope, 'pane' | 'yaml' | 'logs'>;
  /** Handlers for the scope's own actions (yaml-reveal, logs-wrap, …); pane actions are built in. */
  actions?: ActionHandlers;
  /** Start with long lines wrapped instead of cut (w toggles). */
  wrap?: boolean;
  /** Stay at the bottom as lines arrive (logs); scrolling up reports false, `G` reports true. */
  follow?: boolean;
  onFollowChange?: (follow: boolean) => void;
  /** A short note for the footer when no search is shown ('managedFields hidden · m shows them'). */
  footer?: string | undefined;
  /** Shown in place of the lines when there are none ('loading…'). */
  empty?: string | undefined;
  /** Takes what `c` copies (see pane-copy.ts); without it the pane offers no copy. */
  onCopy?: ((text: string, fromMatch: boolean) => void) | undefined;
}

/** The text pane. */
export function TextPane(props: TextPaneProps): ReactElement {
  const { width } = props;
  const theme = useTheme();
  const bodyRows = Math.max(1, props.height - 2);
  const safe = useMemo(() => props.lines.map(safeLine), [props.lines]);
  const plain = useMemo(() => safe.map(plainText), [safe]);
  const [wrap, setWrap] = useState(props.wrap === true);
  const [offsetState, setOffset] = useState(0);
  const rowsOf = useMemo(() => (wrap ? plain.map((p) => wrappedRowCount(p, width)) : undefined), [plain, wrap, width]);
  const maxTop = useMemo(() => lastTop(plain.length, bodyRows, rowsOf), [plain.length, bodyRows, rowsOf]);
  const maxLeft = useMemo(() => (wrap ? 0 : maxOffset(plain, width)), [plain, wrap, width]);
  const offset = clamp(offsetState, 0, maxLeft);
  // Half a screen a press, as less does.
  const sideStep = Math.max(1, Math.floor(width / 2));

  const [topState, setTop] = useState(0);
  const [prompting, setPrompting] = useState(false);
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState('');
  const [currentState, setCurrent] = useState(-1);
  const promptOpen = useRef(false);

  const searchText = prompting ? draft : query;
  const matches = useMemo(() => findMatches(plain, searchText), [plain, searchText]);
  const current = currentState >= matches.length ? matches.length - 1 : currentState;
  // `G` pins the view to the bottom: a live pane (describe) that grows keeps its last lines in view
  // until the user scrolls up, as the logs pane's follow does.
  const [pinned, setPinned] = useState(false);
  const top = props.follow === true || pinned ? maxTop : clamp(topState, 0, maxTop);
  const visible = visibleCount(top, plain.length, bodyRows, rowsOf);

  const scrollTo = (next: number): void => {
    const clamped = clamp(next, 0, maxTop);
    setTop(clamped);
    if (clamped < maxTop) setPinned(false);
    if (props.follow && clamped < maxTop) props.onFollowChange?.(false);
  };
  const reveal = (match: TextMatch | undefined): void => {
    if (!match) return;
    if (match.line < top || match.line >= top + visible) scrollTo(match.line - Math.floor(bodyRows / 3));
    if (wrap) return;
    // A match off to the side scrolls into view, a third of the width from the left.
    const from = columnOf(plain[match.line]!, match.start);
    const to = columnOf(plain[match.line]!, match.end);
    if (from < offset || to > offset + width - 1) setOffset(clamp(from - Math.floor(width / 3), 0, maxLeft));
  };
  const jump = (direction: 1 | -1): void => {
    const next = current < 0 ? firstFromView(direction) : stepMatch(matches.length, current, direction);
    setCurrent(next);
    reveal(matches[next]);
  };
  const firstFromView = (direction: 1 | -1): number => {
    const i = firstMatchFrom(matches, top);
    return direction === 1 ? i : stepMatch(matches.length, i, -1);
  };

  const paneActions: ActionHandlers = {
    'pane-up': () => scrollTo(top - 1),
    'pane-down': () => scrollTo(top + 1),
    'pane-page-up': () => scrollTo(top - bodyRows),
    'pane-page-down': () => scrollTo(top + bodyRows),
    'pane-top': () => scrollTo(0),
    'pane-bottom': () => {
      setTop(maxTop);
      setPinned(true);
      props.onFollowChange?.(true);
    },
    'pane-search': () => {
      promptOpen.current = true;
      setDraft('');
      setPrompting(true);
    },
    'pane-next': () => jump(1),
    'pane-previous': () => jump(-1),
    'pane-wrap': () => setWrap((w) => !w),
    'pane-left': () => setOffset(clamp(offset - sideStep, 0, maxLeft)),
    'pane-right': () => setOffset(clamp(offset + sideStep, 0, maxLeft)),
    'pane-close': props.onClose,
  };
  const onCopy = props.onCopy;
  if (onCopy) {
    paneActions['pane-copy'] = () => {
      const match = query !== '' ? matches[current] : undefined;
      onCopy(paneCopyText(plain.slice(top, top + visible), match && plain[match.line]), match !== undefined);
    };
  }
  useKeyActions(
    props.scope ?? 'pane',
    { ...paneActions, ...props.actions },
    {
      isActive: props.active && !prompting,
      gate: () => !promptOpen.current,
    },
  );

  const onDraft = (text: string): void => {
    setDraft(text);
    // Incremental search: show the first match from where the view was as the query grows.
    const found = findMatches(plain, text);
    const i = firstMatchFrom(found, top);
    setCurrent(i);
    reveal(found[i]);
  };
  const finishPrompt = (): void => {
    promptOpen.current = false;
    setPrompting(false);
  };

  const byLine = useMemo(() => groupByLine(matches), [matches]);
  const rows: ReactElement[] = [];
  for (let i = top; i < top + visible; i++) {
    const lineMatches = byLine.get(i);
    const ranges: MarkRange[] = (lineMatches ?? []).map(({ index, match }) => ({ start: match.start, end: match.end, current: index === current }));
    const text = ranges.length > 0 ? markRanges(safe[i]!, ranges, theme.colour) : safe[i]!;
    // Each piece is at most the width already: Ink neither wraps nor cuts it again.
    const pieces = wrap ? wrapCells(text, width) : [sliceCells(text, offset, width, '…')];
    pieces.forEach((piece, j) =>
      rows.push(
        <Text key={`${i}.${j}`} wrap="truncate-end">
          {piece === '' ? ' ' : piece}
        </Text>,
      ),
    );
  }

  const position = plain.length === 0 ? '' : `${top + 1}-${top + visible}/${plain.length}`;
  const sideways = wrap ? 'wrap on' : maxLeft > 0 ? `wrap off · col ${offset + 1}-${offset + width} of ${maxLeft + width} · h/l scroll` : 'wrap off';
  return (
    <Box flexDirection="column" width={width} height={props.height}>
      <TitleLine width={width} title={props.title} status={props.status} position={position} />
      <Box flexDirection="column" height={bodyRows} overflow="hidden">
        {plain.length === 0 ? <Text color={theme.tone.muted}>{props.empty ?? ''}</Text> : rows}
      </Box>
      {prompting ? (
        <PromptBar
          mode="/"
          width={width}
          active={props.active}
          onChange={onDraft}
          onSubmit={(text) => {
            finishPrompt();
            setQuery(text);
            if (text === '') setCurrent(-1);
          }}
          onCancel={() => {
            finishPrompt();
            setCurrent(-1);
          }}
        />
      ) : (
        <Footer width={width} query={query} count={matches.length} current={current} note={props.footer} sideways={sideways} />
      )}
    </Box>
  );
}

function groupByLine(matches: readonly TextMatch[]): Map<number, { index: number; match: TextMatch }[]> {
  const out = new Map<number, { index: number; match: TextMatch }[]>();
  matches.forEach((match, index) => {
    const list = out.get(match.line);
    if (list) list.push({ index, match });
    else out.set(match.line, [{ index, match }]);
  });
  return out;
}
