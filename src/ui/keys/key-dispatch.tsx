/**
 * One listener on Ink's input for the whole app, handing each key to the handlers of the views,
 * panes and prompts on screen, in the order they appeared.
 *
 * Why not Ink's useInput in each component: Ink emits every key event of a chunk read from the
 * terminal in one synchronous loop, before React renders what the first of them changed, and
 * useInput subscribes and unsubscribes in passive effects, which run some time after that render.
 * So a key right behind the one that switched the view (`:deploy⏎` then `j`, a paste, a fast
 * typist on a slow machine) reached the old view's handler, now unmounted, and was lost; and a
 * prompt that had just closed still saw keys. Here each key event waits for the render of the one
 * before it, and handlers join and leave in layout effects, inside that render's commit: every key
 * finds the screen's handlers as the user sees them.
 */
import { useInput, type Key } from 'ink';
import { createContext, useContext, useLayoutEffect, useMemo, useRef, type ReactElement, type ReactNode } from 'react';

/** What Ink's useInput passes: the text of the key event and its key flags. */
export type KeyInputHandler = (input: string, key: Key) => void;

interface Entry {
  readonly handler: { current: KeyInputHandler };
  readonly refuseTypeAhead: boolean;
  /** When it joined, counted in joins: a key that arrived before has a smaller count. */
  readonly joined: number;
  removed: boolean;
}

/** A key event and how many handlers had joined when it arrived. */
type Waiting = [input: string, key: Key, joinsBefore: number];

interface KeyDispatcher {
  add(handler: { current: KeyInputHandler }, refuseTypeAhead: boolean): () => void;
  emit(input: string, key: Key): void;
}

function createKeyDispatcher(): KeyDispatcher {
  const entries: Entry[] = [];
  const waiting: Waiting[] = [];
  let joins = 0;
  let delivering = false;
  const deliver = (input: string, key: Key, joinsBefore: number): void => {
    // Handlers that join during this event (a view it opened) wait for the next one, as with
    // an EventEmitter; handlers that left during it (the view it closed) are not called.
    for (const entry of [...entries]) {
      if (entry.removed) continue;
      // Typed ahead: the key was read from the terminal before this handler was on screen.
      if (entry.refuseTypeAhead && entry.joined > joinsBefore) continue;
      entry.handler.current(input, key);
    }
  };
  const deliverWaiting = (): void => {
    const next = waiting.shift();
    if (!next) {
      delivering = false;
      return;
    }
    try {
      deliver(...next);
    } finally {
      // React renders what a key changed either in a microtask its setState queued (inside Ink's
      // discrete updates) or in a setImmediate that microtask queues (outside them): this comes
      // after both, so the next key meets the screen that key made, and its handlers.
      queueMicrotask(() => setImmediate(deliverWaiting));
    }
  };
  return {
    add(handler, refuseTypeAhead) {
      const entry: Entry = { handler, refuseTypeAhead, joined: ++joins, removed: false };
      entries.push(entry);
      return () => {
        entry.removed = true;
        entries.splice(entries.indexOf(entry), 1);
      };
    },
    emit(input, key) {
      waiting.push([input, key, joins]);
      if (delivering) return;
      delivering = true;
      deliverWaiting();
    },
  };
}

const KeyDispatchContext = createContext<KeyDispatcher | undefined>(undefined);

/**
 * Subscribes the app's one listener (the outermost of these does; nested ones share it). It stays
 * subscribed for the app's life, which also keeps the terminal in raw mode while the focus moves.
 */
export function KeyDispatchRoot(props: { children: ReactNode }): ReactElement {
  const outer = useContext(KeyDispatchContext);
  const dispatcher = useMemo(() => outer ?? createKeyDispatcher(), [outer]);
  useInput((input, key) => dispatcher.emit(input, key), { isActive: outer === undefined });
  return <KeyDispatchContext.Provider value={dispatcher}>{props.children}</KeyDispatchContext.Provider>;
}

/** Options of useKeyInput. */
export interface KeyInputOptions {
  isActive?: boolean | undefined;
  /**
   * Ignore keys read from the terminal before this handler was on screen (in the same read as
   * the key that opened it: a fast typist, a laggy connection). For questions and dialogs that
   * change the cluster: `ctrl-d` then `y` (YAML) typed in one go must not answer a delete
   * question the user never saw.
   */
  refuseTypeAhead?: boolean | undefined;
}

/**
 * Ink's useInput, through the app's dispatcher when there is one (see above); without one (a
 * component rendered alone) it is Ink's useInput.
 */
export function useKeyInput(handler: KeyInputHandler, opts: KeyInputOptions = {}): void {
  const dispatcher = useContext(KeyDispatchContext);
  const isActive = opts.isActive ?? true;
  const refuseTypeAhead = opts.refuseTypeAhead === true;
  const latest = useRef(handler);
  latest.current = handler;
  useInput((input, key) => latest.current(input, key), { isActive: isActive && dispatcher === undefined });
  useLayoutEffect(() => {
    if (!dispatcher || !isActive) return undefined;
    return dispatcher.add(latest, refuseTypeAhead);
  }, [dispatcher, isActive, refuseTypeAhead]);
}
