/** Turns a LogQuery into the query string of GET pods/NAME/log, as kubectl sends it. */
import type { Query } from '../kube/api-client.ts';
import type { LogQuery } from './log-types.ts';

/** Query parameters for one container; `resumeAfter` replaces tail/since with sinceTime after a reconnect. */
export function logRequestQuery(container: string, query: LogQuery, resumeAfter?: string): Query {
  const base: Query = {
    container,
    // Always stamped: needed to resume without duplicates, and it keeps blank lines non-empty.
    timestamps: true,
    ...(query.follow && !query.previous ? { follow: true } : {}),
    ...(query.previous ? { previous: true } : {}),
  };
  if (resumeAfter) return { ...base, sinceTime: resumeAfter };
  return {
    ...base,
    ...(query.tailLines !== undefined ? { tailLines: query.tailLines } : {}),
    ...(query.sinceSeconds !== undefined ? { sinceSeconds: query.sinceSeconds } : {}),
    ...(query.sinceTime !== undefined ? { sinceTime: query.sinceTime } : {}),
  };
}

/** The REST path of a pod's log. */
export function podLogPath(namespace: string, pod: string): string {
  return `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/log`;
}

/** The REST path of a pod. */
export function podPath(namespace: string, pod: string): string {
  return `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}`;
}
