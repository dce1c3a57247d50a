/**
 * The explorer's navigation state as a reducer: a browser-like history of views, the current
 * namespace, and the open pane. Pure, so navigation is testable without a terminal.
 */
import { canGoBack, currentEntry, goBack, goForward, pushHistory, type NavHistory } from '../../explorer/nav-history.ts';
import { sameView, type SortState, type ViewEntry } from '../../explorer/view-entry.ts';
import type { ObjectTarget } from '../panes/pane-types.ts';
import type { PluginBinding } from '../../keys/user-binding.ts';

/** What covers the table, if anything. */
export type PaneState =
  | { kind: 'help' }
  | { kind: 'contexts' }
  | { kind: 'tree'; uid: string }
  | { kind: 'forwards' }
  /** `:changes`: the changes seen on the watches. */
  | { kind: 'changes' }
  /** `:helm`: the Helm releases of one namespace, or of all when undefined. */
  | { kind: 'helm'; namespace: string | undefined }
  | { kind: 'describe' | 'yaml' | 'scale' | 'set-image' | 'port-forward' | 'history' | 'drain'; target: ObjectTarget }
  /** Logs of the target; of one container when `container` is set (from a container's row). */
  | { kind: 'logs' | 'logs-previous'; target: ObjectTarget; container?: string | undefined }
  /** Which container of the target pod an action (a shell) goes into; `initial` is kubectl's default. */
  | { kind: 'pick-container'; purpose: 'shell'; target: ObjectTarget; containers: readonly string[]; initial: number }
  | { kind: 'confirm'; action: 'delete' | 'kill' | 'restart' | 'suspend' | 'cordon' | 'uncordon' | 'trigger'; target: ObjectTarget }
  /** A plugin with `confirm: true`, asking before it runs its command line (args already substituted). */
  | { kind: 'confirm-plugin'; plugin: PluginBinding; args: readonly string[] }
  /** Delete, kill or restart every marked object (one confirmation, then each object's result). */
  | { kind: 'bulk'; action: 'delete' | 'kill' | 'restart'; targets: readonly ObjectTarget[] };

export interface ExplorerState {
  history: NavHistory<ViewEntry>;
  /** The namespace new views open in; undefined = all namespaces. */
  namespace: string | undefined;
  pane: PaneState | undefined;
  /** The prompt at the bottom, if open. */
  prompt: ':' | '/' | undefined;
}

export type ExplorerAction =
  | { type: 'visit'; entry: ViewEntry; cursorUid: string | undefined }
  | { type: 'back' }
  /** k9s's `-`: the previous view becomes a new step, so doing it again returns. */
  | { type: 'last-view' }
  | { type: 'forward' }
  | { type: 'filter'; text: string }
  | { type: 'sort'; sort: SortState }
  | { type: 'namespace'; namespace: string | undefined }
  /** Opening a pane remembers the selected object, so the table comes back on it when the pane closes. */
  | { type: 'pane'; pane: PaneState | undefined; cursorUid?: string | undefined }
  | { type: 'prompt'; prompt: ':' | '/' | undefined }
  | { type: 'reset'; entry: ViewEntry; namespace: string | undefined };

/** The initial state showing `entry`. */
export function initialState(entry: ViewEntry, namespace: string | undefined): ExplorerState {
  return { history: pushHistory({ entries: [], index: -1 }, entry), namespace, pane: undefined, prompt: undefined };
}

/** The view on screen. */
export function currentView(state: ExplorerState): ViewEntry {
  return currentEntry(state.history)!;
}

/** Replaces the current entry (filter, sort, cursor) without a new history step. */
function updateCurrent(state: ExplorerState, change: Partial<ViewEntry>): ExplorerState {
  const { entries, index } = state.history;
  const next = entries.slice();
  next[index] = { ...entries[index]!, ...change };
  return { ...state, history: { entries: next, index } };
}

/** The reducer. */
export function explorerReducer(state: ExplorerState, action: ExplorerAction): ExplorerState {
  switch (action.type) {
    case 'visit': {
      // Remember where the cursor was, so going back lands on the same object.
      const saved = updateCurrent(state, { cursorUid: action.cursorUid });
      if (sameView(currentView(saved), action.entry)) {
        // `:po /web` on the pods view already shown filters it.
        const filtered = action.entry.filter !== '' ? updateCurrent(saved, { filter: action.entry.filter }) : saved;
        return { ...filtered, pane: undefined, prompt: undefined };
      }
      return { ...saved, history: pushHistory(saved.history, action.entry, { same: sameView }), pane: undefined, prompt: undefined };
    }
    case 'back':
      return canGoBack(state.history) ? { ...state, history: goBack(state.history), pane: undefined } : state;
    case 'last-view': {
      const { entries, index } = state.history;
      if (!canGoBack(state.history)) return state;
      return { ...state, history: pushHistory(state.history, entries[index - 1]!, { same: sameView }), pane: undefined };
    }
    case 'forward':
      return { ...state, history: goForward(state.history), pane: undefined };
    case 'filter':
      return updateCurrent(state, { filter: action.text });
    case 'sort':
      return updateCurrent(state, { sort: action.sort });
    case 'namespace':
      return { ...state, namespace: action.namespace };
    case 'pane': {
      const saved = action.pane && action.cursorUid !== undefined ? updateCurrent(state, { cursorUid: action.cursorUid }) : state;
      return { ...saved, pane: action.pane, prompt: undefined };
    }
    case 'prompt':
      return { ...state, prompt: action.prompt };
    case 'reset':
      return initialState(action.entry, action.namespace);
    default: {
      const never: never = action;
      return never;
    }
  }
}
