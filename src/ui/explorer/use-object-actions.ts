/**
 * What the table's keys do to the selected object, as a typed map: an object action without a
 * handler does not compile. Every action first passes the one write gate (read-only mode) and
 * RBAC, both derived from the action's declared access (keys/actions.ts).
 */
import { useApp } from 'ink';
import { useMemo } from 'react';
import { drillDown, ownerResource } from '../../explorer/drill-down.ts';
import { nodeOfPod, podsUsing } from '../../explorer/jumps.ts';
import { viewOf, type ViewEntry } from '../../explorer/view-entry.ts';
import { jumpTo } from '../../explorer/triage/triage-view.ts';
import type { Row } from '../../kinds/types.ts';
import { AccessReviewer, questionFor } from '../../kube/access/access-review.ts';
import type { WriteGate } from '../../kube/access/write-gate.ts';
import type { DiscoveryResult } from '../../kube/discovery.ts';
import { resourceKey } from '../../kube/resource-info.ts';
import type { KubeSession } from '../../kube/session.ts';
import { copyToClipboard, namespacedName } from '../clipboard.ts';
import type { Flash } from '../components/status-line.tsx';
import { useKeymap } from '../keys/keymap-context.tsx';
import type { ObjectTarget } from '../panes/pane-types.ts';
import type { ObjectActionId } from '../../keys/actions.ts';
import type { ViewActionId } from '../views/resource-view.tsx';
import type { ExplorerAction, PaneState } from './explorer-state.ts';
import { editInEditor } from './edit-in-editor.ts';
import { attachTo } from './attach-to.ts';
import { cordonNode } from './cordon-node.ts';
import { shellChoicesOf, shellInto, type ContainerAddress } from './shell-into.ts';
import { useDeniedActions } from './use-denied-actions.ts';
import { manualJobName, triggerCronJob } from '../../kube/mutations/trigger-cronjob.ts';
import { toKxError } from '../../kube/errors.ts';

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

type RowActions = Record<ObjectActionId, (row: Row) => void>;

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

  // A container's row stands for its pod (describe, YAML, edit); logs and shell add the container.
  // A triage row stands for the object it is about.
  const resourceOf = (row: Row): ViewEntry['resource'] => (row.target && ctx.discovery && jumpTo(row.target, ctx.discovery)?.resource) || entry.resource;
  const targetOf = (row: Row): ObjectTarget => ({
    resource: resourceOf(row),
    namespace: row.namespace,
    name: row.container?.pod ?? row.name,
    uid: row.target?.uid ?? row.container?.podUid ?? row.uid,
  });
  const shell = (at: ContainerAddress): void => {
    void shellInto(session, gate, at, (work) => app.suspendTerminal(work)).then((outcome) => say(outcome.text, outcome.level));
  };
  const needDiscovery = (): DiscoveryResult | undefined => {
    if (!ctx.discovery) say('Still discovering the cluster’s resources; try again in a moment.');
    return ctx.discovery;
  };
  // The row the key acted on is what the table comes back to when the pane closes.
  const openPane = (row: Row, pane: PaneState): void => dispatch({ type: 'pane', pane, cursorUid: row.uid });

  const rowActions: RowActions = {
    open: (row) => {
      const found = needDiscovery();
      if (!found) return;
      // Enter on a container opens its logs, as in k9s.
      if (row.container) return openPane(row, { kind: 'logs', target: targetOf(row), container: row.name });
      // Enter on a triage row: the object's own view, the cursor on it.
      if (row.target) {
        const next = jumpTo(row.target, found);
        return next ? ctx.visit(next, row.uid) : say(`The server does not serve ${row.target.kind}, the object of this row`, 'error');
      }
      const child = drillDown(entry.resource, row, found, ctx.namespace);
      if (!child) return openPane(row, { kind: 'describe', target: targetOf(row) });
      // Opening a namespace makes it the current one, as in k9s.
      if (resourceKey(entry.resource) === 'namespaces') ctx.switchNamespace(row.name);
      ctx.visit(child, row.uid);
    },
    owner: (row) => {
      const found = needDiscovery();
      const ref = row.ownerRefs.find((o) => o.controller) ?? row.ownerRefs[0];
      if (!found || !ref) return;
      const resource = ownerResource(ref.kind, found);
      if (!resource) return say(`The server does not serve ${ref.kind}, the owner of ${row.name}`, 'error');
      ctx.visit(viewOf(resource, row.namespace || undefined, { cursorUid: ref.uid }), row.uid);
    },
    node: (row) => {
      const found = needDiscovery();
      const next = found && nodeOfPod(row, found);
      if (next) ctx.visit(next, row.uid);
    },
    'used-by': (row) => {
      const found = needDiscovery();
      const next = found && podsUsing(entry.resource, row, found);
      if (next) ctx.visit(next, row.uid);
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
    'trigger-cronjob': (row) => {
      gate.enter('create job');
      void triggerCronJob(session.client, { namespace: row.namespace, cronJob: row.name, job: manualJobName(row.name) }).then(
        (text) => say(text),
        (err: unknown) => say(toKxError(err).message, 'error'),
      );
    },
    shell: (row) => {
      if (row.container) return shell({ namespace: row.namespace, pod: row.container.pod, container: row.name });
      // Several containers to go into: ask which, the cursor on kubectl's default.
      void shellChoicesOf(session, row.namespace, row.name).then((choices) => {
        if ('text' in choices) return say(choices.text, choices.level);
        if (choices.names.length === 1) return shell({ namespace: row.namespace, pod: row.name, container: choices.names[0] });
        openPane(row, { kind: 'pick-container', purpose: 'shell', target: targetOf(row), containers: choices.names, initial: choices.initial });
      });
    },
    edit: (row) => {
      void editInEditor(session, gate, targetOf(row), (work) => app.suspendTerminal(work)).then((outcome) => say(outcome.text, outcome.level));
    },
    attach: (row) => {
      void attachTo(session, gate, row, (work) => app.suspendTerminal(work)).then((outcome) => say(outcome.text, outcome.level));
    },
    cordon: (row) => void cordonNode(session, gate, row.name, true).then((outcome) => say(outcome.text, outcome.level)),
    uncordon: (row) => void cordonNode(session, gate, row.name, false).then((outcome) => say(outcome.text, outcome.level)),
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
      return openPane(row, { kind: 'bulk', action: id, targets: [...new Map(marked.map((r) => [r.uid, targetOf(r)])).values()] });
    }
    rowActions[id](row);
  };
  const onContainerPicked = (purpose: 'shell', target: ObjectTarget, container: string): void => {
    if (purpose === 'shell') shell({ namespace: target.namespace, pod: target.name, container });
  };
  return { onAction, denied, onContainerPicked };
}
