/**
 * A list+watch stream for any resource, feeding a StreamSink: paged initial list, watch from the
 * list's resourceVersion with bookmarks, resume after normal closes, full re-list after 410 Gone,
 * reconnect with backoff and jitter after errors, drops and silent stalls, and a StreamState the
 * UI can show. Written on raw fetch because client-node's informer stops on most errors and never
 * asks for bookmarks.
 */
import { tableAccept } from './api-client.ts';
import { backoffDelay, sleep } from './backoff.ts';
import { clusterIdentity } from './cluster-identity.ts';
import { KxError, toKxError } from './errors.ts';
import type { TableColumn } from './object.ts';
import type { ListWatchHandle, ListWatchOptions, ListWatchStats } from './list-watch-types.ts';
import { resourcePath } from './resource-info.ts';
import { listPages } from './list-pager.ts';
import { decodeWatchLine } from './stream-decode.ts';
import type { StreamSink, StreamState } from './stream-types.ts';

export type { ListWatchHandle, ListWatchOptions, ListWatchStats } from './list-watch-types.ts';

/** Starts streaming `opts.resource` into `sink` and returns the handle. */
export function startListWatch(opts: ListWatchOptions, sink: StreamSink): ListWatchHandle {
  return new ListWatch(opts, sink);
}

const stallReason = 'Stalled';

/** A 504 whose cause says the server has not reached the resourceVersion asked for (client-go's IsTooLargeResourceVersion). */
function isTooLargeResourceVersion(err: KxError): boolean {
  return err.code === 504 && (err.status?.details?.causes ?? []).some((c) => (c as { reason?: unknown } | null)?.reason === 'ResourceVersionTooLarge');
}

class ListWatch implements ListWatchHandle {
  readonly #opts: ListWatchOptions;
  readonly #sink: StreamSink;
  readonly #stop = new AbortController();
  readonly #stats: ListWatchStats = { lists: 0, pages: 0, watches: 0, events: 0, stalls: 0, relists: 0 };
  #state: StreamState = { phase: 'connecting' };
  #rv: string | undefined;
  #attempt = 0;
  #downSince: number | undefined;
  #connectedAt: number | undefined;
  #unpagedNext = false;
  #goneInARow = 0;
  #columnsKey = '';
  #wake: AbortController | undefined;
  /** When the watch last delivered anything (events or bookmarks): a stall is stale since then. */
  #lastHeard: number | undefined;
  /** The store the list came from (see cluster-identity.ts); undefined when it cannot be read. */
  #identity: Promise<string | undefined> | undefined;
  /** The connection was lost: before resuming, make sure the same store answers. */
  #checkIdentity = false;
  /** The timeoutSeconds the current watch asked for. */
  #watchSeconds = 0;

  constructor(opts: ListWatchOptions, sink: StreamSink) {
    this.#opts = opts;
    this.#sink = sink;
    sink.state(this.#state);
    // Only a throwing sink can get here; report it instead of an unhandled rejection.
    this.#run().catch((err: unknown) => {
      if (this.#stopped) return;
      try {
        this.#set({ phase: 'failed', reason: toKxError(err).message });
      } catch {
        // The sink is broken; nothing left to tell.
      }
    });
  }

  state = (): StreamState => this.#state;
  resourceVersion = (): string | undefined => this.#rv;
  stats = (): Readonly<ListWatchStats> => ({ ...this.#stats });

  retry(): void {
    this.#attempt = 0;
    this.#wake?.abort();
  }

  stop(): void {
    this.#stop.abort();
    this.#wake?.abort();
  }

  get #stopped(): boolean {
    return this.#stop.signal.aborted;
  }

  async #run(): Promise<void> {
    while (!this.#stopped) {
      this.#connectedAt = undefined;
      try {
        if (this.#rv !== undefined && this.#checkIdentity) await this.#sameStoreOrRelist();
        if (this.#rv === undefined) await this.#list();
        const events = await this.#watch();
        // A normal close (timeoutSeconds ran out): resume from the last resourceVersion, no re-list.
        // A watch that closes at once over and over would spin, so that counts as a failure.
        if (this.#connectedAt !== undefined && Date.now() - this.#connectedAt < 500 && events === 0) {
          throw new KxError('server', 'the server closed the watch at once');
        }
        // Closed well before the timeout it asked for: the server (or the path to it) went away
        // even if the close looked clean, so check which store answers before resuming.
        if (this.#connectedAt !== undefined && Date.now() - this.#connectedAt < this.#watchSeconds * 1000 - 2000) this.#checkIdentity = true;
        if (this.#isHealthy()) this.#attempt = 0;
      } catch (err) {
        if (this.#stopped) return;
        await this.#recover(toKxError(err));
      }
    }
  }

  async #recover(err: KxError): Promise<void> {
    if (this.#isHealthy()) this.#attempt = 0;
    if (isTooLargeResourceVersion(err)) {
      // The server's history is not ours (a restored etcd, a new server at the same address):
      // nothing after our resourceVersion can be trusted. List again, as client-go does.
      this.#relist();
      return this.#backoff(err.message);
    }
    switch (err.kind) {
      case 'gone':
        // Too old a resourceVersion (or an expired continue token): list again from scratch.
        this.#rv = undefined;
        this.#stats.relists++;
        if (this.#goneInARow++ > 0) await this.#backoff(err.message);
        return;
      case 'forbidden':
        this.#set({ phase: 'forbidden', message: err.message });
        return this.#park();
      case 'unauthorized':
      case 'notFound':
      case 'invalid':
      case 'config':
        this.#set({ phase: 'failed', reason: err.message });
        return this.#park();
      case 'timeout':
        if (err.reason === stallReason && this.#connectedAt !== undefined) {
          // Silent for twice the longest a healthy server is quiet: the rows can no longer be
          // vouched for. Say so (stale since the last byte) and re-open at once; a live server
          // answers and the view is live again, a dead path goes on to the reconnect backoff.
          this.#stats.stalls++;
          this.#downSince = this.#lastHeard ?? Date.now();
          this.#set({ phase: 'reconnecting', since: this.#downSince, attempt: this.#attempt, reason: `no data from the server since ${clock(this.#downSince)}` });
          return;
        }
        return this.#backoff(err.message);
      case 'unreachable':
        // The server may be gone. The one that answers next at this address may hold another
        // store (a new demo, a rebuilt cluster) that accepts our resourceVersion with a different
        // history: check which store answers before resuming. (A restored etcd is behind our
        // resourceVersion, which the server answers with 504 Too large resource version.)
        this.#checkIdentity = true;
        return this.#backoff(err.message);
      case 'server':
      case 'conflict':
      case 'aborted':
        return this.#backoff(err.message);
      default: {
        const never: never = err.kind;
        throw new Error(`unhandled error kind ${String(never)}`);
      }
    }
  }

  #isHealthy(): boolean {
    return this.#connectedAt !== undefined && Date.now() - this.#connectedAt >= (this.#opts.healthyResetMs ?? 20_000);
  }

  /**
   * After a lost connection, before resuming: is the store that answers now the one our
   * resourceVersion came from? A store behind us (a restored etcd) answers a list "not older
   * than" our resourceVersion with 504 Too large resource version (a 1.20 watch would instead
   * drop every event up to it, silently); a different store (a new demo, a rebuilt cluster) has
   * another uid for namespace default. Either means a re-list, and so does a probe the server
   * refuses otherwise (a list costs less than rows kx cannot vouch for). An unreadable uid (RBAC,
   * a server still starting) leaves the probe's word.
   */
  async #sameStoreOrRelist(): Promise<void> {
    const before = await this.#identity;
    try {
      await this.#opts.client.get(this.#path(), {
        query: { ...this.#query(), limit: '1', resourceVersion: this.#rv, resourceVersionMatch: 'NotOlderThan' },
        signal: this.#stop.signal,
        timeoutMs: this.#opts.requestTimeoutMs ?? 30_000,
      });
    } catch (err) {
      const e = toKxError(err);
      if (isTooLargeResourceVersion(e)) return this.#relistAfterCheck();
      // The server is not answering yet: check again on the next attempt.
      if (e.kind === 'unreachable' || e.kind === 'timeout' || e.kind === 'aborted') throw e;
      // Anything else (an old server that rejects the match, a 500 "future revision"): cannot vouch.
      return this.#relistAfterCheck();
    }
    // The probe passed: not behind us. A store with another uid is another store even if ahead.
    const now = await clusterIdentity(this.#opts.client);
    if (before !== undefined && now !== undefined && now !== before) {
      this.#identity = Promise.resolve(now);
      return this.#relistAfterCheck();
    }
    this.#checkIdentity = false;
  }

  #relistAfterCheck(): void {
    this.#checkIdentity = false;
    this.#relist();
  }

  /** The next attempt starts with a full list (its endSync drops rows the server no longer has). */
  #relist(): void {
    if (this.#rv === undefined) return;
    this.#rv = undefined;
    this.#stats.relists++;
  }

  async #backoff(reason: string): Promise<void> {
    this.#attempt++;
    this.#downSince ??= Date.now();
    this.#set({ phase: 'reconnecting', since: this.#downSince, attempt: this.#attempt, reason });
    const delay = backoffDelay(this.#attempt, { ...this.#opts.backoff, ...(this.#opts.random ? { random: this.#opts.random } : {}) });
    await this.#sleep(delay);
  }

  async #sleep(ms: number): Promise<void> {
    this.#wake = new AbortController();
    await sleep(ms, AbortSignal.any([this.#wake.signal, this.#stop.signal]));
    this.#wake = undefined;
  }

  // Waits for retry() or stop(): forbidden and failed streams do not hammer the server.
  #park(): Promise<void> {
    return this.#sleep(2 ** 31 - 1);
  }

  #query(): Record<string, string | undefined> {
    return { labelSelector: this.#opts.labelSelector || undefined, fieldSelector: this.#opts.fieldSelector || undefined };
  }

  #path(): string {
    return resourcePath(this.#opts.resource, this.#opts.namespace);
  }

  async #list(): Promise<void> {
    const { client, resource, table = false } = this.#opts;
    const pageSize = this.#unpagedNext ? 0 : (this.#opts.pageSize ?? 500);
    this.#unpagedNext = false;
    this.#stats.lists++;
    this.#set({ phase: 'syncing', loaded: 0 });
    let pages = 0;
    let rv: string;
    try {
      rv = await listPages(
        { client, resource, table, pageSize, path: this.#path(), query: this.#query(), signal: this.#stop.signal, timeoutMs: this.#opts.requestTimeoutMs ?? 30_000 },
        (page, { loaded, total }) => {
          if (pages++ === 0) {
            // A re-list after a failure mid-list calls beginSync again without endSync: a restart.
            this.#sink.beginSync();
            if (table && page.columns) this.#columns(page.columns, true);
          }
          this.#stats.pages++;
          for (const obj of page.objects) this.#sink.upsert(obj);
          this.#set(total === undefined ? { phase: 'syncing', loaded } : { phase: 'syncing', loaded, total });
        },
      );
    } catch (err) {
      // 410 after the first page means the continue token expired: like client-go's pager, fall
      // back to one unpaged list.
      if (pages > 0 && err instanceof KxError && err.kind === 'gone') this.#unpagedNext = true;
      throw err;
    }
    if (this.#stopped) return;
    this.#sink.endSync();
    this.#rv = rv;
    this.#checkIdentity = false;
    // Read once per list, beside the watch (not before it): only a lost connection needs it.
    this.#identity = clusterIdentity(this.#opts.client);
  }

  // Returns how many object events arrived before the server closed the watch normally.
  async #watch(): Promise<number> {
    const { client, resource, table = false } = this.#opts;
    const base = this.#opts.watchTimeoutSeconds ?? 25;
    const random = this.#opts.random ?? Math.random;
    this.#stats.watches++;
    const lines = await client.stream(this.#path(), {
      query: {
        ...this.#query(),
        watch: 'true',
        resourceVersion: this.#rv || undefined,
        allowWatchBookmarks: 'true',
        timeoutSeconds: (this.#watchSeconds = Math.floor(base * (1 + 0.2 * random()))),
      },
      ...(table ? { accept: tableAccept } : {}),
      signal: this.#stop.signal,
      timeoutMs: this.#opts.requestTimeoutMs ?? 30_000,
      idleTimeoutMs: this.#opts.stallTimeoutMs ?? 60_000,
      idleReason: stallReason,
    });
    this.#connectedAt = Date.now();
    this.#lastHeard = this.#connectedAt;
    this.#downSince = undefined;
    if (this.#state.phase !== 'live') this.#set({ phase: 'live', since: Date.now() });
    let events = 0;
    for await (const batch of lines) {
      this.#lastHeard = Date.now();
      for (const line of batch) {
        const event = decodeWatchLine(line, resource, table);
        switch (event.type) {
          case 'ERROR':
            throw event.error;
          case 'BOOKMARK':
            if (event.resourceVersion) this.#rv = event.resourceVersion;
            this.#goneInARow = 0;
            break;
          case 'ADDED':
          case 'MODIFIED':
          case 'DELETED':
            this.#stats.events++;
            events++;
            this.#goneInARow = 0;
            if (event.columns) this.#columns(event.columns, false);
            for (const obj of event.objects) {
              if (event.type === 'DELETED') this.#sink.remove(obj);
              else this.#sink.upsert(obj);
            }
            if (event.resourceVersion) this.#rv = event.resourceVersion;
            break;
          case 'IGNORED':
            break;
          default: {
            const never: never = event;
            throw new Error(`unhandled watch event ${JSON.stringify(never)}`);
          }
        }
      }
      // close() during a batch: the rest of it belongs to a stream nobody watches any more.
      if (this.#stop.signal.aborted) break;
    }
    return events;
  }

  #columns(defs: TableColumn[], force: boolean): void {
    const key = JSON.stringify(defs);
    if (!force && key === this.#columnsKey) return;
    this.#columnsKey = key;
    this.#sink.columns?.(defs);
  }

  #set(state: StreamState): void {
    if (this.#stopped) return;
    this.#state = state;
    this.#sink.state(state);
  }
}

/** A wall-clock time for a status line: 14:03:27. */
function clock(at: number): string {
  return new Date(at).toTimeString().slice(0, 8);
}
