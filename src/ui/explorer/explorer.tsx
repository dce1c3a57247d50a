/**
 * The explorer: header, the current view (a live table or a pane over it) and the bottom line
 * (prompt or hints). It owns navigation (history, drill-down, namespace and context switches);
 * what keys do to the selected object is use-object-actions.ts, the cluster's resources and
 * version use-cluster-info.ts, the prompt explorer-prompt.tsx.
 */
import { Box, Text, useApp, useWindowSize } from 'ink';
import { useEffect, useMemo, useReducer, useRef, useState, type ReactElement } from 'react';
import { clearMarks } from '../../explorer/marks.ts';
import { recentAt, recentFor, recentFromJson, rememberNamespace, type RecentNamespaces } from '../../explorer/recent-namespaces.ts';
import { namespaceLabel, viewOf, viewTitle, type ViewEntry } from '../../explorer/view-entry.ts';
import type { Row } from '../../kinds/types.ts';
import { writeGateFor, type WriteGate } from '../../kube/access/write-gate.ts';
import type { ClusterConnection } from '../../kube/cluster-connection.ts';
import { PortForwardRegistry } from '../../kube/port-forward/registry.ts';
import { resourceKey } from '../../kube/resource-info.ts';
import type { KubeSession } from '../../kube/session.ts';
import { ObjectCache } from '../../store/object-cache.ts';
import type { WatchManager } from '../../store/watch-manager.ts';
import { displayPath } from '../../config/paths.ts';
import { Header } from '../components/header.tsx';
import { GlobalActionsProvider, KeymapProvider, useKeymap, type ActionHandlers } from '../keys/keymap-context.tsx';
import type { Keymap } from '../../keys/keymap.ts';
import type { PluginBinding, UserBinding } from '../../keys/user-binding.ts';
import { pluginEnv, substitute } from '../../explorer/plugin-env.ts';
import { pluginInScope, viewScopeNames } from '../../explorer/plugin-scopes.ts';
import { runPlugin } from './run-plugin.ts';
import { headerLayout } from '../components/header-layout.ts';
import { saveTableCsv } from '../table/save-table.ts';
import { ResourceView } from '../views/resource-view.tsx';
import { BottomLine } from './bottom-line.tsx';
import { clusterSwitches } from './cluster-switches.ts';
import { ExplorerPrompt } from './explorer-prompt.tsx';
import { currentView, explorerReducer, initialState, type ExplorerAction, type PaneState } from './explorer-state.ts';
import { ExplorerServicesProvider } from './explorer-services.tsx';
import { PaneHost } from './pane-host.tsx';
import { useClusterInfo } from './use-cluster-info.ts';
import { useCommandMode } from './use-command-mode.ts';
import { useEarlyPromptKeys } from './use-early-prompt-keys.ts';
import { useFlash } from './use-flash.ts';
import { useObjectActions } from './use-object-actions.ts';
import { useViewMarks } from './use-view-marks.ts';
import { useUsage } from './use-usage.ts';
import { useViewWatches } from './use-view-watches.ts';
import { useTriageWatches } from './use-triage-watches.ts';
import { isTriage, triageView } from '../../explorer/triage/triage-view.ts';
import type { UserFiles, UserFilesContext } from '../../explorer/user-files.ts';
import { contextsLabel } from '../../explorer/multi-context.ts';
import { useContextSet } from './use-context-set.ts';
import { contextSetWiring } from './context-set-wiring.ts';

/** Everything the explorer needs; the caller owns the streams' lifetime. */
export interface ExplorerProps {
  connection: ClusterConnection;
  watches: WatchManager;
  cache: ObjectCache;
  /** The first view. */
  initial: ViewEntry;
  /** The namespace new views open in (undefined = all). */
  namespace: string | undefined;
  /** --readonly: no action that changes the cluster, on any context. */
  readonly: boolean;
  /** Contexts the settings file makes read-only (config.yaml: contexts.NAME.readonly). */
  readonlyContexts?: ReadonlySet<string>;
  /** Set on the built-in demo cluster: why it runs. */
  demoReason?: string | undefined;
  /** Set when kx shows a snapshot (`--snapshot`): what it is of and when, for the header; everything is read-only. */
  snapshot?: string | undefined;
  /** Problems found in the user's keys.yaml, flashed at start and listed in help. */
  keyProblems?: readonly string[];
  /** The port-forwards' registry; the caller stops them when kx exits (one of its own when absent). */
  forwards?: PortForwardRegistry;
  /** Reads the user's aliases, hotkeys and plugins for a context (explorer/user-files.ts), checked against `keymap`; none when absent. */
  loadUserFiles?: (at: UserFilesContext, keymap: Keymap) => UserFiles;
  /** The kubeconfig kx read, for plugins' $KUBECONFIG ('' for kubectl's default). */
  kubeconfigPath?: string;
  /** Where the recent namespaces (keys 1–9) are kept between runs; in memory only when absent. */
  recentNamespaces?: { load: () => unknown; save: (value: RecentNamespaces) => void };
  /** A cache like `cache` (views.yaml's columns) for each context of a multi-context view; a plain one when absent. */
  newCache?: () => ObjectCache;
}

const plainCache = (): ObjectCache => new ObjectCache();

const noUserFiles: UserFiles = { aliases: new Map(), bindings: [], problems: [] };

/** The smallest terminal kx draws in; below it a single line says so (and nothing crashes). */
const minColumns = 40;
const minRows = 8;

/** The explorer. */
export function Explorer(props: ExplorerProps): ReactElement {
  const { connection, watches, cache } = props;
  const app = useApp();
  const earlyPromptKeys = useEarlyPromptKeys();
  const { columns, rows } = useWindowSize();
  const [state, dispatchState] = useReducer(explorerReducer, undefined, () => initialState(props.initial, props.namespace));
  const entry = currentView(state);
  // The selected row as the table last reported it (after its commit, never during render).
  const [selected, setSelected] = useState<Row | undefined>(undefined);
  // Where keys go, updated the moment a prompt or pane opens (before the next render), so keys
  // typed right after ':' are not taken by the table.
  const tableHasFocus = useRef(true);
  tableHasFocus.current = state.prompt === undefined && state.pane === undefined;
  const dispatch = (action: ExplorerAction): void => {
    if ((action.type === 'prompt' && action.prompt) || (action.type === 'pane' && action.pane)) tableHasFocus.current = false;
    if (action.type === 'prompt') earlyPromptKeys.promptChanged(action.prompt);
    // The table unmounts under a pane: the view entry keeps the selected object for its return.
    if (action.type === 'pane' && action.pane && action.cursorUid === undefined) dispatchState({ ...action, cursorUid: selected?.uid });
    else dispatchState(action);
  };
  const [session, setSession] = useState<KubeSession>(connection.session);
  // One registry for the explorer's life: forwards outlive the dialog that started them.
  const [forwards] = useState(() => props.forwards ?? new PortForwardRegistry());
  useEffect(() => connection.subscribe(setSession), [connection]);
  const [marks, setMarks] = useViewMarks(session.context.name, entry);
  // Read-only follows the context: --readonly everywhere, or per context from config.yaml.
  const readonlyGate = (context: string): WriteGate =>
    writeGateFor({ readonlyFlag: props.readonly, context, readonlyContexts: props.readonlyContexts ?? new Set(), snapshot: props.snapshot !== undefined });
  // eslint-disable-next-line react-hooks/exhaustive-deps -- readonlyGate reads exactly these
  const gate = useMemo(() => readonlyGate(session.context.name), [props.readonly, props.readonlyContexts, session.context.name, props.snapshot]);
  // The user's k9s-shaped files follow the context: k9s keeps per-context ones under clusters/<cluster>/<context>/.
  const { loadUserFiles } = props;
  const baseKeymap = useKeymap();
  const userFiles = useMemo(
    () => loadUserFiles?.({ cluster: session.context.cluster, context: session.context.name }, baseKeymap) ?? noUserFiles,
    [loadUserFiles, session.context.cluster, session.context.name, baseKeymap],
  );
  // The built-in keys with the user's hotkeys and plugins: help lists them from the same keymap.
  const keymap = useMemo(() => baseKeymap.withUser(userFiles.bindings), [baseKeymap, userFiles.bindings]);
  const problems = useMemo(() => [...(props.keyProblems ?? []), ...userFiles.problems], [props.keyProblems, userFiles.problems]);
  const { flash, say } = useFlash(problems);
  // Problems of another context's files are flashed when kx switches to it (the first ones flash at start).
  const firstFiles = useRef(userFiles);
  useEffect(() => {
    if (userFiles === firstFiles.current || userFiles.problems.length === 0) return;
    const [first, ...more] = userFiles.problems;
    say(`${first}${more.length > 0 ? ` (+${more.length} more: see ? help)` : ''}`, 'error');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- say is new each render; the files are what matter
  }, [userFiles]);
  const { discovery, serverVersion } = useClusterInfo(session, (text) => say(text, 'error'));
  // Usage of the pods, containers or nodes on screen (polled only while the table is shown) and the cluster's for the header.
  const metrics = useUsage(session.client, discovery, entry, state.pane === undefined);
  useViewWatches(watches, isTriage(entry) || entry.contexts ? undefined : entry);
  // `:po @prod,staging`: a session, cache and streams per context, kept while views of them are shown.
  const contextSet = useContextSet(connection, entry, props.newCache ?? plainCache);
  // `:triage` reads several kinds at once; '' on other views, else where it reads them.
  const triageScopeLabel = useTriageWatches(watches, cache, discovery, entry);
  // k9s's favourites: the namespaces used on this context, the current one first.
  const [recent, setRecent] = useState<RecentNamespaces>(() => recentFromJson(props.recentNamespaces?.load()));
  const context = session.context.name;
  const store = props.recentNamespaces;
  useEffect(() => {
    if (state.namespace === undefined) return;
    const namespace = state.namespace;
    setRecent((before) => {
      const after = rememberNamespace(before, context, namespace);
      if (after !== before) store?.save(after);
      return after;
    });
  }, [context, state.namespace, store]);

  const visit = (next: ViewEntry, from: string | undefined = selected?.uid): void => dispatch({ type: 'visit', entry: next, cursorUid: from });

  const { switchNamespace, switchContext } = clusterSwitches({ connection, watches, entry, initial: props.initial, dispatch, say });
  const { onAction: onOwnAction, denied, onContainerPicked } = useObjectActions({ session, gate, entry, namespace: state.namespace, discovery, dispatch, visit, switchNamespace, say });

  // Several contexts: keys act on the row's own context, panes get its session; one context passes through.
  const { onAction, paneServices, showContexts, hints, rowContext } = contextSetWiring({
    contextSet,
    onOwnAction,
    ownHints: { readonly: gate.readonly, denied },
    readonlyFlag: props.readonly,
    contexts: () => connection.contexts(),
    paneOpen: state.pane !== undefined,
    own: { session, cache, watches, gate },
    entry,
    namespace: state.namespace,
    discovery,
    dispatch,
    visit,
    switchNamespace,
    switchContext: (name) => void switchContext(name),
    say,
    suspend: (work) => app.suspendTerminal(work),
    spec: (action) => keymap.action(action),
    gateFor: readonlyGate,
  });

  const globalHandlers: ActionHandlers = {
    quit: () => app.exit(),
    help: () => dispatch({ type: 'pane', pane: { kind: 'help' } }),
    command: () => {
      // From a pane, `:` leaves it: the command opens another view.
      if (state.pane) dispatch({ type: 'pane', pane: undefined });
      dispatch({ type: 'prompt', prompt: ':' });
    },
    back: () => {
      if (entry.filter !== '') dispatch({ type: 'filter', text: '' });
      else dispatch({ type: 'back' });
    },
    'history-back': () => dispatch({ type: 'back' }),
    'history-forward': () => dispatch({ type: 'forward' }),
    'last-view': () => dispatch({ type: 'last-view' }),
    'all-namespaces': () => {
      if (!entry.resource.namespaced) return;
      const next = entry.namespace === undefined && !entry.namespaces ? session.namespace : undefined;
      switchNamespace(next);
      visit({ ...entry, namespace: next, namespaces: undefined, scope: entry.scope?.kind === 'node' ? entry.scope : undefined, cursorUid: selected?.uid });
    },
    ...recentNamespaceHandlers((n) => {
      const namespace = recentAt(recent, context, n);
      if (namespace === undefined) {
        say(`No recent namespace ${n} on context ${context} (the header lists them)`);
        return;
      }
      switchNamespace(namespace);
      if (entry.resource.namespaced) visit({ ...entry, namespace, scope: entry.scope?.kind === 'node' ? entry.scope : undefined, cursorUid: undefined });
    }),
  };

  const commands = useCommandMode({
    discovery,
    connection,
    session,
    open: state.prompt === ':',
    aliases: userFiles.aliases,
    actions: {
      close: () => dispatch({ type: 'prompt', prompt: undefined }),
      quit: () => app.exit(),
      help: () => dispatch({ type: 'pane', pane: { kind: 'help' } }),
      forwards: () => dispatch({ type: 'pane', pane: { kind: 'forwards' } }),
      changes: () => dispatch({ type: 'pane', pane: { kind: 'changes' } }),
      triage: () => visit(triageView(state.namespace ?? session.namespace)),
      helm: (scope) => dispatch({ type: 'pane', pane: { kind: 'helm', namespace: scope.kind === 'all' ? undefined : scope.kind === 'namespace' ? scope.name : state.namespace } }),
      namespace: (name) => {
        switchNamespace(name);
        visit({ ...viewOf(entry.resource, name), cursorUid: undefined });
      },
      context: (name) => {
        if (name) void switchContext(name);
        else dispatch({ type: 'pane', pane: { kind: 'contexts' } });
      },
      view: (resource, scope, extra) => {
        // Several namespaces are this view's own: the current namespace stays for the next views.
        const namespaceIn = (current: string | undefined): string | undefined => (scope.kind === 'all' ? undefined : scope.kind === 'namespace' ? scope.name : current);
        const open = (current: string | undefined): ViewEntry =>
          viewOf(resource, namespaceIn(current), { filter: extra.filter ?? '', namespaces: scope.kind === 'namespaces' ? scope.names : undefined });
        if (extra.contexts) {
          visit({ ...open(state.namespace), contexts: extra.contexts, cursorUid: undefined });
          return;
        }
        if (extra.context !== undefined) {
          const settled = (current: string | undefined): string | undefined => (scope.kind === 'namespace' || scope.kind === 'all' ? namespaceIn(current) : current);
          void switchContext(extra.context, (current) => ({ entry: open(current), namespace: settled(current) }));
          return;
        }
        if (scope.kind === 'namespace' || scope.kind === 'all') switchNamespace(namespaceIn(state.namespace));
        visit(open(state.namespace));
      },
    },
  });

  const scopeNames = useMemo(() => viewScopeNames(entry, userFiles.aliases), [entry, userFiles.aliases]);
  const onUserBinding = (binding: UserBinding, row: Row | undefined, cells: Readonly<Record<string, string>>): void => {
    const at = row && rowContext(row);
    const env = at ? pluginEnv({ ...at.context, context: at.context.name, kubeconfig: props.kubeconfigPath ?? '' }, { ...entry, contexts: undefined }, at.row, cells) : {};
    if (binding.kind === 'hotkey') {
      // k9s substitutes the plugin variables in a hotkey's command too ("$RESOURCE_NAME $NAMESPACE").
      const failure = commands.runNow(substitute(binding.command, env));
      if (failure) say(`hotkey "${binding.name}": ${failure}`, 'error');
      return;
    }
    // The one write gate (the row's context's): a dangerous plugin is refused in read-only mode (help hides it there).
    const refused = binding.dangerous ? (at?.gate ?? gate).refusal(`plugin ${binding.name}`) : undefined;
    if (refused) return say(refused);
    if (!row) return say(`No ${entry.resource.singular || entry.resource.plural} selected`);
    const args = binding.args.map((arg) => substitute(arg, env));
    if (binding.confirm) return dispatch({ type: 'pane', pane: { kind: 'confirm-plugin', plugin: binding, args }, cursorUid: row.uid });
    runUserPlugin(binding, args);
  };
  const runUserPlugin = (plugin: PluginBinding, args: readonly string[]): void => {
    void runPlugin(
      plugin,
      args,
      (work) => app.suspendTerminal(work),
      (f) => say(f.text, f.level),
    );
  };

  if (columns < minColumns || rows < minRows) {
    return (
      <Text wrap="truncate">
        too small: {columns}×{rows} (kx needs {minColumns}×{minRows})
      </Text>
    );
  }
  const header = {
    context: session.context.name,
    cluster: session.context.cluster,
    user: session.context.user,
    namespace: state.namespace ?? 'all',
    serverVersion,
    usage: metrics.cluster,
    demoReason: props.demoReason,
    snapshot: props.snapshot,
    recent: recentFor(recent, context),
  };
  const layout = headerLayout(header, columns, rows);
  const bottomLines = 1;
  const mainHeight = Math.max(3, rows - layout.lines - bottomLines);
  const title = `${viewTitle(entry)} ${triageScopeLabel || namespaceLabel(entry)} ${contextsLabel(entry)}`.trim();

  return (
    <KeymapProvider keymap={keymap}>
      <ExplorerServicesProvider services={{ ...paneServices, connection, discovery, forwards }}>
        <GlobalActionsProvider handlers={globalHandlers}>
          <Box flexDirection="column" width={columns} height={rows}>
            <Header info={header} width={columns} layout={layout} />
            <Box height={mainHeight} flexDirection="column">
              {state.pane ? (
                <PaneHost
                  pane={state.pane}
                  entry={entry}
                  width={columns}
                  height={mainHeight}
                  keyProblems={problems}
                  onClose={() => dispatch({ type: 'pane', pane: undefined })}
                  onFlash={(f) => say(f.text, f.level)}
                  onSwitchContext={(name) => {
                    dispatch({ type: 'pane', pane: undefined });
                    void switchContext(name);
                  }}
                  onShowContexts={showContexts}
                  onOpen={(pane: PaneState) => dispatch({ type: 'pane', pane })}
                  onContainerPicked={onContainerPicked}
                  onRunPlugin={runUserPlugin}
                  onMarksUsed={() => setMarks(clearMarks)}
                />
              ) : (
                <ResourceView
                  key={`${resourceKey(entry.resource)}:${state.history.index}`}
                  cache={cache}
                  contexts={contextSet}
                  entry={entry}
                  width={columns}
                  height={mainHeight}
                  active={state.prompt === undefined}
                  filtering={state.prompt === '/'}
                  gate={() => tableHasFocus.current}
                  globalHandlers={globalHandlers}
                  onAction={onAction}
                  onSort={(sort) => dispatch({ type: 'sort', sort })}
                  onSelect={setSelected}
                  onNotice={(text) => say(text)}
                  title={title}
                  flash={flash}
                  usage={metrics.view}
                  marks={marks}
                  onMarks={setMarks}
                  pluginInScope={(plugin) => pluginInScope(plugin.scopes, scopeNames)}
                  onUserBinding={onUserBinding}
                  onSaveTable={(heading, rows) => {
                    try {
                      const path = saveTableCsv({ context, resource: resourceKey(entry.resource), heading, rows });
                      say(`Saved ${rows.length} rows to ${displayPath(path)}`);
                    } catch (err) {
                      say(`Cannot save the table: ${(err as Error).message}`, 'error');
                    }
                  }}
                />
              )}
            </Box>
            {state.prompt ? (
              <ExplorerPrompt mode={state.prompt} filter={entry.filter} commands={commands} width={columns} takeEarlyKeys={earlyPromptKeys.take} dispatch={dispatch} say={say} />
            ) : (
              <BottomLine entry={entry} pane={state.pane} width={columns} selected={selected} flash={flash} {...hints} />
            )}
          </Box>
        </GlobalActionsProvider>
      </ExplorerServicesProvider>
    </KeymapProvider>
  );
}

/** The handlers of keys 1–9, each calling `pick` with its digit. */
function recentNamespaceHandlers(pick: (n: number) => void): ActionHandlers {
  const ids = [
    'recent-namespace-1',
    'recent-namespace-2',
    'recent-namespace-3',
    'recent-namespace-4',
    'recent-namespace-5',
    'recent-namespace-6',
    'recent-namespace-7',
    'recent-namespace-8',
    'recent-namespace-9',
  ] as const;
  return Object.fromEntries(ids.map((id, i) => [id, () => pick(i + 1)]));
}
