/**
 * Keys as data: every action a key can trigger, with its default keys (k9s's where k9s has one),
 * where it applies, and how help and the hints bar describe it. The help screen, the hints bar,
 * the user's keys.yaml and the dispatch in views all read this one table.
 */

/** Where a binding applies: everywhere, in a resource table, in a text pane, or in one pane kind. */
export type KeyScope = 'global' | 'table' | 'pane' | 'logs' | 'yaml' | 'history' | 'forwards' | 'helm' | 'dialog';

/** What the selected row must support for an action to be offered (from the kind's capabilities). */
export type Capability = 'logs' | 'exec' | 'scale' | 'rollout' | 'delete' | 'drill' | 'owner' | 'image' | 'node' | 'used-by' | 'port-forward' | 'cronjob' | 'node-ops';

/** Sections of the help screen, in order. */
export const keyGroups = ['General', 'Navigation', 'Sort', 'Resource', 'Danger', 'Pane', 'Logs', 'YAML', 'Rollout history', 'Port-forwards', 'Helm', 'Dialog'] as const;
export type KeyGroup = (typeof keyGroups)[number];

/**
 * The access an action needs, asked of the server (SelfSubjectAccessReview) before its key is
 * offered: `self` is the view's resource, `pods` the pods of the selected pod, `jobs` batch's jobs. An action with an
 * access changes the cluster or opens a session in a container: the write gate refuses it in
 * read-only mode, help marks it, and the hints hide it.
 */
export interface Access {
  readonly verb: 'create' | 'delete' | 'patch';
  readonly resource: 'self' | 'pods' | 'jobs';
  readonly subresource?: 'exec' | 'attach' | 'scale' | 'portforward' | 'eviction';
  /** A second permission the action needs as well (drain: patch the node, then create pods/eviction). */
  readonly also?: Access;
}

/** How an action is declared in the table below. */
interface SpecInput {
  /** Stable id, used in keys.yaml. */
  readonly id: string;
  readonly scope: KeyScope;
  readonly keys: readonly string[];
  /** One or two words for the hints bar. */
  readonly label: string;
  /** A sentence for the help screen. */
  readonly description: string;
  readonly group: KeyGroup;
  /** Offered only when the selected object supports it. */
  readonly needs?: Capability;
  /** What the action needs from the server: it changes the cluster (see Access). */
  readonly access?: Access;
  /** Asks for confirmation naming the object and context before it acts. */
  readonly confirm?: boolean;
  /** Shown in the hints bar (the rest only in help). */
  readonly hint?: boolean;
  /** Acts on the selected object: the table hands it to the explorer with the row (use-object-actions.ts). */
  readonly target?: 'object';
}

/** One entry of the table; `mutates` follows from its access. */
function a<const S extends SpecInput>(spec: S): S & { readonly mutates: boolean } {
  return { ...spec, mutates: spec.access !== undefined };
}

const self = (verb: Access['verb'], subresource?: Access['subresource']): Access => (subresource ? { verb, resource: 'self', subresource } : { verb, resource: 'self' });

/** The default keymap. Ids are what a user writes in keys.yaml. One line an action: a table to read down. */
// prettier-ignore
export const actionSpecs = [
  a({ id: 'quit', scope: 'global', keys: ['q'], label: 'quit', description: 'Quit kx (ctrl-c always quits).', group: 'General', hint: true }),
  a({ id: 'help', scope: 'global', keys: ['?'], label: 'help', description: 'Show this help.', group: 'General', hint: true }),
  a({ id: 'command', scope: 'global', keys: [':'], label: 'command', description: 'Command mode: :po, :deploy, :ns NAME, :ctx NAME, :po @a,b (several contexts in one table), :triage, :changes, :pf, :q.', group: 'General', hint: true }),
  a({ id: 'back', scope: 'global', keys: ['esc'], label: 'back', description: 'Clear the filter, close the pane, or go back one view.', group: 'General' }),
  a({ id: 'history-back', scope: 'global', keys: ['['], label: 'back', description: 'Previous view in history.', group: 'General' }),
  a({ id: 'history-forward', scope: 'global', keys: [']'], label: 'forward', description: 'Next view in history.', group: 'General' }),
  a({ id: 'all-namespaces', scope: 'global', keys: ['0'], label: 'all ns', description: 'Toggle between all namespaces and the current one.', group: 'General' }),
  a({ id: 'last-view', scope: 'global', keys: ['-'], label: 'last view', description: 'Back to the previous view, like k9s (again: return to this one).', group: 'General' }),
  a({ id: 'recent-namespace-1', scope: 'global', keys: ['1'], label: 'ns 1', description: 'The most recent namespace (the current one when a namespace is current); the header lists them as <1> <2> …', group: 'General' }),
  a({ id: 'recent-namespace-2', scope: 'global', keys: ['2'], label: 'ns 2', description: 'The namespace used before (back and forth with the current one).', group: 'General' }),
  a({ id: 'recent-namespace-3', scope: 'global', keys: ['3'], label: 'ns 3', description: 'Recent namespace 3 (most recent first, per context).', group: 'General' }),
  a({ id: 'recent-namespace-4', scope: 'global', keys: ['4'], label: 'ns 4', description: 'Recent namespace 4 (most recent first, per context).', group: 'General' }),
  a({ id: 'recent-namespace-5', scope: 'global', keys: ['5'], label: 'ns 5', description: 'Recent namespace 5 (most recent first, per context).', group: 'General' }),
  a({ id: 'recent-namespace-6', scope: 'global', keys: ['6'], label: 'ns 6', description: 'Recent namespace 6 (most recent first, per context).', group: 'General' }),
  a({ id: 'recent-namespace-7', scope: 'global', keys: ['7'], label: 'ns 7', description: 'Recent namespace 7 (most recent first, per context).', group: 'General' }),
  a({ id: 'recent-namespace-8', scope: 'global', keys: ['8'], label: 'ns 8', description: 'Recent namespace 8 (most recent first, per context).', group: 'General' }),
  a({ id: 'recent-namespace-9', scope: 'global', keys: ['9'], label: 'ns 9', description: 'Recent namespace 9 (most recent first, per context).', group: 'General' }),

  a({ id: 'up', scope: 'table', keys: ['k', 'up'], label: 'up', description: 'Move up.', group: 'Navigation' }),
  a({ id: 'down', scope: 'table', keys: ['j', 'down'], label: 'down', description: 'Move down.', group: 'Navigation' }),
  a({ id: 'page-up', scope: 'table', keys: ['pgup', 'ctrl-b'], label: 'page up', description: 'One page up.', group: 'Navigation' }),
  a({ id: 'page-down', scope: 'table', keys: ['pgdn', 'ctrl-f'], label: 'page down', description: 'One page down.', group: 'Navigation' }),
  a({ id: 'top', scope: 'table', keys: ['g', 'home'], label: 'first', description: 'First row.', group: 'Navigation' }),
  a({ id: 'bottom', scope: 'table', keys: ['G', 'end'], label: 'last', description: 'Last row.', group: 'Navigation' }),
  a({ id: 'filter', scope: 'table', keys: ['/'], label: 'filter', description: 'Filter rows: fuzzy text, ~regex, ! before either inverts, -l app=web asks the server.', group: 'Navigation', hint: true }),
  a({ id: 'mark', scope: 'table', keys: ['space'], label: 'mark', description: 'Mark or unmark the selected row; ctrl-d, ctrl-k and r then act on every marked object (one confirmation).', group: 'Navigation' }),
  a({ id: 'mark-range', scope: 'table', keys: ['ctrl-space'], label: 'mark range', description: 'Mark every row from the last mark to the selected one.', group: 'Navigation' }),
  a({ id: 'mark-clear', scope: 'table', keys: ['ctrl-\\'], label: 'clear marks', description: 'Clear all marks.', group: 'Navigation' }),
  a({ id: 'open', scope: 'table', target: 'object', keys: ['enter'], label: 'open', description: 'Drill down: deployment → replicasets → pods → containers (enter there: logs), service/node/job → pods, CRD → its resources, namespace → its pods.', group: 'Navigation', needs: 'drill', hint: true }),
  a({ id: 'owner', scope: 'table', target: 'object', keys: ['J'], label: 'owner', description: 'Jump to the owner of the selected object.', group: 'Navigation', needs: 'owner' }),
  a({ id: 'node', scope: 'table', target: 'object', keys: ['o'], label: 'node', description: 'Jump to the node the selected pod runs on.', group: 'Navigation', needs: 'node' }),
  a({ id: 'used-by', scope: 'table', target: 'object', keys: ['u'], label: 'used by', description: 'The pods that use the selected ConfigMap, Secret, PVC or ServiceAccount (volumes, env, image pull secrets, service account).', group: 'Navigation', needs: 'used-by' }),
  a({ id: 'tree', scope: 'table', target: 'object', keys: ['x'], label: 'tree', description: 'Owner tree: the object, its owners and everything it owns.', group: 'Navigation' }),
  a({ id: 'cordon', scope: 'table', target: 'object', keys: ['c'], label: 'cordon', description: 'Cordon the node, like kubectl cordon (as k9s, it asks). On nodes c, u and r are k9s’s node keys; n copies a node’s name.', group: 'Resource', needs: 'node-ops', access: self('patch'), confirm: true }),
  a({ id: 'uncordon', scope: 'table', target: 'object', keys: ['u'], label: 'uncordon', description: 'Uncordon the node, like kubectl uncordon.', group: 'Resource', needs: 'node-ops', access: self('patch'), confirm: true }),
  a({ id: 'drain', scope: 'table', target: 'object', keys: ['r'], label: 'drain', description: 'Drain the node, like kubectl drain: pick its options, then watch each pod’s eviction (PodDisruptionBudget refusals are retried).', group: 'Danger', needs: 'node-ops', access: { ...self('patch'), also: { verb: 'create', resource: 'pods', subresource: 'eviction' } } }),
  a({ id: 'copy-name', scope: 'table', target: 'object', keys: ['c'], label: 'copy', description: 'Copy the selected object’s name to the clipboard (the terminal’s, over OSC 52).', group: 'Resource' }),
  a({ id: 'copy-namespaced-name', scope: 'table', target: 'object', keys: ['n'], label: 'copy ns/name', description: 'Copy namespace/name of the selected object (just the name when cluster-scoped) to the clipboard.', group: 'Resource' }),
  a({ id: 'save-table', scope: 'table', keys: ['ctrl-s'], label: 'save', description: 'Save the table as CSV: every row the filter keeps, in its sort order, with the columns the view shows (~/.local/state/kx/dumps).', group: 'Resource' }),

  a({ id: 'sort-name', scope: 'table', keys: ['N'], label: 'sort name', description: 'Sort by name (again: reverse).', group: 'Sort' }),
  a({ id: 'sort-age', scope: 'table', keys: ['A'], label: 'sort age', description: 'Sort by age (again: reverse).', group: 'Sort' }),
  a({ id: 'sort-status', scope: 'table', keys: ['S'], label: 'sort status', description: 'Sort by status (again: reverse).', group: 'Sort' }),
  a({ id: 'sort-cpu', scope: 'table', keys: ['C'], label: 'sort cpu', description: 'Sort by CPU usage, busiest first (again: reverse); pods, containers and nodes with metrics.', group: 'Sort' }),
  a({ id: 'sort-memory', scope: 'table', keys: ['M'], label: 'sort mem', description: 'Sort by memory usage, busiest first (again: reverse); pods, containers and nodes with metrics.', group: 'Sort' }),
  a({ id: 'sort-next', scope: 'table', keys: ['>'], label: 'sort →', description: 'Sort by the next column.', group: 'Sort' }),
  a({ id: 'sort-previous', scope: 'table', keys: ['<'], label: 'sort ←', description: 'Sort by the previous column.', group: 'Sort' }),
  a({ id: 'sort-reverse', scope: 'table', keys: ['R'], label: 'reverse', description: 'Reverse the sort order.', group: 'Sort' }),

  a({ id: 'describe', scope: 'table', target: 'object', keys: ['d'], label: 'describe', description: 'Describe the object, like kubectl describe, live.', group: 'Resource', hint: true }),
  a({ id: 'yaml', scope: 'table', target: 'object', keys: ['y'], label: 'yaml', description: 'The whole object as YAML.', group: 'Resource', hint: true }),
  a({ id: 'edit', scope: 'table', target: 'object', keys: ['e'], label: 'edit', description: 'Edit the object in your editor (KUBE_EDITOR, else EDITOR, else vi), like kubectl edit; a change made meanwhile is shown, not overwritten.', group: 'Resource', access: self('patch') }),
  a({ id: 'logs', scope: 'table', target: 'object', keys: ['l'], label: 'logs', description: 'Follow logs (pods, workloads, services, jobs).', group: 'Resource', needs: 'logs', hint: true }),
  a({ id: 'logs-previous', scope: 'table', target: 'object', keys: ['p'], label: 'prev logs', description: 'Logs of the previous container instance.', group: 'Resource', needs: 'logs' }),
  a({ id: 'shell', scope: 'table', target: 'object', keys: ['s'], label: 'shell', description: 'Shell into the pod (bash, else sh); asks which container when it has several, or into the selected container.', group: 'Resource', needs: 'exec', access: { verb: 'create', resource: 'pods', subresource: 'exec' }, hint: true }),
  a({ id: 'attach', scope: 'table', target: 'object', keys: ['a'], label: 'attach', description: 'Attach to the container’s own process: its output, your keys if it reads stdin (ctrl-p ctrl-q detaches).', group: 'Resource', needs: 'exec', access: { verb: 'create', resource: 'pods', subresource: 'attach' } }),
  a({ id: 'port-forward', scope: 'table', target: 'object', keys: ['F'], label: 'port-forward', description: 'Port-forward to the pod, or to a pod of the Service or workload (:pf lists the forwards).', group: 'Resource', needs: 'port-forward', access: { verb: 'create', resource: 'pods', subresource: 'portforward' } }),
  a({ id: 'scale', scope: 'table', target: 'object', keys: ['s'], label: 'scale', description: 'Scale the workload.', group: 'Resource', needs: 'scale', access: self('patch', 'scale'), hint: true }),
  a({ id: 'set-image', scope: 'table', target: 'object', keys: ['i'], label: 'image', description: 'Set container images, like kubectl set image (pods, workloads, jobs, cron jobs).', group: 'Resource', needs: 'image', access: self('patch') }),
  a({ id: 'trigger-cronjob', scope: 'table', target: 'object', keys: ['t'], label: 'trigger', description: 'Run the cron job now: a Job like kubectl create job --from=cronjob/NAME makes, named NAME-manual-xxxxx.', group: 'Resource', needs: 'cronjob', access: { verb: 'create', resource: 'jobs' }, confirm: true }),
  a({ id: 'suspend-cronjob', scope: 'table', target: 'object', keys: ['s'], label: 'suspend', description: 'Suspend or resume the cron job (spec.suspend; asks first).', group: 'Resource', needs: 'cronjob', access: self('patch'), confirm: true, hint: true }),
  a({ id: 'rollout-history', scope: 'table', target: 'object', keys: ['h'], label: 'history', description: 'Rollout history, diff and undo.', group: 'Resource', needs: 'rollout' }),
  a({ id: 'restart', scope: 'table', target: 'object', keys: ['r'], label: 'restart', description: 'Rollout restart (asks first).', group: 'Danger', needs: 'rollout', access: self('patch'), confirm: true }),
  a({ id: 'delete', scope: 'table', target: 'object', keys: ['ctrl-d'], label: 'delete', description: 'Delete the object (asks first, names object and context).', group: 'Danger', needs: 'delete', access: self('delete'), confirm: true, hint: true }),
  a({ id: 'kill', scope: 'table', target: 'object', keys: ['ctrl-k'], label: 'kill', description: 'Force-delete a pod with grace period 0 (asks first).', group: 'Danger', needs: 'exec', access: { verb: 'delete', resource: 'pods' }, confirm: true }),

  a({ id: 'pane-up', scope: 'pane', keys: ['k', 'up'], label: 'up', description: 'Scroll up.', group: 'Pane' }),
  a({ id: 'pane-down', scope: 'pane', keys: ['j', 'down'], label: 'down', description: 'Scroll down.', group: 'Pane' }),
  a({ id: 'pane-page-up', scope: 'pane', keys: ['pgup', 'ctrl-b'], label: 'page up', description: 'One page up.', group: 'Pane' }),
  a({ id: 'pane-page-down', scope: 'pane', keys: ['pgdn', 'ctrl-f', 'space'], label: 'page down', description: 'One page down.', group: 'Pane' }),
  a({ id: 'pane-top', scope: 'pane', keys: ['g', 'home'], label: 'top', description: 'Top.', group: 'Pane' }),
  a({ id: 'pane-bottom', scope: 'pane', keys: ['G', 'end'], label: 'bottom', description: 'Bottom (logs: follow again).', group: 'Pane' }),
  a({ id: 'pane-search', scope: 'pane', keys: ['/'], label: 'search', description: 'Search the text.', group: 'Pane', hint: true }),
  a({ id: 'pane-next', scope: 'pane', keys: ['n'], label: 'next', description: 'Next match.', group: 'Pane' }),
  a({ id: 'pane-previous', scope: 'pane', keys: ['N'], label: 'previous', description: 'Previous match.', group: 'Pane' }),
  a({ id: 'pane-copy', scope: 'pane', keys: ['c', 'C'], label: 'copy', description: 'Copy the visible text, or the current match’s line while searching (in logs C: c picks a container there).', group: 'Pane' }),
  a({ id: 'pane-wrap', scope: 'pane', keys: ['w'], label: 'wrap', description: 'Wrap long lines (again: cut them, and h/l scroll sideways).', group: 'Pane', hint: true }),
  a({ id: 'pane-left', scope: 'pane', keys: ['h', 'left'], label: 'left', description: 'Scroll left, when lines are not wrapped.', group: 'Pane' }),
  a({ id: 'pane-right', scope: 'pane', keys: ['l', 'right'], label: 'right', description: 'Scroll right, when lines are not wrapped: half a screen a press.', group: 'Pane' }),
  a({ id: 'pane-close', scope: 'pane', keys: ['esc', 'q'], label: 'close', description: 'Close the pane.', group: 'Pane', hint: true }),

  a({ id: 'logs-follow', scope: 'logs', keys: ['f'], label: 'pause', description: 'Pause or resume following.', group: 'Logs', hint: true }),
  a({ id: 'logs-wrap', scope: 'logs', keys: ['w'], label: 'wrap', description: 'Wrap long lines.', group: 'Logs', hint: true }),
  a({ id: 'logs-filter', scope: 'logs', keys: ['&'], label: 'filter', description: 'Show only the lines matching a regular expression (less’s &; !regex hides them instead, as k9s’s /!); empty clears.', group: 'Logs', hint: true }),
  a({ id: 'logs-timestamps', scope: 'logs', keys: ['t'], label: 'timestamps', description: 'Show timestamps.', group: 'Logs', hint: true }),
  a({ id: 'logs-containers', scope: 'logs', keys: ['c'], label: 'container', description: 'Pick a container (init, sidecar, all).', group: 'Logs', hint: true }),
  a({ id: 'logs-previous-toggle', scope: 'logs', keys: ['p'], label: 'previous', description: 'Previous container instance.', group: 'Logs' }),
  a({ id: 'logs-since', scope: 'logs', keys: ['s'], label: 'since', description: 'Cycle what is loaded: the last 500 lines per container, all, or since 1m, 5m, 15m, 1h.', group: 'Logs' }),
  a({ id: 'logs-json', scope: 'logs', keys: ['J'], label: 'json', description: 'Pretty-print JSON lines.', group: 'Logs' }),
  a({ id: 'logs-save', scope: 'logs', keys: ['ctrl-s'], label: 'save', description: 'Save the buffer to a file.', group: 'Logs' }),

  a({ id: 'yaml-managed-fields', scope: 'yaml', keys: ['m'], label: 'managedFields', description: 'Show or hide managedFields.', group: 'YAML' }),
  a({ id: 'yaml-reveal', scope: 'yaml', keys: ['x'], label: 'reveal', description: 'Reveal secret data, base64-decoded.', group: 'YAML', hint: true }),

  a({ id: 'history-diff', scope: 'history', keys: ['enter'], label: 'diff', description: 'Diff the selected revision against the current one.', group: 'Rollout history', hint: true }),
  a({ id: 'history-undo', scope: 'history', keys: ['u'], label: 'undo', description: 'Roll back to the selected revision (asks first).', group: 'Rollout history', access: self('patch'), confirm: true, hint: true }),

  a({ id: 'forward-stop', scope: 'forwards', keys: ['ctrl-d'], label: 'stop', description: 'Stop the selected port-forward (asks first).', group: 'Port-forwards', confirm: true, hint: true }),

  a({ id: 'helm-open', scope: 'helm', keys: ['enter'], label: 'open', description: 'On a release: its history (helm history); on a revision: its values.', group: 'Helm', hint: true }),
  a({ id: 'helm-values', scope: 'helm', keys: ['v'], label: 'values', description: 'The selected revision’s values, user-supplied and computed (helm get values --all; not masked, as helm shows them).', group: 'Helm', hint: true }),
  a({ id: 'helm-manifest', scope: 'helm', keys: ['m'], label: 'manifest', description: 'The selected revision’s rendered manifest (helm get manifest).', group: 'Helm', hint: true }),
  a({ id: 'helm-notes', scope: 'helm', keys: ['n'], label: 'notes', description: 'The selected revision’s notes (helm get notes).', group: 'Helm' }),
  a({ id: 'helm-mark', scope: 'helm', keys: ['b'], label: 'base', description: 'Mark the selected revision as the base d diffs from (again: unmark).', group: 'Helm' }),
  a({ id: 'helm-diff', scope: 'helm', keys: ['d'], label: 'diff', description: 'Diff values and manifest from the base revision (b; else the previous one) to the selected one.', group: 'Helm', hint: true }),

  a({ id: 'helm-rollback', scope: 'helm', keys: ['u'], label: 'rollback', description: 'helm rollback to the selected revision, with helm’s output (offered when helm is on PATH; asks first).', group: 'Helm', access: self('patch'), confirm: true, hint: true }),
  a({ id: 'helm-uninstall', scope: 'helm', keys: ['ctrl-d'], label: 'uninstall', description: 'helm uninstall the selected release, with helm’s output (offered when helm is on PATH; asks first).', group: 'Helm', access: self('delete'), confirm: true, hint: true }),

  a({ id: 'confirm-yes', scope: 'dialog', keys: ['y'], label: 'yes', description: 'Confirm.', group: 'Dialog', hint: true }),
  a({ id: 'confirm-no', scope: 'dialog', keys: ['n', 'esc'], label: 'no', description: 'Cancel.', group: 'Dialog', hint: true }),
] as const satisfies readonly (SpecInput & { readonly mutates: boolean })[];

/** One action a key can trigger (an entry of actionSpecs). */
export type ActionSpec = SpecInput & { readonly id: ActionId; readonly mutates: boolean };

/** Every action id: a misspelt id does not compile. */
export type ActionId = (typeof actionSpecs)[number]['id'];

/** The ids of actions on the selected object; each needs a handler in the explorer's typed map. */
export type ObjectActionId = Extract<(typeof actionSpecs)[number], { target: 'object' }>['id'];

/** Those ids, in table order. */
export const objectActionIds = actionSpecs.flatMap((spec) => ('target' in spec && spec.target === 'object' ? [spec.id as ObjectActionId] : []));

/** Whether `id` is an action id (keys.yaml is user input). */
export function isActionId(id: string): id is ActionId {
  return actionSpecs.some((spec) => spec.id === id);
}

/** Scopes that are active together: the global keys also work in tables and panes. */
export function scopesFor(scope: KeyScope): readonly KeyScope[] {
  switch (scope) {
    case 'table':
      return ['table', 'global'];
    case 'logs':
    case 'yaml':
      return [scope, 'pane', 'global'];
    case 'history':
    case 'forwards':
    case 'helm':
      // The revisions, the forwards and the releases are tables: the table's movement keys work there too.
      return [scope, 'table', 'global'];
    case 'pane':
      return ['pane', 'global'];
    case 'dialog':
    case 'global':
      return [scope];
    default: {
      const never: never = scope;
      return never;
    }
  }
}
