/** A small fetch helper for talking to the demo server in tests (bearer token, JSON). */
import type { DemoServer } from '../../src/demo/server/index.ts';

/** Response status plus parsed JSON body. */
export interface JsonResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** Sends a request with the server's token and parses the JSON answer. */
export async function api<T = Record<string, unknown>>(
  server: Pick<DemoServer, 'url' | 'token'>,
  path: string,
  init: { method?: string; body?: unknown; contentType?: string; accept?: string; token?: string | null } = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = {};
  const token = init.token === undefined ? server.token : init.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (init.accept) headers.accept = init.accept;
  if (init.body !== undefined) headers['content-type'] = init.contentType ?? 'application/json';
  const res = await fetch(server.url + path, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body !== undefined ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T, headers: res.headers };
}
