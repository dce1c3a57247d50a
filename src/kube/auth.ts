/**
 * Credentials for raw requests, taken from client-node so that tokens, token files, client
 * certificates, exec plugins, auth providers, impersonation and insecure-skip-tls-verify all work
 * exactly as in client-node's own calls.
 */
// Deep imports: the package's index pulls in every generated API model (half a second at start-up).
import type { KubeConfig } from '@kubernetes/client-node/dist/config.js';
import { HttpMethod, RequestContext } from '@kubernetes/client-node/dist/gen/http/http.js';
import type { Dispatcher } from 'undici';
import { KxError } from './errors.ts';
import { registerSecret } from './redact.ts';

/** What every request to one cluster needs: its base URL, fresh headers, and one shared connection pool. */
export interface RequestAuth {
  /** The cluster's server URL without a trailing slash, e.g. https://10.0.0.1:6443. */
  readonly server: string;
  /** Authorization (and impersonation) headers; exec plugins run here and cache their tokens. */
  headers(): Promise<Record<string, string>>;
  /** The undici dispatcher carrying TLS settings and proxies; undefined means undici's default. */
  readonly dispatcher: Dispatcher | undefined;
  /** Closes the pooled connections. */
  close(): Promise<void>;
}

/** Builds the RequestAuth for the current context of `kc` (which must have a current cluster). */
export async function createRequestAuth(kc: KubeConfig): Promise<RequestAuth> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) {
    throw new KxError('config', `context "${kc.getCurrentContext()}" has no cluster in the kubeconfig`);
  }
  // client-node refuses plain http:// unless insecure-skip-tls-verify is set; kubectl accepts it
  // (there is no TLS to verify), so relax that on our own copy of the cluster entry.
  if (cluster.server.startsWith('http:') && !cluster.skipTLSVerify) {
    (cluster as { skipTLSVerify: boolean }).skipTLSVerify = true;
  }
  const server = cluster.server.replace(/\/+$/, '');
  // applySecurityAuthentication builds a new undici Agent on every call; keep the first one for
  // all requests (one pool per session) and discard the ones later calls create.
  const first = await authenticate(kc, server);
  const dispatcher = first.getDispatcher();
  return {
    server,
    dispatcher,
    async headers() {
      const ctx = await authenticate(kc, server);
      const headers = ctx.getHeaders();
      const authz = headers['Authorization'] ?? headers['authorization'];
      if (authz) registerSecret(authz.replace(/^\S+\s+/, ''));
      return headers;
    },
    async close() {
      await dispatcher?.close().catch(() => undefined);
    },
  };
}

async function authenticate(kc: KubeConfig, server: string): Promise<RequestContext> {
  const ctx = new RequestContext(server, HttpMethod.GET);
  try {
    await kc.applySecurityAuthentication(ctx);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new KxError('config', `cannot load credentials for context "${kc.getCurrentContext()}": ${message}`, { cause: err });
  }
  return ctx;
}
