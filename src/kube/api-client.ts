/**
 * A small raw-JSON client for the Kubernetes API on top of client-node's authentication: any
 * path, any verb, explicit patch content types, custom Accept (as=Table), abort and timeouts.
 * Answers are parsed JSON exactly as the server sent them (no typed models, no field lost).
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { constants as zlib, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import type { RequestAuth } from './auth.ts';
import { describeSpan, errorFromResponse, KxError, toKxError } from './errors.ts';
import { openLineStream, type LineStream } from './line-stream.ts';

/** HTTP verbs the API uses. */
export type HttpVerb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The three patch flavours the API server accepts, by kubectl's names. */
export type PatchType = 'merge' | 'strategic' | 'json';

/** Content-Type for each patch flavour. */
export const patchContentType: Record<PatchType, string> = {
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  json: 'application/json-patch+json',
};

/** Accept header that asks the server for a meta.k8s.io/v1 Table (works for list and watch). */
export const tableAccept = 'application/json;as=Table;v=v1;g=meta.k8s.io';

/** Query parameters; undefined values are left out. */
export type Query = Record<string, string | number | boolean | undefined>;

/** Options for one request. */
export interface RequestOptions {
  query?: Query;
  /** A JSON body (serialised here) for POST/PUT/PATCH. */
  body?: unknown;
  /** Content-Type of the body; defaults to application/json. */
  contentType?: string;
  accept?: string;
  signal?: AbortSignal;
  /** Gives up (KxError 'timeout') when the whole answer has not arrived in this time; default 30 s. */
  timeoutMs?: number;
}

/** Options for a streaming GET (watch, logs). */
export interface StreamOptions extends Omit<RequestOptions, 'body' | 'contentType'> {
  /** Applies until the response headers arrive; default 30 s. */
  timeoutMs?: number;
  /** Ends the stream with KxError 'timeout' when no bytes arrive for this long; default: never. */
  idleTimeoutMs?: number;
  /** The KxError reason given to an idle timeout, so callers can tell a stall from other timeouts. */
  idleReason?: string;
}

/** Raw JSON access to one cluster with one identity (non-JSON answers, like logs, come back as a string). Every failure rejects with a KxError. */
export interface ApiClient {
  readonly server: string;
  request<T = unknown>(method: HttpVerb, path: string, opts?: RequestOptions): Promise<T>;
  get<T = unknown>(path: string, opts?: RequestOptions): Promise<T>;
  post<T = unknown>(path: string, body: unknown, opts?: RequestOptions): Promise<T>;
  put<T = unknown>(path: string, body: unknown, opts?: RequestOptions): Promise<T>;
  patch<T = unknown>(path: string, type: PatchType, body: unknown, opts?: RequestOptions): Promise<T>;
  delete<T = unknown>(path: string, opts?: RequestOptions): Promise<T>;
  /** A GET whose body arrives line by line (watch events, log lines); resolves once headers say 200. */
  stream(path: string, opts?: StreamOptions): Promise<LineStream>;
  /** Closes pooled connections; the client must not be used afterwards. */
  close(): Promise<void>;
}

const userAgent = 'kx/0.1.0';
let defaultTimeoutMs = 30_000;

/** kubectl's --request-timeout: how long a single request may take unless a call says otherwise. */
export function setDefaultRequestTimeout(ms: number): void {
  if (ms > 0) defaultTimeoutMs = ms;
}

/** The URL for `path` on `server`, with query parameters appended. */
export function buildUrl(server: string, path: string, query?: Query): URL {
  const url = new URL(server + path);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url;
}

/** Creates an ApiClient that authenticates with `auth`. */
export function createApiClient(auth: RequestAuth): ApiClient {
  interface Opened {
    /** The body, decompressed. */
    body: Readable;
    contentType: string;
    signal: AbortSignal;
    timer: NodeJS.Timeout;
  }

  // Sends the request and checks the status; the timeout keeps running until the caller clears it.
  async function open(method: HttpVerb, path: string, opts: RequestOptions): Promise<Opened> {
    const timeoutMs = opts.timeoutMs ?? defaultTimeoutMs;
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new KxError('timeout', `the request timed out after ${describeSpan(timeoutMs)} (${method} ${path})`)), timeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout.signal]) : timeout.signal;
    try {
      const headers: Record<string, string> = {
        ...(await auth.headers()),
        Accept: opts.accept ?? 'application/json',
        // As client-go does: big lists are several times smaller gzipped (the server compresses
        // answers over 128 KiB when asked).
        'Accept-Encoding': 'gzip',
        'User-Agent': userAgent,
      };
      let body: string | undefined;
      if (opts.body !== undefined) {
        body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
        headers['Content-Type'] = opts.contentType ?? 'application/json';
        headers['Content-Length'] = String(Buffer.byteLength(body));
      }
      const response = await send(auth, method, buildUrl(auth.server, path, opts.query), headers, body, signal);
      const decoded = decompressed(response);
      if ((response.statusCode ?? 0) < 200 || (response.statusCode ?? 0) > 299) {
        const text = await readText(decoded).catch(() => '');
        throw errorFromResponse(response.statusCode ?? 0, text);
      }
      return { body: decoded, contentType: response.headers['content-type'] ?? 'application/json', signal, timer };
    } catch (err) {
      clearTimeout(timer);
      throw abortReason(signal) ?? toKxError(err);
    }
  }

  const request = async <T>(method: HttpVerb, path: string, opts: RequestOptions = {}): Promise<T> => {
    const { body, contentType, signal, timer } = await open(method, path, opts);
    try {
      const text = await readText(body);
      // Logs and other plain-text answers come back as the string itself.
      const isJson = /json/i.test(contentType);
      return (isJson ? (text ? JSON.parse(text) : undefined) : text) as T;
    } catch (err) {
      throw abortReason(signal) ?? toKxError(err);
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    server: auth.server,
    request,
    get: (path, opts) => request('GET', path, opts),
    post: (path, body, opts) => request('POST', path, { ...opts, body }),
    put: (path, body, opts) => request('PUT', path, { ...opts, body }),
    patch: (path, type, body, opts) => request('PATCH', path, { ...opts, body, contentType: patchContentType[type] }),
    delete: (path, opts) => request('DELETE', path, opts),
    async stream(path, opts = {}) {
      const { body, signal, timer } = await open('GET', path, opts);
      // The connect timeout is over once headers are in; from here the idle timeout guards the body.
      clearTimeout(timer);
      return openLineStream(body, signal, opts.idleTimeoutMs, opts.idleReason);
    },
    close: () => auth.close(),
  };
}

/** Sends one request through the session's agent; resolves with the response once its headers are in. */
function send(auth: RequestAuth, method: HttpVerb, url: URL, headers: Record<string, string>, body: string | undefined, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = (url.protocol === 'http:' ? httpRequest : httpsRequest)(url, { method, headers, agent: auth.agent, signal });
    req.once('response', resolve);
    req.once('error', reject);
    req.end(body);
  });
}

/** The response body without its gzip/deflate content encoding; errors of the response carry over. */
function decompressed(response: IncomingMessage): Readable {
  const encoding = response.headers['content-encoding'];
  if (encoding !== 'gzip' && encoding !== 'deflate') return response;
  // Sync flushes: a compressed watch stream still hands over each event as it arrives.
  const decoder = encoding === 'gzip' ? createGunzip({ flush: zlib.Z_SYNC_FLUSH }) : createInflate({ flush: zlib.Z_SYNC_FLUSH });
  response.once('error', (err) => decoder.destroy(err));
  decoder.once('close', () => response.destroy());
  return response.pipe(decoder);
}

/** The whole body as UTF-8 text. */
async function readText(body: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A KxError for an aborted signal: our timeout's own error, or 'aborted' for the caller's abort. */
export function abortReason(signal: AbortSignal): KxError | undefined {
  if (!signal.aborted) return undefined;
  if (signal.reason instanceof KxError) return signal.reason;
  return new KxError('aborted', 'the request was cancelled');
}
