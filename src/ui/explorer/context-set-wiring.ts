/**
 * How a view of several contexts plugs into the explorer: the table's keys act through the row's
 * own context (multi-context-actions.ts), a pane opened over it gets that row's context's
 * session, cache, streams and write gate, contexts marked in `:ctx` open the view in them, and the
 * hints bar hides only what holds for every context.
 * A view of one context passes through untouched.
 */
import { rowOrigin, untagUid } from '../../explorer/multi-context.ts';
import { viewOf, type ViewEntry } from '../../explorer/view-entry.ts';
import { isTriage } from '../../explorer/triage/triage-view.ts';
import type { Row } from '../../kinds/types.ts';
import type { WriteGate } from '../../kube/access/write-gate.ts';
import type { DiscoveryResult } from '../../kube/discovery.ts';
import type { ContextInfo } from '../../kube/kubeconfig.ts';
import type { KubeSession } from '../../kube/session.ts';
import type { ObjectCache } from '../../store/object-cache.ts';
import type { WatchManager } from '../../store/watch-manager.ts';
import type { ViewActionId } from '../views/resource-view.tsx';
import type { ContextSet } from './context-set.ts';
import type { ExplorerAction } from './explorer-state.ts';
import { multiContextAction, type MultiContextActionContext } from './multi-context-actions.ts';

type OnAction = (id: ViewActionId, row: Row | undefined, marked?: readonly Row[]) => void;

/** What a pane acts with. */
export interface PaneServices {
  session: KubeSession;
  cache: ObjectCache;
  watches: WatchManager;
  gate: WriteGate;
}

/** The explorer's parts the wiring needs. */
export interface ContextSetWiringInput extends Omit<MultiContextActionContext, 'sessionOf'> {
  contextSet: ContextSet | undefined;
  /** The one-context handler (use-object-actions.ts). */
  onOwnAction: OnAction;
  /** A pane is open over the view. */
  paneOpen: boolean;
  own: PaneServices;
  switchContext: (name: string) => void;
  /** What the hints bar hides on one context: its read-only setting's keys, the keys RBAC denies there. */
  ownHints: KeyHints;
  /** --readonly (every context). */
  readonlyFlag: boolean;
  /** The kubeconfig's contexts (a row's context, for a plugin's $CONTEXT, $CLUSTER and $USER). */
  contexts: () => readonly ContextInfo[];
}

/** The context a row belongs to, the row as its own cluster has it, and that context's gate. */
export interface RowContext {
  context: ContextInfo;
  row: Row;
  gate: WriteGate;
}

/** Which keys the hints bar leaves out. */
export interface KeyHints {
  readonly: boolean;
  denied: ReadonlySet<string>;
}

// A view of several contexts hides no key for RBAC: each row's context answers when its key is pressed.
const noneDenied: ReadonlySet<string> = new Set();

/** The table's action handler, the pane's services, and what enter on marked contexts in `:ctx` does. */
export function contextSetWiring(input: ContextSetWiringInput): {
  onAction: OnAction;
  paneServices: PaneServices;
  showContexts: (names: readonly string[]) => void;
  hints: KeyHints;
  rowContext: (row: Row) => RowContext;
} {
  const { contextSet, entry } = input;
  const onAction: OnAction = (id, row, marked) =>
    contextSet ? multiContextAction(id, row, { ...input, sessionOf: (context) => contextSet.member(context)?.session }, marked) : input.onOwnAction(id, row, marked);
  // A pane over a multi-context view acts on its row's context: that context's session, cache and write gate.
  const paneMember = input.paneOpen && contextSet ? contextSet.member(untagUid(entry.cursorUid)?.context ?? '') : undefined;
  const paneServices =
    paneMember?.session && paneMember.watches ? { session: paneMember.session, cache: paneMember.cache, watches: paneMember.watches, gate: input.gateFor(paneMember.context) } : input.own;
  const showContexts = (names: readonly string[]): void => {
    input.dispatch({ type: 'pane', pane: undefined } satisfies ExplorerAction);
    // One marked context is a switch; several show this view's resource in each (triage reads one cluster: pods then).
    if (names.length === 1) return input.switchContext(names[0]!);
    const resource = isTriage(entry) ? podsOf(input.discovery) : entry.resource;
    if (resource) input.visit({ ...viewOf(resource, entry.namespace, { filter: entry.filter, namespaces: entry.namespaces }), contexts: names, cursorUid: undefined } satisfies ViewEntry, undefined);
  };
  // Hints of several contexts: only --readonly hides keys everywhere (a context's own read-only refuses at the key).
  const hints = contextSet ? { readonly: input.readonlyFlag, denied: noneDenied } : input.ownHints;
  // A row of several contexts belongs to its own (plugins run against it); any other row to the session's.
  const rowContext = (row: Row): RowContext => {
    const origin = contextSet ? rowOrigin(row) : undefined;
    const info = origin && input.contexts().find((c) => c.name === origin.context);
    return origin && info ? { context: info, row: origin.row, gate: input.gateFor(origin.context) } : { context: input.own.session.context, row, gate: input.own.gate };
  };
  return { onAction, paneServices, showContexts, hints, rowContext };
}

function podsOf(discovery: DiscoveryResult | undefined): ViewEntry['resource'] | undefined {
  return discovery?.resources.find((r) => r.group === '' && r.plural === 'pods');
}
