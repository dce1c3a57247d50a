/** Small helpers for writing JSON and Status responses and reading request bodies. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { DemoStatusError, badRequest, statusOf, type StatusDetails } from './errors.ts';
import { decodeKubernetesProtobuf, protobufMediaType } from './protobuf/decode.ts';

/** Writes a JSON body with a status code. */
export function sendJson(res: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** Writes an error as a metav1.Status with its HTTP code. */
export function sendError(res: ServerResponse, err: unknown): void {
  const status = statusOf(err);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  // As the apiserver's ErrorNegotiated: a Status that says when to retry says so in a header too.
  const retryAfter = (status.details as StatusDetails | undefined)?.retryAfterSeconds;
  if (retryAfter) res.setHeader('Retry-After', String(retryAfter));
  sendJson(res, status.code ?? 500, status);
}

/** Reads the whole request body (bounded, since the demo never needs big uploads). */
export async function readBody(req: IncomingMessage, max = 16 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > max) throw new Error('request body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON request body; a malformed body is a 400 like the real server's decode error. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = (req.headers['content-type'] ?? 'application/json').split(';')[0]?.trim() ?? '';
  const body = await readBody(req);
  if (body.length === 0) return undefined;
  // kubectl's typed clients (create namespace|deployment|…, autoscale) send protobuf.
  if (type === protobufMediaType) return decodeKubernetesProtobuf(body);
  // CBOR cannot be decoded here; client-go falls back to JSON on its 415.
  if (type !== 'application/json' && type !== 'application/yaml' && type !== '' && type !== '*/*') {
    throw new DemoStatusError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf`,
    );
  }
  try {
    if (type === 'application/yaml') return parseYaml(body.toString('utf8')) as unknown;
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch (err) {
    throw badRequest(`the body of the request was in an unknown format - accepted media types include: application/json, application/yaml (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** True for JSON objects (not arrays, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A boolean query parameter as the API server reads them ('true', '1'). */
export function queryBool(q: URLSearchParams, name: string): boolean {
  const v = q.get(name);
  return v === 'true' || v === '1' || v === 'True';
}

/** An integer query parameter, or undefined; garbage is a 400. */
export function queryInt(q: URLSearchParams, name: string): number | undefined {
  const v = q.get(name);
  if (v === null || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw badRequest(`invalid value for ${name}: ${v}`);
  return n;
}
