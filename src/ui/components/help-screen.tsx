/**
 * The `?` help screen: every action of the keymap in use, by group, with its keys, the id to
 * write in keys.yaml and its description; the problems found in keys.yaml on top. Generated from
 * the same table as the hints bar and the README, so none of them can drift.
 */
import { Box, Text } from 'ink';
import { useState, type ReactElement } from 'react';
import wrapAnsi from 'wrap-ansi';
import { keyGroups, type ActionSpec } from '../../keys/actions.ts';
import { displayPath } from '../../config/paths.ts';
import { displayKey } from '../../keys/key-name.ts';
import type { Keymap } from '../../keys/keymap.ts';
import type { UserBinding } from '../../keys/user-binding.ts';
import { useKeyActions, useKeymap } from '../keys/keymap-context.tsx';
import { cellWidth, fit } from '../text-fit.ts';
import { commandHelp } from '../../explorer/commands/command-help.ts';
import type { Theme } from '../theme.ts';
import { useTheme } from '../theme-context.tsx';

/** How a piece of a help line reads; the component maps these to theme tokens. */
export type HelpTone = 'title' | 'heading' | 'problem' | 'danger' | 'id' | 'note' | 'plain';

/** A run of text in one tone. */
export interface HelpSegment {
  text: string;
  tone: HelpTone;
}

/** One terminal line of the help screen, never wider than the width it was laid out for. */
export type HelpLine = HelpSegment[];

/** What the help screen shows. */
export interface HelpOptions {
  width: number;
  readonly: boolean;
  problems: readonly string[];
  /** The keys.yaml path kx read (or would read). */
  configPath: string;
}

const marker = '! ';

/** One line's worth of help: a built-in action, a hotkey or a plugin. */
interface HelpRow {
  keys: string;
  id: string;
  description: string;
  /** Changes the cluster (or is a dangerous plugin): marked. */
  danger: boolean;
}
/** Below this many cells for the description the id column goes. */
const minDescription = 24;

/** Word-wraps plain text into lines of at most `width` cells (long words are broken). */
function wrap(text: string, width: number): string[] {
  if (width <= 0) return [''];
  return wrapAnsi(text, width, { hard: true, trim: true }).split('\n');
}

/** The help screen as lines: title, keys.yaml problems, then one section per group. */
export function helpLines(keymap: Keymap, opts: HelpOptions): HelpLine[] {
  const width = Math.max(1, opts.width);
  const shown = keymap.actions.filter((a) => !(opts.readonly && a.mutates));
  const out: HelpLine[] = [];
  const text = (t: string, tone: HelpTone) => out.push(...wrap(t, width).map((l) => [{ text: l, tone }]));

  text(`Keys · ids go in ${displayPath(opts.configPath)} (keys: {describe: D})`, 'title');
  text(opts.readonly ? 'Read-only: actions that change the cluster are hidden.' : `${marker}marks actions that change the cluster.`, 'note');
  if (opts.problems.length > 0) {
    out.push([]);
    text(`${opts.problems.length === 1 ? 'A problem' : `${opts.problems.length} problems`} in your files (kx uses the rest of each):`, 'problem');
    for (const problem of opts.problems) {
      wrap(problem, width - 2).forEach((l, i) => out.push([{ text: `${i === 0 ? '• ' : '  '}${l}`, tone: 'problem' }]));
    }
  }

  // The user's hotkeys and plugins (hotkeys.yaml, plugins.yaml) are listed like the built-in actions, by their names.
  const userShown = keymap.user.filter((b) => !(opts.readonly && b.kind === 'plugin' && b.dangerous));
  const rowsOf = (list: readonly ActionSpec[]): HelpRow[] => list.map((a) => ({ keys: a.keys.map(displayKey).join(' / '), id: a.id, description: a.description, danger: a.mutates }));
  const userRows = (kind: UserBinding['kind']): HelpRow[] =>
    userShown
      .filter((b) => b.kind === kind)
      .map((b) => ({
        keys: displayKey(b.key),
        id: b.name,
        description: b.kind === 'plugin' ? `${b.description} (${b.scopes.join(', ')}: ${b.command}${b.background ? ', in the background' : ''})` : `${b.description} (:${b.command})`,
        danger: b.kind === 'plugin' && b.dangerous,
      }));
  const sections: [string, HelpRow[]][] = [
    ...keyGroups.map((group): [string, HelpRow[]] => [group, rowsOf(shown.filter((a) => a.group === group))]),
    ['Hotkeys', userRows('hotkey')],
    ['Plugins', userRows('plugin')],
  ];
  const all = sections.flatMap(([, rows]) => rows);
  // A quarter of the width at most: a long key list wraps rather than starving the descriptions.
  const keysWidth = Math.min(Math.max(1, ...all.map((r) => cellWidth(r.keys))), Math.max(8, Math.floor(width / 4)));
  const idWidth = Math.max(...all.map((r) => cellWidth(r.id)));
  const rest = width - marker.length - keysWidth - 2;
  const withIds = rest - idWidth - 2 >= minDescription;
  const descWidth = withIds ? rest - idWidth - 2 : rest;

  // The `:` prompt's commands, so ':help lists the commands' holds.
  out.push([], [{ text: fit('Commands (:)', width).trimEnd(), tone: 'heading' }]);
  const usageWidth = Math.min(Math.max(...commandHelp.map((c) => cellWidth(c.usage))), Math.max(8, Math.floor(width / 3)));
  for (const c of commandHelp) {
    const usage = wrap(c.usage, usageWidth);
    const desc = wrap(c.description, Math.max(1, width - marker.length - usageWidth - 2));
    for (let i = 0; i < Math.max(usage.length, desc.length); i++) {
      out.push(
        clip(
          [
            { text: `${' '.repeat(marker.length)}${fit(usage[i] ?? '', usageWidth)}  `, tone: 'plain' },
            { text: desc[i] ?? '', tone: 'plain' },
          ],
          width,
        ),
      );
    }
  }

  for (const [group, rows] of sections) {
    if (rows.length === 0) continue;
    out.push([], [{ text: fit(group, width).trimEnd(), tone: 'heading' }]);
    for (const a of rows) {
      const keys = wrap(a.keys, keysWidth);
      const desc = wrap(a.description, Math.max(1, descWidth));
      for (let i = 0; i < Math.max(keys.length, desc.length); i++) {
        const line: HelpLine = [
          { text: i === 0 && a.danger ? marker : ' '.repeat(marker.length), tone: 'danger' },
          { text: `${fit(keys[i] ?? '', keysWidth)}  `, tone: 'plain' },
        ];
        if (withIds) line.push({ text: `${fit(i === 0 ? a.id : '', idWidth)}  `, tone: 'id' });
        line.push({ text: desc[i] ?? '', tone: a.danger ? 'danger' : 'plain' });
        out.push(clip(line, width));
      }
    }
  }

  return out;
}

/** Cuts a line to `width` cells (only very narrow terminals need it); trailing spaces go. */
function clip(line: HelpLine, width: number): HelpLine {
  const out: HelpLine = [];
  let left = width;
  for (const seg of line) {
    if (left <= 0) break;
    const w = cellWidth(seg.text);
    out.push(w <= left ? seg : { ...seg, text: fit(seg.text, left) });
    left -= Math.min(w, left);
  }
  const last = out[out.length - 1];
  if (last) last.text = last.text.trimEnd();
  return out;
}

/** Props of HelpScreen. */
export interface HelpScreenProps extends HelpOptions {
  height: number;
  onClose: () => void;
  /** False while another part of the screen has the keys; default true. */
  isActive?: boolean;
}

/** The full-pane help; scrolls with the pane keys when taller than `height`, closes on esc, q or ?. */
export function HelpScreen(props: HelpScreenProps): ReactElement {
  const keymap = useKeymap();
  const [top, setTop] = useState(0);
  const lines = helpLines(keymap, props);
  const scrolls = lines.length > props.height;
  const body = scrolls ? Math.max(1, props.height - 1) : lines.length;
  const last = Math.max(0, lines.length - body);
  const first = Math.min(top, last);
  const move = (to: number) => setTop(Math.max(0, Math.min(last, to)));
  const page = Math.max(1, body - 1);
  useKeyActions(
    'pane',
    {
      'pane-up': () => move(first - 1),
      'pane-down': () => move(first + 1),
      'pane-page-up': () => move(first - page),
      'pane-page-down': () => move(first + page),
      'pane-top': () => move(0),
      'pane-bottom': () => move(last),
      'pane-close': props.onClose,
      help: props.onClose,
    },
    { isActive: props.isActive ?? true },
  );
  const tones = toneColours(useTheme());
  const key = (id: string) => displayKey(keymap.keysFor(id)[0] ?? '?');
  const footer = `lines ${first + 1}–${first + body} of ${lines.length} · ${key('pane-down')} ${key('pane-up')} ${key('pane-page-down')} ${key('pane-page-up')} scroll · ${key('pane-close')} closes`;
  return (
    <Box flexDirection="column" width={props.width}>
      {lines.slice(first, first + body).map((line, i) => (
        <Text key={first + i} wrap="truncate">
          {line.length === 0
            ? ' '
            : line.map((seg, j) => (
                <Text key={j} {...tones[seg.tone]}>
                  {seg.text}
                </Text>
              ))}
        </Text>
      ))}
      {scrolls ? (
        <Text wrap="truncate" {...tones.note}>
          {fit(footer, props.width).trimEnd()}
        </Text>
      ) : null}
    </Box>
  );
}

type TextStyle = { color?: string; bold?: boolean; dimColor?: boolean };

/** Theme tokens for each tone; bold stands in for colour where it matters under NO_COLOR. */
function toneColours(theme: Theme): Record<HelpTone, TextStyle> {
  const c = (colour: string | undefined): TextStyle => (colour ? { color: colour } : {});
  return {
    title: { bold: true },
    heading: { ...c(theme.table.heading), bold: true },
    problem: c(theme.tone.error),
    danger: c(theme.tone.warn),
    id: theme.colour ? c(theme.tone.muted) : { dimColor: true },
    note: c(theme.tone.muted),
    plain: {},
  };
}
