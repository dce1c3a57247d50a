/** The options, counters and handle of a list+watch stream (see list-watch.ts). */
import type { ApiClient } from './api-client.ts';
import type { BackoffOptions } from './backoff.ts';
import type { ResourceInfo } from './resource-info.ts';
import type { StreamState } from './stream-types.ts';

/** What to stream and how patiently. */
export interface ListWatchOptions {
  client: ApiClient;
  resource: Pick<ResourceInfo, 'group' | 'version' | 'plural' | 'kind' | 'namespaced'>;
  /** One namespace; leave out for all namespaces (and for cluster-scoped resources). */
  namespace?: string | undefined;
  labelSelector?: string | undefined;
  fieldSelector?: string | undefined;
  /** Ask for server-side Tables (`as=Table`) and deliver TableRowObjects plus columns. */
  table?: boolean;
  /** Objects per list page; default 500. 0 lists everything in one request. */
  pageSize?: number;
  /** Base watch timeout; each watch asks for a random value in [base, 2*base]; default 300 s (client-go's 5–10 min). */
  watchTimeoutSeconds?: number;
  /** A watch with no bytes for this long is presumed dead and re-opened; default 90 s. */
  stallTimeoutMs?: number;
  /** Limit for each list page and for the watch's response headers; default 30 s. */
  requestTimeoutMs?: number;
  backoff?: BackoffOptions;
  /** A watch that stayed up this long resets the backoff; default 30 s. */
  healthyResetMs?: number;
  random?: () => number;
}

/** Counters for tests, benchmarks and debugging. */
export interface ListWatchStats {
  lists: number;
  pages: number;
  watches: number;
  events: number;
  stalls: number;
  relists: number;
}

/** A running stream. */
export interface ListWatchHandle {
  state(): StreamState;
  /** The resourceVersion a reconnect resumes from (undefined before the first full list). */
  resourceVersion(): string | undefined;
  stats(): Readonly<ListWatchStats>;
  /** Tries again now: after forbidden/failed, or cuts a backoff wait short. */
  retry(): void;
  /** Aborts every request and timer; the sink hears nothing more. */
  stop(): void;
}
