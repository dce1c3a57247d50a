/**
 * Keys typed after ':' or '/' in the same key event, or before the prompt is drawn: the explorer's
 * always-on listener holds them; the prompt takes them once when it mounts.
 */
import { useKeyInput } from '../keys/key-dispatch.tsx';
import { useRef } from 'react';
import type { EarlyKey } from '../components/prompt-bar.tsx';

/** What the explorer tells and asks: a prompt opens or closes; the prompt takes what was typed. */
export interface EarlyPromptKeys {
  /** Call when dispatching a prompt change (undefined closes it). */
  promptChanged(prompt: string | undefined): void;
  /** The held keys, once; nothing is held afterwards until the next prompt opens. */
  take: () => readonly EarlyKey[];
}

/** Subscribes the explorer's always-on input listener and holds keys for an opening prompt. */
export function useEarlyPromptKeys(): EarlyPromptKeys {
  // undefined while no prompt is opening.
  const held = useRef<EarlyKey[] | undefined>(undefined);
  // True during the key event that opened the prompt (every listener sees that event too).
  const openingEvent = useRef(false);
  // The key event this listener saw last, for one microtask: listeners run in the order they
  // subscribed, and a table that remounted (after `:deploy`) subscribes after this one, so the
  // event that opens a prompt may already have passed here when promptChanged runs.
  const seen = useRef<EarlyKey | undefined>(undefined);
  useKeyInput((input, key) => {
    const early = held.current;
    if (!early) {
      seen.current = { input, key };
      queueMicrotask(() => {
        seen.current = undefined;
      });
      return;
    }
    if (!openingEvent.current) early.push({ input, key });
    // ':ns shop' arriving as one chunk (a paste, a fast typist on a slow machine): the rest is for the prompt.
    else if (isPastedPrompt(input)) early.push({ input: input.slice(1), key });
  });
  return {
    promptChanged(prompt) {
      held.current = prompt ? [] : undefined;
      openingEvent.current = true;
      const opening = seen.current;
      seen.current = undefined;
      if (prompt && opening && isPastedPrompt(opening.input)) held.current!.push({ input: opening.input.slice(1), key: opening.key });
      // Listeners of one key event run in one go; the next event comes after this microtask.
      queueMicrotask(() => {
        openingEvent.current = false;
      });
    },
    take() {
      const early = held.current ?? [];
      held.current = undefined;
      return early;
    },
  };
}

/** A chunk that opens a prompt and carries more: the rest is the prompt's text. */
function isPastedPrompt(input: string): boolean {
  return input.length > 1 && (input[0] === ':' || input[0] === '/');
}
