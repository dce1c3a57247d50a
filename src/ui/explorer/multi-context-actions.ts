/**
 * What the table's keys do in a view of several contexts: each row acts on its own context, with
 * that context's session, write gate (read-only per context holds) and RBAC, through the same
 * handlers as a view of one context (object-row-actions.ts). A pane opens with the row's context
 * (the explorer reads it from the cursor's uid) and a confirmation names it; jumps and drill-downs
 * keep the set of contexts. Marks act together only when they are all of one context.
 */
import { rowOrigin, taggedUid } from '../../explorer/multi-context.ts';
import type { ViewEntry } from '../../explorer/view-entry.ts';
import type { ActionSpec, ObjectActionId } from '../../keys/actions.ts';
import type { Row } from '../../kinds/types.ts';
import { AccessReviewer, questionFor } from '../../kube/access/access-review.ts';
import type { WriteGate } from '../../kube/access/write-gate.ts';
import type { DiscoveryResult } from '../../kube/discovery.ts';
import type { KubeSession } from '../../kube/session.ts';
import type { Flash } from '../components/status-line.tsx';
import type { ViewActionId } from '../views/resource-view.tsx';
import type { ExplorerAction } from './explorer-state.ts';
import { rowActionsFor, targetOfRow, type RowActionDeps } from './object-row-actions.ts';

/** What the actions need from the explorer. */
export interface MultiContextActionContext {
  entry: ViewEntry;
  /** The explorer's current namespace (drill-downs into a CRD's resources open in it). */
  namespace: string | undefined;
  discovery: DiscoveryResult | undefined;
  dispatch: (action: ExplorerAction) => void;
  visit: (next: ViewEntry, from: string | undefined) => void;
  switchNamespace: (namespace: string | undefined) => void;
  say: (text: string, level?: Flash['level']) => void;
  suspend: RowActionDeps['suspend'];
  /** The action's declaration (label, access). */
  spec: (id: ObjectActionId) => ActionSpec | undefined;
  /** The open session of one of the view's contexts; undefined while it opens or when it could not. */
  sessionOf: (context: string) => KubeSession | undefined;
  /** The write gate of one of the view's contexts (read-only per context from config.yaml holds). */
  gateFor: (context: string) => WriteGate;
}

// One reviewer per context's client: answers belong to one identity on one cluster.
const reviewers = new WeakMap<KubeSession['client'], AccessReviewer>();
function reviewerOf(session: KubeSession): AccessReviewer {
  let reviewer = reviewers.get(session.client);
  if (!reviewer) reviewers.set(session.client, (reviewer = new AccessReviewer(session.client)));
  return reviewer;
}

/** Runs `id` on `row` of a multi-context view (on the marked rows for delete, kill and restart). */
export function multiContextAction(id: ViewActionId, row: Row | undefined, ctx: MultiContextActionContext, marked: readonly Row[] = []): void {
  const { entry, dispatch, say } = ctx;
  if (id === 'filter') return dispatch({ type: 'prompt', prompt: '/' });
  const origin = row && rowOrigin(row);
  if (!row || !origin) return say(`No ${entry.resource.singular || entry.resource.plural} selected`);
  const { context, row: own } = origin;
  const spec = ctx.spec(id);
  const label = spec?.label ?? id;
  const session = ctx.sessionOf(context);
  if (!session) return say(`Context ${context} is not connected: ${label} waits for it.`, 'error');
  const gate = ctx.gateFor(context);
  const refused = spec?.mutates ? gate.refusal(label) : undefined;
  if (refused) return say(refused, 'error');

  const bulk = marked.length > 0 && (id === 'delete' || id === 'kill' || id === 'restart');
  const origins = bulk ? marked.map((r) => rowOrigin(r)).filter((o) => o !== undefined) : [];
  const contexts = [...new Set(origins.map((o) => o.context))];
  if (bulk && contexts.length > 1) return say(`The marks are in ${contexts.length} contexts (${contexts.join(', ')}): ${label} acts on the marks of one context.`, 'error');

  const deps: RowActionDeps = {
    session,
    gate,
    entry: { ...entry, contexts: undefined },
    namespace: ctx.namespace,
    discovery: ctx.discovery,
    // The pane's context is the one in the cursor's uid: the explorer gives the pane that context's session.
    openPane: (acted, pane) => dispatch({ type: 'pane', pane, cursorUid: taggedUid(context, acted.uid) }),
    // Jumps keep the set of contexts; the cursor lands on the object in the row's context.
    visit: (next) => ctx.visit({ ...next, contexts: entry.contexts, cursorUid: next.cursorUid && taggedUid(context, next.cursorUid) }, row.uid),
    switchNamespace: ctx.switchNamespace,
    say: (text, level) => say(text, level),
    suspend: ctx.suspend,
  };
  const act = (): void => {
    if (bulk) {
      const targets = [...new Map(origins.map((o) => [o.row.uid, targetOfRow(o.row, deps)])).values()];
      return deps.openPane(own, { kind: 'bulk', action: id, targets });
    }
    rowActionsFor(deps)[id](own);
  };
  // RBAC of the row's own context, asked when the key is pressed (a view of several contexts has no one answer to show).
  const question = spec && 'access' in spec ? questionFor(spec.access, entry.resource, own.namespace || undefined) : undefined;
  if (!question) return act();
  void reviewerOf(session)
    .can(question)
    .then((allowed) => {
      if (allowed) return act();
      const where = own.namespace ? ` in namespace ${own.namespace}` : '';
      say(`You may not ${label} ${question.resource.plural}${where} in context ${context} (RBAC)`, 'error');
    });
}
