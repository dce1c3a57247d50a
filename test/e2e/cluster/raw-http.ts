import { request } from 'node:https';
import type { IncomingMessage } from 'node:http';

/** A finished raw HTTP exchange with the API server. */
export interface RawResponse {
  status: number;
  headers: IncomingMessage['headers'];
  body: string;
}

/** Options for one raw request (token auth, self-signed server cert accepted). */
export interface RawRequestOptions {
  method?: string;
  token?: string;
  body?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** Sends one HTTPS request to `url` and collects the whole body; rejects on network errors. */
export function rawRequest(url: string, opts: RawRequestOptions = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
    if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(opts.body));
    const req = request(url, { method: opts.method ?? 'GET', headers, rejectUnauthorized: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(opts.timeoutMs ?? 10_000, () => req.destroy(new Error(`Request to ${new URL(url).pathname} timed out.`)));
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}
