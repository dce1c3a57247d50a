/**
 * What each object action does to one row, on one context: the session and write gate it is
 * given. Plain functions (no hooks), so a view of one context and a view of several (each row on
 * its own context, multi-context-actions.ts) build the same handlers: an object action without a
 * handler does not compile.
 */
import { drillDown, ownerResource } from '../../explorer/drill-down.ts';
import { nodeOfPod, podsUsing } from '../../explorer/jumps.ts';
import { viewOf, type ViewEntry } from '../../explorer/view-entry.ts';
import { jumpTo } from '../../explorer/triage/triage-view.ts';
import type { ObjectActionId } from '../../keys/actions.ts';
import type { Row } from '../../kinds/types.ts';
import type { WriteGate } from '../../kube/access/write-gate.ts';
import type { DiscoveryResult } from '../../kube/discovery.ts';
import { resourceKey } from '../../kube/resource-info.ts';
import type { KubeSession } from '../../kube/session.ts';
import { copyToClipboard, namespacedName } from '../clipboard.ts';
import type { Flash } from '../components/status-line.tsx';
import type { ObjectTarget } from '../panes/pane-types.ts';
import { attachTo } from './attach-to.ts';
import { editInEditor } from './edit-in-editor.ts';
import type { PaneState } from './explorer-state.ts';
import { shellChoicesOf, shellInto, type ContainerAddress } from './shell-into.ts';

/** What the handlers act with: one context's session and gate, and the explorer's ways to show things. */
export interface RowActionDeps {
  session: KubeSession;
  gate: WriteGate;
  entry: ViewEntry;
  /** The explorer's current namespace (a CRD's resources open in it). */
  namespace: string | undefined;
  discovery: DiscoveryResult | undefined;
  /** Opens a pane over the view; the table comes back to `row` when it closes. */
  openPane: (row: Row, pane: PaneState) => void;
  /** Shows another view; the view left keeps its cursor on `row`. */
  visit: (next: ViewEntry, row: Row) => void;
  switchNamespace: (namespace: string | undefined) => void;
  say: (text: string, level?: Flash['level']) => void;
  /** Runs `work` with the terminal handed to a child (shell, editor, attach). */
  suspend: (work: () => Promise<void>) => Promise<void>;
}

export type RowActions = Record<ObjectActionId, (row: Row) => void>;

/** The object to act on for `row`: a container's row stands for its pod, a triage row for its object. */
export function targetOfRow(row: Row, deps: Pick<RowActionDeps, 'entry' | 'discovery'>): ObjectTarget {
  const resource = (row.target && deps.discovery && jumpTo(row.target, deps.discovery)?.resource) || deps.entry.resource;
  return { resource, namespace: row.namespace, name: row.container?.pod ?? row.name, uid: row.target?.uid ?? row.container?.podUid ?? row.uid };
}

/** Shells into one container and says how it went. */
export function shellFor(deps: Pick<RowActionDeps, 'session' | 'gate' | 'say' | 'suspend'>, at: ContainerAddress): void {
  void shellInto(deps.session, deps.gate, at, deps.suspend).then((outcome) => deps.say(outcome.text, outcome.level));
}

/** Every object action's handler on `deps`' context. */
export function rowActionsFor(deps: RowActionDeps): RowActions {
  const { session, gate, entry, say, openPane } = deps;
  const targetOf = (row: Row): ObjectTarget => targetOfRow(row, deps);
  const needDiscovery = (): DiscoveryResult | undefined => {
    if (!deps.discovery) say('Still discovering the cluster’s resources; try again in a moment.');
    return deps.discovery;
  };
  const reported = (outcome: Promise<{ text: string; level?: Flash['level'] | undefined }>): void => void outcome.then((o) => say(o.text, o.level));
  return {
    open: (row) => {
      const found = needDiscovery();
      if (!found) return;
      // Enter on a container opens its logs, as in k9s.
      if (row.container) return openPane(row, { kind: 'logs', target: targetOf(row), container: row.name });
      // Enter on a triage row: the object's own view, the cursor on it.
      if (row.target) {
        const next = jumpTo(row.target, found);
        return next ? deps.visit(next, row) : say(`The server does not serve ${row.target.kind}, the object of this row`, 'error');
      }
      const child = drillDown(entry.resource, row, found, deps.namespace);
      if (!child) return openPane(row, { kind: 'describe', target: targetOf(row) });
      // Opening a namespace makes it the current one, as in k9s.
      if (resourceKey(entry.resource) === 'namespaces') deps.switchNamespace(row.name);
      deps.visit(child, row);
    },
    owner: (row) => {
      const found = needDiscovery();
      const ref = row.ownerRefs.find((o) => o.controller) ?? row.ownerRefs[0];
      if (!found || !ref) return;
      const resource = ownerResource(ref.kind, found);
      if (!resource) return say(`The server does not serve ${ref.kind}, the owner of ${row.name}`, 'error');
      deps.visit(viewOf(resource, row.namespace || undefined, { cursorUid: ref.uid }), row);
    },
    node: (row) => {
      const found = needDiscovery();
      const next = found && nodeOfPod(row, found);
      if (next) deps.visit(next, row);
    },
    'used-by': (row) => {
      const found = needDiscovery();
      const next = found && podsUsing(entry.resource, row, found);
      if (next) deps.visit(next, row);
    },
    tree: (row) => openPane(row, { kind: 'tree', uid: row.container?.podUid ?? row.uid }),
    describe: (row) => openPane(row, { kind: 'describe', target: targetOf(row) }),
    yaml: (row) => openPane(row, { kind: 'yaml', target: targetOf(row) }),
    logs: (row) => openPane(row, { kind: 'logs', target: targetOf(row), container: row.container && row.name }),
    'logs-previous': (row) => openPane(row, { kind: 'logs-previous', target: targetOf(row), container: row.container && row.name }),
    scale: (row) => openPane(row, { kind: 'scale', target: targetOf(row) }),
    'set-image': (row) => openPane(row, { kind: 'set-image', target: targetOf(row) }),
    'port-forward': (row) => openPane(row, { kind: 'port-forward', target: targetOf(row) }),
    'rollout-history': (row) => openPane(row, { kind: 'history', target: targetOf(row) }),
    delete: (row) => openPane(row, { kind: 'confirm', action: 'delete', target: targetOf(row) }),
    kill: (row) => openPane(row, { kind: 'confirm', action: 'kill', target: targetOf(row) }),
    restart: (row) => openPane(row, { kind: 'confirm', action: 'restart', target: targetOf(row) }),
    'suspend-cronjob': (row) => openPane(row, { kind: 'confirm', action: 'suspend', target: targetOf(row) }),
    // k9s asks before these quick keys too: the question names the object and the context.
    'trigger-cronjob': (row) => openPane(row, { kind: 'confirm', action: 'trigger', target: targetOf(row) }),
    shell: (row) => {
      if (row.container) return shellFor(deps, { namespace: row.namespace, pod: row.container.pod, container: row.name });
      // Several containers to go into: ask which, the cursor on kubectl's default.
      void shellChoicesOf(session, row.namespace, row.name).then((choices) => {
        if ('text' in choices) return say(choices.text, choices.level);
        if (choices.names.length === 1) return shellFor(deps, { namespace: row.namespace, pod: row.name, container: choices.names[0] });
        openPane(row, { kind: 'pick-container', purpose: 'shell', target: targetOf(row), containers: choices.names, initial: choices.initial });
      });
    },
    edit: (row) => reported(editInEditor(session, gate, targetOf(row), deps.suspend)),
    attach: (row) => reported(attachTo(session, gate, row, deps.suspend)),
    cordon: (row) => openPane(row, { kind: 'confirm', action: 'cordon', target: targetOf(row) }),
    uncordon: (row) => openPane(row, { kind: 'confirm', action: 'uncordon', target: targetOf(row) }),
    drain: (row) => openPane(row, { kind: 'drain', target: targetOf(row) }),
    'copy-name': (row) => {
      copyToClipboard(row.name);
      say(`Copied ${row.container ? 'container' : entry.resource.singular || entry.resource.kind.toLowerCase()} name ${row.name} to the clipboard`);
    },
    'copy-namespaced-name': (row) => {
      const text = namespacedName(row);
      copyToClipboard(text);
      say(`Copied ${text} to the clipboard`);
    },
  };
}
