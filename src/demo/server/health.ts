/**
 * /healthz, /livez and /readyz as the API server answers them: `ok`, each check by its own path
 * (`/readyz/etcd`), and `?verbose` listing the checks. Like the real server's
 * system:public-info-viewer role, they need no token (load balancers and probes have none).
 */
import type { ServerResponse } from 'node:http';
import { unknownResource } from './errors.ts';

/** The checks each endpoint runs, in the real server's order (a subset: the demo has no post-start hooks). */
const checks: Record<string, string[]> = {
  healthz: ['ping', 'log', 'etcd'],
  livez: ['ping', 'log', 'etcd'],
  readyz: ['ping', 'log', 'etcd', 'etcd-readiness', 'informer-sync', 'shutdown'],
};

/** True for the paths this module answers. */
export function isHealthPath(pathname: string): boolean {
  return (pathname.split('/')[1] ?? '') in checks;
}

/** Answers GET /healthz, /livez, /readyz, their `/CHECK` paths and `?verbose`. */
export function sendHealth(res: ServerResponse, pathname: string, query: URLSearchParams): void {
  const [endpoint, check, ...rest] = pathname.split('/').filter((p) => p !== '') as [string, string?, ...string[]];
  const list = checks[endpoint] ?? [];
  if (rest.length > 0 || (check !== undefined && !list.includes(check))) throw unknownResource();
  const verbose = query.has('verbose') && check === undefined;
  const body = verbose ? `${list.map((c) => `[+]${c} ok`).join('\n')}\n${endpoint} check passed\n` : 'ok';
  res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
