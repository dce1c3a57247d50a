/**
 * Typed errors for everything kube/ does: every failure becomes a KxError whose message is one
 * sentence in kubectl's words, so the CLI and the flash bar can show it as it is.
 */
import { isIP } from 'node:net';
import type { KubeStatus } from './object.ts';
import { redactSecrets } from './redact.ts';

/** What went wrong, coarse enough for a caller to decide what to do (retry, re-list, give up). */
export type KxErrorKind = 'config' | 'unauthorized' | 'forbidden' | 'notFound' | 'conflict' | 'gone' | 'unreachable' | 'timeout' | 'invalid' | 'server' | 'aborted';

/** A failure with a user-facing sentence (never a stack trace, never a token) and its HTTP facts. */
export class KxError extends Error {
  override readonly name = 'KxError';
  readonly kind: KxErrorKind;
  /** HTTP status code, when the server answered. */
  readonly code: number | undefined;
  /** metav1.Status reason (NotFound, Expired, AlreadyExists, …), when the server gave one. */
  readonly reason: string | undefined;
  /** The server's Status body, when there was one. */
  readonly status: KubeStatus | undefined;

  constructor(kind: KxErrorKind, message: string, extra: { code?: number; reason?: string; status?: KubeStatus; cause?: unknown } = {}) {
    super(redactSecrets(message), extra.cause === undefined ? undefined : { cause: extra.cause });
    this.kind = kind;
    this.code = extra.code;
    this.reason = extra.reason;
    this.status = extra.status;
  }
}

/** A duration for a message: '200 ms', '30 s'. */
export function describeSpan(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

/** True for errors a list+watch should answer with a full re-list (410 Gone, expired resourceVersion). */
export function isGone(err: unknown): boolean {
  return err instanceof KxError && err.kind === 'gone';
}

const reasonByCode: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  409: 'Conflict',
  410: 'Gone',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

// client-go's wording for answers that carry no Status body (apimachinery NewGenericServerResponse).
const messageByCode: Record<number, string> = {
  400: 'the server rejected our request for an unknown reason',
  403: 'the server does not allow access to the requested resource',
  404: 'the server could not find the requested resource',
  405: 'the server does not allow this method on the requested resource',
  406: 'the server was unable to respond with a content type that the client supports',
  409: 'the server reported a conflict',
  410: 'the resource version is too old',
  415: 'the server was unable to handle the request content type',
  422: 'the server rejected our request due to an error in our request',
  429: 'the server has received too many requests and has asked us to try again later',
  500: 'an error on the server has prevented the request from succeeding',
  503: 'the server is currently unable to handle the request',
  504: 'the server was unable to return a response in the time allotted, but may still be processing the request',
};

/** The KxError kind for an HTTP status code. */
export function kindForCode(code: number): KxErrorKind {
  if (code === 401) return 'unauthorized';
  if (code === 403) return 'forbidden';
  if (code === 404) return 'notFound';
  if (code === 409) return 'conflict';
  if (code === 410) return 'gone';
  if (code === 400 || code === 405 || code === 406 || code === 415 || code === 422) return 'invalid';
  if (code === 408 || code === 504) return 'timeout';
  return 'server';
}

/** Reads a metav1.Status out of a parsed or textual body; undefined when it is not one. */
export function parseStatus(body: unknown): KubeStatus | undefined {
  let value = body;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (value && typeof value === 'object' && (value as { kind?: unknown }).kind === 'Status') {
    return value as KubeStatus;
  }
  return undefined;
}

/**
 * The KxError for an HTTP answer: `Error from server (NotFound): pods "x" not found`, or for 401
 * `You must be logged in to the server (Unauthorized)`, as kubectl words them.
 */
export function errorFromResponse(code: number, body: unknown): KxError {
  const status = parseStatus(body);
  const effectiveCode = status?.code && status.code >= 400 ? status.code : code;
  const kind = status?.reason === 'Expired' || status?.reason === 'Gone' ? 'gone' : kindForCode(effectiveCode);
  const reason = status?.reason || reasonByCode[effectiveCode];
  const extra = { code: effectiveCode, ...(reason ? { reason } : {}), ...(status ? { status } : {}) };
  if (kind === 'unauthorized') {
    return new KxError(kind, `You must be logged in to the server (${status?.message || 'Unauthorized'})`, extra);
  }
  let text = status?.message;
  if (!text && typeof body === 'string' && body.trim() && !body.trim().startsWith('<')) text = body.trim();
  if (!text) text = messageByCode[effectiveCode] ?? `unknown (HTTP ${effectiveCode})`;
  const message = reason ? `Error from server (${reason}): ${text}` : `Error from server: ${text}`;
  return new KxError(kind, message, extra);
}

/**
 * client-go's error for an answer without a Status body to a typed request (a proxied API such as
 * metrics.k8s.io answering plain text): the code's generic sentence naming the verb and resource,
 * `…unable to handle the request (get pods.metrics.k8s.io NAME)`; the server's text is dropped, as
 * client-go keeps it only as a cause. Errors that carry a Status are returned unchanged.
 */
export function withRequestContext(err: unknown, verb: string, qualifiedResource: string, name?: string): KxError {
  const e = toKxError(err);
  const generic = e.code === undefined ? undefined : messageByCode[e.code];
  if (e.status !== undefined || generic === undefined || e.kind === 'unauthorized') return e;
  const reason = reasonByCode[e.code!];
  const message = `Error from server${reason ? ` (${reason})` : ''}: ${generic} (${verb} ${qualifiedResource}${name ? ` ${name}` : ''})`;
  return new KxError(e.kind, message, { code: e.code!, ...(reason ? { reason } : {}), cause: err });
}

/** Turns anything thrown (client-node ApiException, fetch failures, Status bodies, timeouts) into a KxError. */
export function toKxError(err: unknown): KxError {
  if (err instanceof KxError) return err;
  if (err && typeof err === 'object') {
    const e = err as { code?: unknown; body?: unknown; statusCode?: unknown; name?: unknown; message?: unknown; cause?: unknown };
    // client-node's ApiException: numeric code plus the raw body (string or parsed).
    if (typeof e.code === 'number' && e.code >= 400 && 'body' in e) return errorFromResponse(e.code, e.body);
    // client-node's Watch: an Error with statusCode.
    if (typeof e.statusCode === 'number' && e.statusCode >= 400) return errorFromResponse(e.statusCode, e.body);
    const status = parseStatus(err);
    if (status) return errorFromResponse(status.code ?? 500, status);
    if (e.name === 'TimeoutError') return new KxError('timeout', 'Unable to connect to the server: the request timed out', { cause: err });
    if (e.name === 'AbortError') return new KxError('aborted', 'the request was cancelled', { cause: err });
    const tls = tlsFailure(err);
    if (tls) return tls;
    const network = networkCause(err);
    if (network) return network;
  }
  const message = err instanceof Error ? err.message : String(err);
  return new KxError('server', message || 'unknown error', { cause: err });
}

// OpenSSL's verdicts that Go reports as an unknown authority: no chain from the server's
// certificate to a CA the kubeconfig trusts.
const unknownAuthorityCodes = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);
const expiryCodes = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

/**
 * A server certificate the kubeconfig does not trust, in kubectl's words (`Unable to connect to the
 * server: tls: failed to verify certificate: x509: certificate signed by unknown authority`)
 * instead of Node's (which suggests --use-system-ca, a flag of a program the user did not run).
 * It is kind 'config': no retry fixes it until the kubeconfig (or the server's certificate) changes.
 */
export function tlsFailure(err: unknown): KxError | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const c = current as { code?: unknown; cause?: unknown; host?: unknown; cert?: { subjectaltname?: unknown } };
    const x509 = typeof c.code === 'string' ? x509Reason(c.code, c.host, c.cert?.subjectaltname) : undefined;
    if (x509) {
      return new KxError('config', `Unable to connect to the server: tls: failed to verify certificate: x509: ${x509}`, { cause: err });
    }
    current = c.cause;
  }
  return undefined;
}

// Go's crypto/x509 sentences for the verification errors Node reports by code.
function x509Reason(code: string, host: unknown, altNames: unknown): string | undefined {
  if (unknownAuthorityCodes.has(code)) return 'certificate signed by unknown authority';
  if (expiryCodes.has(code)) return 'certificate has expired or is not yet valid';
  if (code !== 'ERR_TLS_CERT_ALTNAME_INVALID') return undefined;
  const wanted = typeof host === 'string' ? host : '';
  const names = typeof altNames === 'string' ? altNames.split(', ') : [];
  // Go lists the certificate's IP addresses when the wanted host is an IP, else its DNS names.
  const isIp = isIP(wanted) !== 0;
  const valid = names.filter((n) => n.startsWith(isIp ? 'IP Address:' : 'DNS:')).map((n) => n.slice(n.indexOf(':') + 1));
  if (isIp && valid.length === 0) return `cannot validate certificate for ${wanted} because it doesn't contain any IP SANs`;
  if (valid.length === 0) return `certificate is not valid for any names, but wanted to match ${wanted}`;
  return `certificate is valid for ${valid.join(', ')}, not ${wanted}`;
}

const timeoutCodes = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

// undici wraps socket errors as TypeError('fetch failed') with the system error (or an
// AggregateError of one per address) in `cause`; the innermost message is what a user can act on.
function networkCause(err: unknown): KxError | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const c = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (Array.isArray(c.errors) && c.errors.length > 0 && !c.code) {
      current = c.errors[0];
      continue;
    }
    if (typeof c.code === 'string' && typeof c.message === 'string' && c.message) {
      const kind = timeoutCodes.has(c.code) ? 'timeout' : 'unreachable';
      return new KxError(kind, `Unable to connect to the server: ${c.message}`, { cause: err, reason: c.code });
    }
    current = c.cause;
  }
  if (err instanceof TypeError && err.message === 'fetch failed') {
    return new KxError('unreachable', 'Unable to connect to the server', { cause: err });
  }
  return undefined;
}
