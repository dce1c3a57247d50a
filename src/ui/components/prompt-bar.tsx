/**
 * The `:` / `/` input line: the typed text with a cursor, the best completion dimmed after the
 * cursor (Tab or → at the end accepts it), and an error sentence after the text. Editing keys:
 * ←/→, Home/End (Ctrl+A/E), Backspace, Delete, Ctrl+U (clear to start), Ctrl+W (word back).
 */
import { Box, Text, type Key } from 'ink';
import { useKeyInput } from '../keys/key-dispatch.tsx';
import { useLayoutEffect, useRef, useState, type ReactElement } from 'react';
import { useTheme } from '../theme-context.tsx';

/** The text being edited and the cursor position in it (0..text.length). */
export interface PromptState {
  text: string;
  cursor: number;
}

/** Completion as the prompt needs it (see commands/complete-command.ts). */
export interface PromptCompletion {
  /** What Tab puts in the prompt, or undefined. */
  completed: string | undefined;
  /** Dimmed text shown after the cursor when it is at the end. */
  hint: string;
}

/** Props of PromptBar. */
export interface PromptBarProps {
  /** ':' for commands, '/' for filters and search, '&' for the logs filter. */
  mode: ':' | '/' | '&';
  width: number;
  /** Text to start with (e.g. the active filter when it is edited again). */
  initialText?: string;
  /** Completion for the text; called on each render while typing. */
  complete?: (text: string) => PromptCompletion;
  /** A live check of the text (e.g. a bad label selector): one sentence, or undefined when fine. */
  validate?: (text: string) => string | undefined;
  /** An error from the last submit (e.g. an unknown command); the parent clears it in onChange. */
  error?: string | undefined;
  onChange?: (text: string) => void;
  onSubmit: (text: string) => void;
  onCancel: () => void;
  /** Whether the prompt takes keys (default true). */
  active?: boolean;
  /**
   * Keys typed after the prompt was asked for but before it was on screen to listen (Ink attaches
   * a component's input handler only after it is drawn): taken once, when the prompt mounts.
   */
  takeEarlyKeys?: () => readonly EarlyKey[];
}

/** A key press held for a prompt that was not listening yet. */
export interface EarlyKey {
  input: string;
  key: Key;
}

/** What a key does to the prompt: a new state, submit, cancel, accept completion, or nothing. */
export type PromptAction = { kind: 'edit'; state: PromptState } | { kind: 'submit' } | { kind: 'cancel' } | { kind: 'complete' } | { kind: 'none' };

/** Pure key handling, so editing is testable without a terminal. */
export function promptKey(state: PromptState, input: string, key: Key): PromptAction {
  const { text, cursor } = state;
  const edit = (next: string, at: number): PromptAction => ({ kind: 'edit', state: { text: next, cursor: at } });
  if (key.return) return { kind: 'submit' };
  if (key.escape) return { kind: 'cancel' };
  if (key.tab) return { kind: 'complete' };
  if (key.rightArrow) return cursor < text.length ? edit(text, cursor + 1) : { kind: 'complete' };
  if (key.leftArrow) return edit(text, Math.max(0, cursor - 1));
  if (key.home || (key.ctrl && input === 'a')) return edit(text, 0);
  if (key.end || (key.ctrl && input === 'e')) return edit(text, text.length);
  if (key.ctrl && input === 'u') return edit(text.slice(cursor), 0);
  if (key.ctrl && input === 'w') {
    const start = text.slice(0, cursor).replace(/\S+\s*$/, '').length;
    return edit(text.slice(0, start) + text.slice(cursor), start);
  }
  // Some terminals send Delete for the Backspace key: at the end of the text it deletes backwards.
  if (key.delete && cursor < text.length) return edit(text.slice(0, cursor) + text.slice(cursor + 1), cursor);
  if (key.backspace || key.delete) {
    return cursor === 0 ? { kind: 'none' } : edit(text.slice(0, cursor - 1) + text.slice(cursor), cursor - 1);
  }
  if (key.ctrl || key.meta || input === '' || /[\x00-\x1f\x7f]/.test(input)) return { kind: 'none' };
  return edit(text.slice(0, cursor) + input + text.slice(cursor), cursor + input.length);
}

/** Control characters a chunk of fast typing may carry, and the key each one is. */
const chunkControls: Record<string, Partial<Key>> = { '\r': { return: true }, '\t': { tab: true }, '\x7f': { backspace: true } };

/**
 * A chunk of typing as separate presses: 'deploy\r' (a fast typist, tmux, a paste) is the text
 * and then Enter. Without this the control character made the whole chunk count as nothing.
 */
export function pressesOfChunk(input: string, key: Key): EarlyKey[] {
  if (input.length <= 1 || ![...input].some((ch) => ch in chunkControls)) return [{ input, key }];
  const presses: EarlyKey[] = [];
  let text = '';
  for (const ch of input) {
    const control = chunkControls[ch];
    if (!control) {
      text += ch;
      continue;
    }
    if (text) presses.push({ input: text, key });
    text = '';
    presses.push({ input: '', key: { ...key, ...control } });
  }
  if (text) presses.push({ input: text, key });
  return presses;
}

/** An input line for `:` commands and `/` filters; the parent decides what Enter means. */
export function PromptBar(props: PromptBarProps): ReactElement {
  const initial = props.initialText ?? '';
  const [state, setState] = useState<PromptState>({ text: initial, cursor: initial.length });
  // Keys can arrive faster than renders: the handler works on the latest state, not the rendered one.
  const latest = useRef(state);
  const completionOf = (text: string): PromptCompletion | undefined => (props.complete && text !== '' ? props.complete(text) : undefined);
  const completion = completionOf(state.text);

  const change = (next: PromptState): void => {
    const changed = next.text !== latest.current.text;
    latest.current = next;
    setState(next);
    if (changed) props.onChange?.(next.text);
  };

  const handle = (input: string, key: Key): void => {
    const current = latest.current;
    const action = promptKey(current, input, key);
    switch (action.kind) {
      case 'edit':
        change(action.state);
        return;
      case 'submit':
        props.onSubmit(current.text);
        return;
      case 'cancel':
        props.onCancel();
        return;
      case 'complete': {
        const done = completionOf(current.text)?.completed;
        if (done !== undefined && done !== current.text) change({ text: done, cursor: done.length });
        return;
      }
      case 'none':
        return;
      default: {
        const never: never = action;
        return never;
      }
    }
  };
  const handleChunk = (input: string, key: Key): void => {
    for (const press of pressesOfChunk(input, key)) {
      handle(press.input, press.key);
      // Enter or Esc hands the focus back: the rest of the chunk is not the prompt's to take.
      if (press.key.return || press.key.escape) return;
    }
  };
  useKeyInput(handleChunk, { isActive: props.active ?? true });
  // Runs in the same commit as useKeyInput's subscription (both layout effects): no key can fall
  // between the two.
  useLayoutEffect(() => {
    for (const early of props.takeEarlyKeys?.() ?? []) handleChunk(early.input, early.key);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount: the keys typed before the prompt mounted
  }, []);

  const error = props.error ?? props.validate?.(state.text);
  return <PromptLine {...props} state={state} hint={completion?.hint ?? ''} error={error} />;
}

/** The drawn line: prefix, text, cursor (inverse), dimmed hint, and the error sentence. */
export function PromptLine(props: { mode: ':' | '/' | '&'; width: number; state: PromptState; hint: string; error?: string | undefined }): ReactElement {
  const { mode, state, hint, error } = props;
  const theme = useTheme();
  const before = state.text.slice(0, state.cursor);
  const atEnd = state.cursor >= state.text.length;
  // The cursor sits on the next character: the hint's first letter at the end, else the text's.
  const under = atEnd ? (hint[0] ?? ' ') : state.text[state.cursor]!;
  const after = atEnd ? hint.slice(1) : state.text.slice(state.cursor + 1);
  return (
    <Box width={props.width}>
      <Text wrap="truncate">
        <Text color={theme.tone.info}>{mode}</Text>
        {before}
        <Text inverse dimColor={atEnd && hint !== ''}>
          {under}
        </Text>
        {atEnd ? <Text dimColor>{after}</Text> : after}
        {error ? <Text color={theme.flash.error}>{`  ${error}`}</Text> : null}
      </Text>
    </Box>
  );
}
