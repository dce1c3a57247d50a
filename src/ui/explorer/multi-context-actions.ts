/**
 * What the table's keys do in a view of several contexts: each row acts on its own context (the
 * pane opens with that context's session, cache and write gate, see the explorer), jumps and
 * drill-downs keep the set of contexts. Actions that change a cluster or open a session in a
 * container act on one context only, and say so.
 */
import { drillDown, ownerResource } from '../../explorer/drill-down.ts';
import { nodeOfPod, podsUsing } from '../../explorer/jumps.ts';
import { rowOrigin, taggedUid } from '../../explorer/multi-context.ts';
import { viewOf, type ViewEntry } from '../../explorer/view-entry.ts';
import type { ObjectActionId } from '../../keys/actions.ts';
import type { Row } from '../../kinds/types.ts';
import type { DiscoveryResult } from '../../kube/discovery.ts';
import { copyToClipboard, namespacedName } from '../clipboard.ts';
import type { Flash } from '../components/status-line.tsx';
import type { ObjectTarget } from '../panes/pane-types.ts';
import type { ViewActionId } from '../views/resource-view.tsx';
import type { WriteGate } from '../../kube/access/write-gate.ts';
import type { ExplorerAction, PaneState } from './explorer-state.ts';

/** What the actions need from the explorer. */
export interface MultiContextActionContext {
  entry: ViewEntry;
  /** The explorer's current namespace (drill-downs into a CRD's resources open in it). */
  namespace: string | undefined;
  discovery: DiscoveryResult | undefined;
  dispatch: (action: ExplorerAction) => void;
  visit: (next: ViewEntry, from: string | undefined) => void;
  say: (text: string, level?: Flash['level']) => void;
  /** The action's label for the refusal ('delete'). */
  label: (id: ObjectActionId) => string;
  /** The write gate of one of the view's contexts (read-only per context from config.yaml holds). */
  gateFor: (context: string) => WriteGate;
}

/**
 * Actions that change a cluster and act through a confirmation pane: the pane runs on the row's
 * own context (its session and gate, see the explorer) and names that context in its question.
 */
const confirmed: Readonly<Partial<Record<ObjectActionId, 'delete' | 'kill' | 'restart'>>> = { delete: 'delete', kill: 'kill', restart: 'restart' };

/** The actions offered across contexts: they read, on the row's own context. */
const offered: ReadonlySet<ObjectActionId> = new Set<ObjectActionId>(['open', 'owner', 'node', 'used-by', 'tree', 'describe', 'yaml', 'logs', 'logs-previous', 'copy-name', 'copy-namespaced-name']);

/** Runs `id` on `row` of a multi-context view. */
export function multiContextAction(id: ViewActionId, row: Row | undefined, ctx: MultiContextActionContext): void {
  const { entry, dispatch, say } = ctx;
  if (id === 'filter') return dispatch({ type: 'prompt', prompt: '/' });
  const origin = row && rowOrigin(row);
  if (!row || !origin) return say(`No ${entry.resource.singular || entry.resource.plural} selected`);
  const { context, row: own } = origin;
  const confirm = confirmed[id];
  if (!offered.has(id) && !confirm) return say(`${ctx.label(id)} acts on one context: open the view in that context (:${entry.resource.plural} @${context}).`);
  const target: ObjectTarget = { resource: entry.resource, namespace: own.namespace, name: own.container?.pod ?? own.name, uid: own.container?.podUid ?? own.uid };
  // The pane's context is the one in the view's cursor uid (the explorer gives the pane its session).
  const openPane = (pane: PaneState): void => dispatch({ type: 'pane', pane, cursorUid: row.uid });
  const keep = (next: ViewEntry): void => ctx.visit({ ...next, contexts: entry.contexts, cursorUid: next.cursorUid && taggedUid(context, next.cursorUid) }, row.uid);
  const found = ctx.discovery;
  switch (id) {
    case 'open': {
      if (own.container) return openPane({ kind: 'logs', target, container: own.name });
      const child = found && drillDown(entry.resource, own, found, ctx.namespace);
      return child ? keep(child) : openPane({ kind: 'describe', target });
    }
    case 'owner': {
      const ref = own.ownerRefs.find((o) => o.controller) ?? own.ownerRefs[0];
      const resource = ref && found && ownerResource(ref.kind, found);
      if (ref && resource) keep(viewOf(resource, own.namespace || undefined, { cursorUid: ref.uid }));
      return;
    }
    case 'node': {
      const next = found && nodeOfPod(own, found);
      return next ? keep(next) : undefined;
    }
    case 'used-by': {
      const next = found && podsUsing(entry.resource, own, found);
      return next ? keep(next) : undefined;
    }
    case 'tree':
      return openPane({ kind: 'tree', uid: own.container?.podUid ?? own.uid });
    case 'describe':
    case 'yaml':
      return openPane({ kind: id, target });
    case 'logs':
    case 'logs-previous':
      return openPane({ kind: id, target, container: own.container && own.name });
    case 'delete':
    case 'kill':
    case 'restart': {
      // Refused before the question when the row's context is read-only; the pane asks the gate again when it writes.
      const refused = ctx.gateFor(context).refusal(ctx.label(id));
      if (refused) return say(refused, 'error');
      return openPane({ kind: 'confirm', action: confirm!, target });
    }
    case 'copy-name':
      copyToClipboard(own.name);
      return say(`Copied ${own.name} (context ${context}) to the clipboard`);
    case 'copy-namespaced-name':
      copyToClipboard(namespacedName(own));
      return say(`Copied ${namespacedName(own)} (context ${context}) to the clipboard`);
    default:
      return say(`${ctx.label(id)} acts on one context: open the view in that context (:${entry.resource.plural} @${context}).`);
  }
}
