/**
 * Credentials and connections for raw requests, taken from client-node so that tokens, token
 * files, client certificates, exec plugins, auth providers, proxies and insecure-skip-tls-verify
 * all work exactly as in client-node's own calls (its applyToHTTPSOptions, which its exec and
 * port-forward use too). Requests go through node:https rather than undici: importing undici
 * costs ~45 ms and ~25 MB at start-up, more than a one-shot command's own work.
 */
// Deep import: the package's index pulls in every generated API model (half a second at start-up).
import type { KubeConfig } from '@kubernetes/client-node/dist/config.js';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
  if (cluster.caFile) checkCaFile(cluster.caFile, cluster.name);
  const first = await authenticate(kc);
  // client-node hands over the CA as one Buffer (file contents or decoded certificate-authority-data).
  if (!server.startsWith('http:') && Buffer.isBuffer(first.ca) && first.ca.length > 0) {
    const problem = rootCertificatesProblem(first.ca);
    if (problem) throw new KxError('config', `unable to load root certificates: ${problem}`);
  }
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

// Go's words for the file errors a user can meet here (os.Open's *PathError texts).
const goErrnoText: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many levels of symbolic links',
};

/** kubectl's check that certificate-authority names a readable file, in its words, before client-node reads it. */
function checkCaFile(file: string, clusterName: string): void {
  try {
    readFileSync(file);
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    // Go opens a directory fine and fails on the read, so kubectl says so without its usual preamble.
    if (code === 'EISDIR') throw new KxError('config', `read ${file}: is a directory`, { cause: err });
    const why = goErrnoText[code] ?? (err as Error).message;
    throw new KxError('config', `unable to read certificate-authority ${file} for ${clusterName} due to open ${file}: ${why}`, { cause: err });
  }
}

/**
 * Why the CA bytes hold no usable certificate, as client-go's rootCertPool explains it; undefined
 * when at least one certificate parses (Node, given none, would silently fall back to its own roots).
 */
export function rootCertificatesProblem(bytes: Buffer): string | undefined {
  const blocks: { type: string; headers: boolean; der: Buffer | undefined; rest: string }[] = [];
  let text = bytes.toString('latin1');
  for (;;) {
    const block = decodePem(text);
    if (!block) break;
    blocks.push(block);
    text = block.rest;
  }
  const parses = (der: Buffer | undefined): Error | undefined => {
    try {
      new X509Certificate(der ?? Buffer.alloc(0));
      return undefined;
    } catch (err) {
      return err as Error;
    }
  };
  const usable = (b: (typeof blocks)[number]): boolean => b.type === 'CERTIFICATE' && !b.headers;
  if (blocks.some((b) => usable(b) && !parses(b.der))) return undefined;
  // createErrorParsingCAData: walk the blocks in order and name the first thing that is wrong.
  let remaining = bytes.length;
  for (const block of blocks) {
    if (usable(block) && parses(block.der)) return 'failed to parse certificate: x509: malformed certificate';
    remaining = block.rest.length;
  }
  if (remaining > 0) return 'unable to parse bytes as PEM block';
  return 'no valid certificate authority data seen';
}

// Go's pem.Decode, closely enough: the first well-formed block anywhere in the text, and what follows it.
function decodePem(text: string): { type: string; headers: boolean; der: Buffer | undefined; rest: string } | undefined {
  const pattern = /-----BEGIN ([^\r\n-]*)-----\r?\n([\s\S]*?)-----END \1-----[ \t]*(?:\r?\n|$)/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const body = m[2]!;
    const headers = /^[^\r\n]*:/.test(body);
    const base64 = (headers ? body.slice(body.search(/\r?\n\r?\n/) + 1) : body).replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0) continue;
    return { type: m[1]!, headers, der: Buffer.from(base64, 'base64'), rest: text.slice(m.index + m[0].length) };
  }
  return undefined;
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
