/**
 * The keymap reaches views through React context, and useKeyActions turns key presses into the
 * actions a view handles. Views never compare raw input: they name actions, the table decides keys.
 */
import type { Key } from 'ink';
import { createContext, useContext, useRef, type ReactElement, type ReactNode } from 'react';
import type { ActionId, Capability, KeyScope } from '../../keys/actions.ts';
import { keyName } from '../../keys/key-name.ts';
import { defaultKeymap, type Keymap } from '../../keys/keymap.ts';
import { KeyDispatchRoot, useKeyInput } from './key-dispatch.tsx';

const KeymapContext = createContext<Keymap>(defaultKeymap);

/** Provides `keymap` to everything below, and the app's one key listener (key-dispatch.tsx). */
export function KeymapProvider(props: { keymap: Keymap; children: ReactNode }): ReactElement {
  return (
    <KeyDispatchRoot>
      <KeymapContext.Provider value={props.keymap}>{props.children}</KeymapContext.Provider>
    </KeyDispatchRoot>
  );
}

const GlobalActionsContext = createContext<ActionHandlers>({});

/**
 * Provides the handlers of global actions (`:`, `?`, …) to every view and pane below: a pane that
 * does not handle a global key itself still answers it, as its hints promise.
 */
export function GlobalActionsProvider(props: { handlers: ActionHandlers; children: ReactNode }): ReactElement {
  return <GlobalActionsContext.Provider value={props.handlers}>{props.children}</GlobalActionsContext.Provider>;
}

/** The keymap in use. */
export function useKeymap(): Keymap {
  return useContext(KeymapContext);
}

/** Handlers by action id; an action with no handler here is not offered by this view. */
export type ActionHandlers = Partial<Record<ActionId, () => void>>;

/**
 * Calls the handler of the action each key press triggers in `scope`. Keys typed faster than a
 * frame arrive as one chunk ('jjj'): each character counts as a press while they only move;
 * the first other action ends the chunk. `onOtherKey` sees presses no action took.
 */
export function useKeyActions(
  scope: KeyScope,
  handlers: ActionHandlers,
  opts: {
    isActive: boolean;
    capabilities?: ReadonlySet<Capability>;
    onOtherKey?: (name: string) => void;
    /**
     * Checked before each press: false once an earlier press moved the focus elsewhere (a
     * prompt opened) but the view has not re-rendered yet, so later keys do not fire here.
     */
    gate?: () => boolean;
    /** Offered each press first: true when the user's hotkey or plugin on it ran (tables: keymap.userBinding). */
    userKey?: (name: string) => boolean;
    /** Questions that change the cluster: keys typed before they were on screen are ignored (key-dispatch.tsx). */
    refuseTypeAhead?: boolean;
  },
): void {
  const keymap = useKeymap();
  const globals = useContext(GlobalActionsContext);
  // The latest handlers without re-subscribing to stdin on every render; the view's own first.
  const latest = useRef({ handlers, opts });
  latest.current = { handlers: { ...globals, ...handlers }, opts };
  useKeyInput(
    (input, key) => {
      const names = pressesOf(input, key);
      for (const name of names) {
        const { handlers: h, opts: o } = latest.current;
        if (o.gate && !o.gate()) return;
        // A user's key is free here or took the key with override: true (user-bindings.ts); it may open a pane.
        if (o.userKey?.(name)) return;
        const spec = keymap.resolve(scope, name, {
          ...(o.capabilities ? { capabilities: o.capabilities } : {}),
          available: (id) => h[id] !== undefined,
        });
        if (spec) {
          h[spec.id]!();
          // After an action that may move the focus (a prompt, a pane, a dialog), the rest of
          // the chunk is not meant for this view: drop it rather than fire more actions.
          if (!repeatable.has(spec.id)) return;
        } else o.onOtherKey?.(name);
      }
    },
    { isActive: opts.isActive, refuseTypeAhead: opts.refuseTypeAhead },
  );
}

/** Actions a held key or a burst of presses may repeat within one chunk. */
const repeatable = new Set(['up', 'down', 'page-up', 'page-down', 'pane-up', 'pane-down', 'pane-page-up', 'pane-page-down', 'pane-next', 'pane-previous', 'mark', 'mark-range']);

/** Control characters a chunk of fast typing may carry, by key name. */
const chunkControls: Record<string, string> = { '\r': 'enter', '\t': 'tab', '\x7f': 'backspace', '\x00': 'ctrl-space', '\x1c': 'ctrl-\\' };

function pressesOf(input: string, key: Key): string[] {
  const one = keyName(input, key);
  if (one !== undefined) return [one];
  if (key.ctrl || key.meta || input.length < 2) return [];
  // A chunk ('jj', 'y\r', '\rn'): printable characters and enter/tab/backspace, one press each.
  // Anything else (escape sequences, other control keys) is not split: better no action than a wrong one.
  const presses: string[] = [];
  for (const ch of input) {
    const control = chunkControls[ch];
    if (control) presses.push(control);
    else if (/[\x00-\x1f\x7f]/.test(ch)) return [];
    else presses.push(ch === ' ' ? 'space' : ch);
  }
  return presses;
}
