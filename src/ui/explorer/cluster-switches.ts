/**
 * Switching the current namespace and the kubeconfig context: the session follows, the streams
 * move to the new client, and a context switch starts a fresh history on the pods view.
 */
import { viewOf, type ViewEntry } from '../../explorer/view-entry.ts';
import type { ClusterConnection } from '../../kube/cluster-connection.ts';
import { toKxError } from '../../kube/errors.ts';
import type { WatchManager } from '../../store/watch-manager.ts';
import type { Flash } from '../components/status-line.tsx';
import type { ExplorerAction } from './explorer-state.ts';

/** What the switches act on. */
export interface SwitchContext {
  connection: ClusterConnection;
  watches: WatchManager;
  /** The view on screen, and the one kx started on (a context switch opens pods if either is pods). */
  entry: ViewEntry;
  initial: ViewEntry;
  dispatch: (action: ExplorerAction) => void;
  say: (text: string, level?: Flash['level']) => void;
}

/** The namespace and context switches for the explorer's current state. */
export function clusterSwitches(ctx: SwitchContext): {
  switchNamespace: (namespace: string | undefined) => void;
  /** Switches context; `open` gives the first view there (from the context's namespace), else pods. */
  switchContext: (name: string, open?: (namespace: string | undefined) => { entry: ViewEntry; namespace: string | undefined }) => Promise<void>;
} {
  const { connection, dispatch, say } = ctx;
  return {
    switchNamespace(namespace) {
      dispatch({ type: 'namespace', namespace });
      if (namespace !== undefined) void connection.useNamespace(namespace, { verify: false }).catch(() => undefined);
    },
    async switchContext(name, open) {
      try {
        const next = await connection.useContext(name);
        ctx.watches.switchClient(next.client);
        const pods = ctx.entry.resource.plural === 'pods' && ctx.entry.resource.group === '' ? ctx.entry.resource : ctx.initial.resource;
        const first = open?.(next.namespace) ?? { entry: viewOf(pods, next.namespace), namespace: next.namespace };
        if (first.namespace !== undefined && first.namespace !== next.namespace) void connection.useNamespace(first.namespace, { verify: false }).catch(() => undefined);
        dispatch({ type: 'reset', ...first });
        say(`Switched to context ${name}`);
      } catch (err) {
        say(toKxError(err).message, 'error');
      }
    },
  };
}
