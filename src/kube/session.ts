/**
 * A KubeSession is one context of one kubeconfig with its own authenticated API client and a
 * default namespace. Switching namespace makes a cheap sibling that shares the client; switching
 * context makes a new session (see cluster-connection.ts).
 */
import type { KubeConfig } from '@kubernetes/client-node/dist/config.js';
import type { ApiClient } from './api-client.ts';
import { createApiClient } from './api-client.ts';
import { readFileSync } from 'node:fs';
import { cacheDir } from '../config/paths.ts';
import { createRequestAuth } from './auth.ts';
import { clusterIdentity, type DiscoveryDiskCache } from './discovery-disk-cache.ts';
import { KxError } from './errors.ts';
import type { ContextInfo, LoadedKubeconfig, NamespaceSource } from './kubeconfig.ts';
import { resolveContext } from './kubeconfig.ts';
import type { KubeList } from './object.ts';

/** One context's connection: who, where, which namespace by default, and the client to ask. */
export interface KubeSession {
  readonly context: ContextInfo;
  /** The namespace views use unless told otherwise (-n, else the context's, else 'default'). */
  readonly namespace: string;
  readonly namespaceSource: NamespaceSource;
  readonly client: ApiClient;
  /**
   * client-node's KubeConfig set to this context, for the few calls kx leaves to client-node
   * (exec over WebSocket). Everything else goes through `client`.
   */
  readonly kubeConfig: KubeConfig;
  /** Where this cluster's discovery is kept between runs (see discovery-disk-cache.ts). */
  readonly discoveryCache: DiscoveryDiskCache;
  /** Names of the cluster's namespaces, sorted (needs list permission on namespaces). */
  listNamespaces(signal?: AbortSignal): Promise<string[]>;
  /** Throws KxError('config') `namespace "x" not found` when the server says it does not exist. */
  checkNamespace(namespace: string, signal?: AbortSignal): Promise<void>;
  /** The same context and client with another default namespace. */
  withNamespace(namespace: string): KubeSession;
  /** Closes the client's connections (only when the context is left; siblings share it). */
  close(): Promise<void>;
}

/** Opens a session for `--context` (or the current context) and `-n` (or the context's namespace). */
export async function openSession(loaded: LoadedKubeconfig, choice: { context?: string | undefined; namespace?: string | undefined } = {}): Promise<KubeSession> {
  const resolved = resolveContext(loaded, choice);
  const client = createApiClient(await createRequestAuth(resolved.kubeConfig));
  const discoveryCache = { dir: cacheDir(), identity: identityOf(resolved.kubeConfig) };
  return makeSession(resolved.context, resolved.namespace, resolved.namespaceSource, client, resolved.kubeConfig, discoveryCache);
}

/** The cluster's server and CA, hashed: names its discovery cache file. */
function identityOf(kc: KubeConfig): string {
  const cluster = kc.getCurrentCluster();
  let ca: string | Buffer | undefined = cluster?.caData;
  if (!ca && cluster?.caFile) {
    try {
      ca = readFileSync(cluster.caFile);
    } catch {
      ca = cluster.caFile;
    }
  }
  return clusterIdentity(cluster?.server ?? '', ca);
}

/** A session around an existing client (used by openSession and withNamespace). */
export function makeSession(
  context: ContextInfo,
  namespace: string,
  namespaceSource: NamespaceSource,
  client: ApiClient,
  kubeConfig: KubeConfig,
  discoveryCache: DiscoveryDiskCache = { dir: undefined, identity: '' },
): KubeSession {
  return {
    context,
    namespace,
    namespaceSource,
    client,
    kubeConfig,
    discoveryCache,
    async listNamespaces(signal) {
      const list = await client.get<KubeList>('/api/v1/namespaces', signal ? { signal } : {});
      return list.items.map((n) => n.metadata.name).sort();
    },
    async checkNamespace(ns, signal) {
      try {
        await client.get(`/api/v1/namespaces/${encodeURIComponent(ns)}`, signal ? { signal } : {});
      } catch (err) {
        if (err instanceof KxError && err.kind === 'notFound') {
          throw new KxError('config', `namespace "${ns}" not found in context "${context.name}"`, { code: 404, reason: 'NotFound' });
        }
        // Without permission to read namespaces kx cannot tell; kubectl does not check at all.
        if (err instanceof KxError && err.kind === 'forbidden') return;
        throw err;
      }
    },
    withNamespace(ns) {
      return makeSession(context, ns, 'flag', client, kubeConfig, discoveryCache);
    },
    close: () => client.close(),
  };
}
