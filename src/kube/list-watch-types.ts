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
  /**
   * Base watch timeout; each watch asks for a random value in [base, 1.2*base]; default 25 s. Short
   * on purpose: a 1.20 server is silent on an idle watch until it closes it (its one bookmark comes
   * just before), so the timeout bounds how long a healthy server can be quiet.
   */
  watchTimeoutSeconds?: number;
  /**
   * A watch with no bytes for this long is stale: the view says so and the watch is re-opened;
   * default 60 s, twice the longest a healthy server stays quiet (the demo's bookmarks come every
   * 30 s, a 1.20 server's watch ends within 30 s).
   */
  stallTimeoutMs?: number;
  /** Limit for each list page and for the watch's response headers; default 30 s. */
  requestTimeoutMs?: number;
  backoff?: BackoffOptions;
  /** A watch that stayed up this long resets the backoff; default 20 s (less than a watch lives). */
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
