/**
 * The explorer: header, the current view (a live table or a pane over it) and the bottom line
 * (prompt or hints). It owns navigation (history, drill-down, namespace and context switches) and
 * turns actions on the selected object into panes; the views themselves only draw and move.
 */
import { Box, Text, useApp, useWindowSize } from 'ink';
import { useEffect, useMemo, useReducer, useRef, useState, type ReactElement } from 'react';
import { drillDown, ownerResource } from '../../explorer/drill-down.ts';
import { namespaceLabel, viewOf, viewTitle, type ViewEntry } from '../../explorer/view-entry.ts';
import type { WatchManager } from '../../store/watch-manager.ts';
import type { Row } from '../../kinds/types.ts';
import type { ClusterConnection } from '../../kube/cluster-connection.ts';
import type { DiscoveryResult } from '../../kube/discovery.ts';
import { startDiscovery } from '../../kube/discovery-cache.ts';
import { toKxError } from '../../kube/errors.ts';
import { resourceKey } from '../../kube/resource-info.ts';
import type { KubeSession } from '../../kube/session.ts';
import type { ObjectCache } from '../../store/object-cache.ts';
import { Header } from '../components/header.tsx';
import { PromptBar } from '../components/prompt-bar.tsx';
import { useEarlyPromptKeys } from './use-early-prompt-keys.ts';
import type { Flash } from '../components/status-line.tsx';
import { useKeymap, type ActionHandlers } from '../keys/keymap-context.tsx';
import type { ObjectTarget } from '../panes/pane-types.ts';
import type { Theme } from '../theme.ts';
import { ResourceView } from '../views/resource-view.tsx';
import { BottomLine } from './bottom-line.tsx';
import { currentView, explorerReducer, initialState, type PaneState } from './explorer-state.ts';
import { PaneHost } from './pane-host.tsx';
import { useCommandMode } from './use-command-mode.ts';
import { useViewWatches } from './use-view-watches.ts';
import { assertNotCompleted, defaultContainer, runInteractiveShell } from '../../kube/exec/shell.ts';
import type { KubeObject } from '../../kube/object.ts';
import { useDeniedActions } from './use-denied-actions.ts';
import { AccessReviewer, questionsFor } from '../../kube/access/access-review.ts';
import { writeGateFor } from '../../kube/access/write-gate.ts';

/** Everything the explorer needs; the caller owns the streams' lifetime. */
export interface ExplorerProps {
  connection: ClusterConnection;
  watches: WatchManager;
  cache: ObjectCache;
  /** The first view. */
  initial: ViewEntry;
  /** The namespace new views open in (undefined = all). */
  namespace: string | undefined;
  theme: Theme;
  /** --readonly: no action that changes the cluster, on any context. */
  readonly: boolean;
  /** Contexts the settings file makes read-only (config.yaml: contexts.NAME.readonly). */
  readonlyContexts?: ReadonlySet<string>;
  /** Set on the built-in demo cluster: why it runs. */
  demoReason?: string | undefined;
  /** Problems found in the user's keys.yaml, flashed at start and listed in help. */
  keyProblems?: readonly string[];
}

/** The smallest terminal kx draws in; below it a single line says so (and nothing crashes). */
const minColumns = 40;
const minRows = 8;

/** The explorer. */
export function Explorer(props: ExplorerProps): ReactElement {
  const { connection, watches, cache, theme } = props;
  const app = useApp();
  const keymap = useKeymap();
  const earlyPromptKeys = useEarlyPromptKeys();
  const { columns, rows } = useWindowSize();
  const [state, dispatchState] = useReducer(explorerReducer, undefined, () => initialState(props.initial, props.namespace));
  const entry = currentView(state);
  // Where keys go, updated the moment a prompt or pane opens (before the next render), so keys
  // typed right after ':' are not taken by the table.
  const tableHasFocus = useRef(true);
  tableHasFocus.current = state.prompt === undefined && state.pane === undefined;
  const dispatch: typeof dispatchState = (action) => {
    if ((action.type === 'prompt' && action.prompt) || (action.type === 'pane' && action.pane)) tableHasFocus.current = false;
    if (action.type === 'prompt') earlyPromptKeys.promptChanged(action.prompt);
    // The table unmounts under a pane: the view entry keeps the selected object for its return.
    if (action.type === 'pane' && action.pane && action.cursorUid === undefined) dispatchState({ ...action, cursorUid: selected?.uid });
    else dispatchState(action);
  };
  const [session, setSession] = useState<KubeSession>(connection.session);
  // Read-only follows the context: --readonly everywhere, or per context from config.yaml.
  const gate = useMemo(
    () => writeGateFor({ readonlyFlag: props.readonly, context: session.context.name, readonlyContexts: props.readonlyContexts ?? new Set() }),
    [props.readonly, props.readonlyContexts, session.context.name],
  );
  const readonly = gate.readonly;
  const [discovery, setDiscovery] = useState<DiscoveryResult | undefined>(undefined);
  const [serverVersion, setServerVersion] = useState<string | undefined>(undefined);
  const [flash, setFlash] = useState<Flash | undefined>(undefined);
  // The selected row as the table last reported it (after its commit, never during render).
  const [selected, setSelected] = useState<Row | undefined>(undefined);

  useEffect(() => connection.subscribe(setSession), [connection]);
  useEffect(() => {
    const flashes = props.keyProblems ?? [];
    if (flashes.length > 0) say(`${flashes[0]}${flashes.length > 1 ? ` (+${flashes.length - 1} more: see ? help)` : ''}`, 'error');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Discovery and the server version belong to the session's cluster: redo both after a context switch.
  useEffect(() => {
    let stopped = false;
    let stop: (() => void) | undefined;
    setDiscovery(undefined);
    startDiscovery(session.client, { onError: (err) => say(err.message, 'error') })
      .then((cache) => {
        if (stopped) return cache.stop();
        stop = cache.subscribe(setDiscovery);
        const halt = cache.stop.bind(cache);
        const unsubscribe = stop;
        stop = () => {
          unsubscribe();
          halt();
        };
        setDiscovery(cache.current());
      })
      .catch((err: unknown) => say(`Discovery failed: ${toKxError(err).message}`, 'error'));
    session.client
      .get<{ gitVersion?: string }>('/version')
      .then((v) => !stopped && setServerVersion(v.gitVersion))
      .catch(() => undefined);
    return () => {
      stopped = true;
      stop?.();
    };
  }, [session.client]);

  useViewWatches(watches, entry);
  // One reviewer per session's client: answers belong to one identity on one cluster.
  const reviewer = useMemo(() => new AccessReviewer(session.client), [session.client]);
  const denied = useDeniedActions(reviewer, entry.resource, entry.namespace);

  const flashTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  function say(text: string, level: Flash['level'] = 'info'): void {
    setFlash({ text, level });
    clearTimeout(flashTimer.current);
    flashTimer.current = setTimeout(() => setFlash(undefined), level === 'error' ? 8000 : 4000);
  }
  useEffect(() => () => clearTimeout(flashTimer.current), []);

  const visit = (next: ViewEntry, from: string | undefined = selected?.uid): void => dispatch({ type: 'visit', entry: next, cursorUid: from });

  const needDiscovery = (): DiscoveryResult | undefined => {
    if (!discovery) say('Still discovering the cluster’s resources; try again in a moment.');
    return discovery;
  };

  const targetOf = (row: Row): ObjectTarget => ({ resource: entry.resource, namespace: row.namespace, name: row.name, uid: row.uid });

  const switchNamespace = (namespace: string | undefined): void => {
    dispatch({ type: 'namespace', namespace });
    if (namespace !== undefined) void connection.useNamespace(namespace, { verify: false }).catch(() => undefined);
  };

  const switchContext = async (name: string): Promise<void> => {
    try {
      const next = await connection.useContext(name);
      watches.switchClient(next.client);
      const pods = entry.resource.plural === 'pods' && entry.resource.group === '' ? entry.resource : props.initial.resource;
      dispatch({ type: 'reset', entry: viewOf(pods, next.namespace), namespace: next.namespace });
      say(`Switched to context ${name}`);
    } catch (err) {
      say(toKxError(err).message, 'error');
    }
  };

  // The shell takes the whole terminal: Ink steps aside (leaves the alternate screen, releases
  // raw mode) and redraws everything when the shell exits or the connection drops.
  const shellInto = async (row: Row): Promise<void> => {
    try {
      gate.enter('shell');
      const pod = await session.client.get<KubeObject>(`/api/v1/namespaces/${encodeURIComponent(row.namespace)}/pods/${encodeURIComponent(row.name)}`);
      assertNotCompleted(pod);
      const container = defaultContainer(pod);
      if (!container) throw new Error(`pod "${row.name}" has no containers`);
      let outcome: Flash = { text: '', level: 'info' };
      await app.suspendTerminal(async () => {
        process.stdout.write(`kx: shell in ${row.namespace}/${row.name} (container ${container}); exit to return\r\n`);
        try {
          const result = await runInteractiveShell({ session, namespace: row.namespace, pod: row.name, container });
          outcome = { text: `${result.shell} in ${row.name}/${container} exited with status ${result.exitCode}`, level: result.exitCode === 0 ? 'info' : 'error' };
        } catch (err) {
          outcome = { text: toKxError(err).message, level: 'error' };
        }
      });
      say(outcome.text, outcome.level);
    } catch (err) {
      say(toKxError(err).message, 'error');
    }
  };

  const onAction = (id: string, row: Row | undefined): void => {
    if (id === 'filter') {
      dispatch({ type: 'prompt', prompt: '/' });
      return;
    }
    const refused = keymap.action(id)?.mutates ? gate.refusal(keymap.action(id)!.label) : undefined;
    if (refused) {
      say(refused);
      return;
    }
    if (denied.has(id)) {
      const q = questionsFor(id, entry.resource, entry.namespace);
      say(`You may not ${keymap.action(id)?.label ?? id} ${q?.resource.plural ?? entry.resource.plural}${entry.namespace ? ` in namespace ${entry.namespace}` : ''} (RBAC)`, 'error');
      return;
    }
    if (!row) {
      say(`No ${entry.resource.singular || entry.resource.plural} selected`);
      return;
    }
    // The row the key acted on, which the table comes back to when the pane closes.
    const openPane = (pane: PaneState): void => dispatch({ type: 'pane', pane, cursorUid: row.uid });
    switch (id) {
      case 'open': {
        const found = needDiscovery();
        if (!found) return;
        const child = drillDown(entry.resource, row, found, state.namespace);
        if (!child) {
          openPane({ kind: 'describe', target: targetOf(row) });
          return;
        }
        // Opening a namespace makes it the current one, as in k9s.
        if (resourceKey(entry.resource) === 'namespaces') switchNamespace(row.name);
        visit(child, row.uid);
        return;
      }
      case 'owner': {
        const found = needDiscovery();
        const ref = row.ownerRefs.find((o) => o.controller) ?? row.ownerRefs[0];
        if (!found || !ref) return;
        const resource = ownerResource(ref.kind, found);
        if (!resource) {
          say(`The server does not serve ${ref.kind}, the owner of ${row.name}`, 'error');
          return;
        }
        visit(viewOf(resource, row.namespace || undefined, { cursorUid: ref.uid }), row.uid);
        return;
      }
      case 'tree':
        openPane({ kind: 'tree', uid: row.uid });
        return;
      case 'describe':
      case 'yaml':
      case 'logs':
      case 'logs-previous':
      case 'scale':
        openPane({ kind: id, target: targetOf(row) });
        return;
      case 'rollout-history':
        openPane({ kind: 'history', target: targetOf(row) });
        return;
      case 'delete':
      case 'kill':
      case 'restart':
        openPane({ kind: 'confirm', action: id, target: targetOf(row) });
        return;
      case 'shell':
        void shellInto(row);
        return;
      default:
        return;
    }
  };

  const globalHandlers: ActionHandlers = {
    quit: () => app.exit(),
    help: () => dispatch({ type: 'pane', pane: { kind: 'help' } }),
    command: () => dispatch({ type: 'prompt', prompt: ':' }),
    back: () => {
      if (entry.filter !== '') dispatch({ type: 'filter', text: '' });
      else dispatch({ type: 'back' });
    },
    'history-back': () => dispatch({ type: 'back' }),
    'history-forward': () => dispatch({ type: 'forward' }),
    'all-namespaces': () => {
      if (!entry.resource.namespaced) return;
      const next = entry.namespace === undefined ? session.namespace : undefined;
      switchNamespace(next);
      visit({ ...entry, namespace: next, scope: entry.scope?.kind === 'node' ? entry.scope : undefined, cursorUid: selected?.uid });
    },
  };

  const commands = useCommandMode({
    discovery,
    connection,
    session,
    open: state.prompt === ':',
    actions: {
      close: () => dispatch({ type: 'prompt', prompt: undefined }),
      quit: () => app.exit(),
      help: () => dispatch({ type: 'pane', pane: { kind: 'help' } }),
      namespace: (name) => {
        switchNamespace(name);
        visit({ ...viewOf(entry.resource, name), cursorUid: undefined });
      },
      context: (name) => {
        if (name) void switchContext(name);
        else dispatch({ type: 'pane', pane: { kind: 'contexts' } });
      },
      view: (resource, scope) => {
        const namespace = scope.kind === 'all' ? undefined : scope.kind === 'namespace' ? scope.name : state.namespace;
        if (scope.kind !== 'current') switchNamespace(namespace);
        visit(viewOf(resource, namespace));
      },
    },
  });

  if (columns < minColumns || rows < minRows) {
    return (
      <Text wrap="truncate">
        too small: {columns}×{rows} (kx needs {minColumns}×{minRows})
      </Text>
    );
  }
  const headerLines = props.demoReason && rows >= 20 ? 2 : 1;
  const bottomLines = 1;
  const mainHeight = Math.max(3, rows - headerLines - bottomLines);
  const title = `${viewTitle(entry)} ${namespaceLabel(entry)}`.trim();
  const header = {
    context: session.context.name,
    cluster: session.context.cluster,
    user: session.context.user,
    namespace: state.namespace ?? 'all',
    serverVersion,
    demoReason: headerLines === 2 ? props.demoReason : undefined,
  };

  return (
    <Box flexDirection="column" width={columns} height={rows}>
      <Header info={header} theme={theme} width={columns} />
      <Box height={mainHeight} flexDirection="column">
        {state.pane ? (
          <PaneHost
            pane={state.pane}
            session={session}
            connection={connection}
            cache={cache}
            watches={watches}
            discovery={discovery}
            entry={entry}
            width={columns}
            height={mainHeight}
            theme={theme}
            gate={gate}
            keyProblems={props.keyProblems ?? []}
            onClose={() => dispatch({ type: 'pane', pane: undefined })}
            onFlash={(f) => say(f.text, f.level)}
            onSwitchContext={(name) => {
              dispatch({ type: 'pane', pane: undefined });
              void switchContext(name);
            }}
            onOpen={(pane: PaneState) => dispatch({ type: 'pane', pane })}
          />
        ) : (
          <ResourceView
            key={`${resourceKey(entry.resource)}:${state.history.index}`}
            cache={cache}
            entry={entry}
            width={columns}
            height={mainHeight}
            theme={theme}
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
          />
        )}
      </Box>
      {state.prompt ? (
        <PromptBar
          mode={state.prompt}
          theme={theme}
          width={columns}
          initialText={state.prompt === '/' ? entry.filter : ''}
          {...(state.prompt === ':' && commands.complete ? { complete: commands.complete } : {})}
          error={state.prompt === ':' ? commands.error : undefined}
          takeEarlyKeys={earlyPromptKeys.take}
          onChange={(text) => {
            commands.edited();
            if (state.prompt === '/') dispatch({ type: 'filter', text });
          }}
          onSubmit={(text) => {
            if (state.prompt === ':') commands.submit(text);
            else dispatch({ type: 'prompt', prompt: undefined });
          }}
          onCancel={() => {
            commands.cancel();
            if (state.prompt === '/') dispatch({ type: 'filter', text: '' });
            dispatch({ type: 'prompt', prompt: undefined });
          }}
        />
      ) : (
        <BottomLine entry={entry} pane={state.pane} theme={theme} width={columns} readonly={readonly} selected={selected} denied={denied} flash={flash} />
      )}
    </Box>
  );
}
