/**
 * Credentials and connections for raw requests, taken from client-node so that tokens, token
 * files, client certificates, exec plugins, auth providers, proxies and insecure-skip-tls-verify
 * all work exactly as in client-node's own calls (its applyToHTTPSOptions, which its exec and
 * port-forward use too). Requests go through node:https rather than undici: importing undici
 * costs ~45 ms and ~25 MB at start-up, more than a one-shot command's own work.
 */
// Deep import: the package's index pulls in every generated API model (half a second at start-up).
import type { KubeConfig } from '@kubernetes/client-node/dist/config.js';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent, type RequestOptions } from 'node:https';
import { KxError } from './errors.ts';
import { registerSecret } from './redact.ts';

/** What every request to one cluster needs: its base URL, fresh headers, and one shared connection pool. */
export interface RequestAuth {
  /** The cluster's server URL without a trailing slash, e.g. https://10.0.0.1:6443. */
  readonly server: string;
  /** Authorization (and impersonation) headers; exec plugins run here and cache their tokens. */
  headers(): Promise<Record<string, string>>;
  /** The agent carrying TLS settings, proxies and kept-alive connections for every request. */
  readonly agent: HttpAgent;
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
  const first = await authenticate(kc);
  // client-node's own agent has no keep-alive; every request would pay a TLS handshake. Build a
  // kept-alive one from the same TLS options, except behind a proxy (its agent does the tunnel).
  const agent = cluster.proxyUrl ? (first.agent as HttpAgent) : keptAliveAgent(server, first);
  return {
    server,
    agent,
    async headers() {
      return headersOf(await authenticate(kc));
    },
    async close() {
      agent.destroy();
    },
  };
}

function keptAliveAgent(server: string, opts: RequestOptions): HttpAgent {
  if (server.startsWith('http:')) return new HttpAgent({ keepAlive: true });
  const { ca, cert, key, pfx, passphrase, rejectUnauthorized, servername } = opts;
  return new HttpsAgent({
    keepAlive: true,
    ca,
    cert,
    key,
    pfx,
    passphrase,
    ...(rejectUnauthorized !== undefined ? { rejectUnauthorized } : {}),
    ...(servername ? { servername } : {}),
  });
}

/** The request headers client-node worked out, basic auth included; the secret part is registered for redaction. */
function headersOf(opts: RequestOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(opts.headers ?? {})) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  if (typeof opts.auth === 'string' && opts.auth) headers['Authorization'] = `Basic ${Buffer.from(opts.auth).toString('base64')}`;
  const authz = headers['Authorization'] ?? headers['authorization'];
  if (authz) registerSecret(authz.replace(/^\S+\s+/, ''));
  return headers;
}

async function authenticate(kc: KubeConfig): Promise<RequestOptions> {
  const opts: RequestOptions = {};
  try {
    await kc.applyToHTTPSOptions(opts);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new KxError('config', `cannot load credentials for context "${kc.getCurrentContext()}": ${message}`, { cause: err });
  }
  return opts;
}
