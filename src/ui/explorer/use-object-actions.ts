/**
 * What the table's keys do to the selected object, as a typed map: an object action without a
 * handler does not compile. Every action first passes the one write gate (read-only mode) and
 * RBAC, both derived from the action's declared access (keys/actions.ts).
 */
import { useApp } from 'ink';
import { useMemo } from 'react';
import type { ViewEntry } from '../../explorer/view-entry.ts';
import type { Row } from '../../kinds/types.ts';
import { AccessReviewer, questionFor } from '../../kube/access/access-review.ts';
import type { WriteGate } from '../../kube/access/write-gate.ts';
import type { DiscoveryResult } from '../../kube/discovery.ts';
import type { KubeSession } from '../../kube/session.ts';
import type { Flash } from '../components/status-line.tsx';
import { useKeymap } from '../keys/keymap-context.tsx';
import type { ObjectTarget } from '../panes/pane-types.ts';
import type { ViewActionId } from '../views/resource-view.tsx';
import type { ExplorerAction, PaneState } from './explorer-state.ts';
import { rowActionsFor, shellFor, targetOfRow, type RowActionDeps } from './object-row-actions.ts';
import { useDeniedActions } from './use-denied-actions.ts';

/** What the object actions need from the explorer. */
export interface ObjectActionContext {
  session: KubeSession;
  gate: WriteGate;
  entry: ViewEntry;
  /** The explorer's current namespace (a CRD's resources open in it). */
  namespace: string | undefined;
  discovery: DiscoveryResult | undefined;
  dispatch: (action: ExplorerAction) => void;
  visit: (next: ViewEntry, from: string | undefined) => void;
  switchNamespace: (namespace: string | undefined) => void;
  say: (text: string, level?: Flash['level']) => void;
}

/** The handler the table calls with an action id and the row it acted on, and the ids RBAC denies. */
export function useObjectActions(ctx: ObjectActionContext): {
  onAction: (id: ViewActionId, row: Row | undefined, marked?: readonly Row[]) => void;
  denied: ReadonlySet<string>;
  onContainerPicked: (purpose: 'shell', target: ObjectTarget, container: string) => void;
} {
  const { session, gate, entry, dispatch, say } = ctx;
  const app = useApp();
  const keymap = useKeymap();
  // One reviewer per session's client: answers belong to one identity on one cluster.
  const reviewer = useMemo(() => new AccessReviewer(session.client), [session.client]);
  const denied = useDeniedActions(reviewer, entry.resource, entry.namespace);

  // The row the key acted on is what the table comes back to when the pane closes.
  const openPane = (row: Row, pane: PaneState): void => dispatch({ type: 'pane', pane, cursorUid: row.uid });
  const deps: RowActionDeps = {
    session,
    gate,
    entry,
    namespace: ctx.namespace,
    discovery: ctx.discovery,
    openPane,
    visit: (next, row) => ctx.visit(next, row.uid),
    switchNamespace: ctx.switchNamespace,
    say,
    suspend: (work) => app.suspendTerminal(work),
  };
  const rowActions = rowActionsFor(deps);

  const onAction = (id: ViewActionId, row: Row | undefined, marked?: readonly Row[]): void => {
    if (id === 'filter') return dispatch({ type: 'prompt', prompt: '/' });
    const spec = keymap.action(id);
    const refused = spec?.mutates ? gate.refusal(spec.label) : undefined;
    if (refused) return say(refused);
    if (denied.has(id)) {
      const q = questionFor(spec && 'access' in spec ? spec.access : undefined, entry.resource, entry.namespace);
      return say(`You may not ${spec?.label ?? id} ${q?.resource.plural ?? entry.resource.plural}${entry.namespace ? ` in namespace ${entry.namespace}` : ''} (RBAC)`, 'error');
    }
    if (!row) return say(`No ${entry.resource.singular || entry.resource.plural} selected`);
    // With marks, delete, kill and restart act on every marked object (bulk-action-pane.tsx).
    if (marked && marked.length > 0 && (id === 'delete' || id === 'kill' || id === 'restart')) {
      return openPane(row, { kind: 'bulk', action: id, targets: [...new Map(marked.map((r) => [r.uid, targetOfRow(r, deps)])).values()] });
    }
    rowActions[id](row);
  };
  const onContainerPicked = (purpose: 'shell', target: ObjectTarget, container: string): void => {
    if (purpose === 'shell') shellFor(deps, { namespace: target.namespace, pod: target.name, container });
  };
  return { onAction, denied, onContainerPicked };
}
