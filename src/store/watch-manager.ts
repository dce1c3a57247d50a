/**
 * Owns the list+watch streams behind the views: one stream per (resource, namespace), shared by
 * every view that needs it (reference-counted), restarted on a context or namespace switch, and
 * feeding the normalised cache. Views ask for data; they never start streams themselves.
 */
import type { ApiClient } from '../kube/api-client.ts';
import { startListWatch, type ListWatchHandle } from '../kube/list-watch.ts';
import { resourceKey, type ResourceInfo } from '../kube/resource-info.ts';
import { selectorCacheKey, type ObjectCache } from './object-cache.ts';

interface Running {
  handle: ListWatchHandle;
  refs: number;
  resource: ResourceInfo;
  namespace: string | undefined;
  table: boolean;
  labelSelector: string | undefined;
  cacheKey: string;
}

/** Options a view passes when it asks for a resource. */
export interface WatchRequest {
  resource: ResourceInfo;
  /** One namespace, or undefined for all namespaces (and for cluster-scoped resources). */
  namespace?: string | undefined;
  /** Stream server-side Tables (custom resources and kinds without built-in columns). */
  table?: boolean;
  /**
   * A server-side label selector (`/-l app=web`). Its rows live apart in the cache under
   * selectorCacheKey(resource, selector), so the full stream's rows are neither hidden nor deleted.
   */
  labelSelector?: string | undefined;
}

/** Starts, shares and stops streams into one cache. */
export class WatchManager {
  readonly #running = new Map<string, Running>();
  #client: ApiClient;
  readonly #cache: ObjectCache;
  readonly #tuning: { stallTimeoutMs?: number };

  constructor(client: ApiClient, cache: ObjectCache, tuning: { stallTimeoutMs?: number } = {}) {
    this.#client = client;
    this.#cache = cache;
    this.#tuning = tuning;
  }

  /** Ensures a stream for `req` is running; returns the function that releases this view's hold on it. */
  watch(req: WatchRequest): () => void {
    const namespace = req.resource.namespaced ? req.namespace || undefined : undefined;
    const cacheKey = selectorCacheKey(resourceKey(req.resource), req.labelSelector);
    const key = `${cacheKey}@${namespace ?? '*'}`;
    let running = this.#running.get(key);
    if (!running) {
      const spec = { resource: req.resource, namespace, table: req.table === true, labelSelector: req.labelSelector || undefined, cacheKey };
      running = { ...spec, handle: this.#start(spec), refs: 0 };
      this.#running.set(key, running);
    }
    running.refs += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const r = this.#running.get(key);
      if (!r) return;
      r.refs -= 1;
      if (r.refs <= 0) {
        r.handle.stop();
        this.#running.delete(key);
        this.#dropRows(r);
      }
    };
  }

  /** Retries every stream now (after 'forbidden' or 'failed', or to cut a backoff short). */
  retryAll(): void {
    for (const r of this.#running.values()) r.handle.retry();
  }

  /** Points every stream at another cluster (a context switch): old rows go, streams restart. */
  switchClient(client: ApiClient): void {
    this.#client = client;
    for (const r of this.#running.values()) {
      r.handle.stop();
      this.#cache.release(r.cacheKey, r.namespace);
      r.handle = this.#start(r);
    }
  }

  /** Stops every stream (on exit). */
  stopAll(): void {
    for (const r of this.#running.values()) r.handle.stop();
    this.#running.clear();
  }

  /**
   * Removes a stopped stream's rows from the cache, minding the streams of the same resource that
   * still run: the cache keeps one row per object, whichever stream delivered it. A stream of all
   * namespaces still delivers the rows of a namespaced one that stopped, so those stay; when the
   * all-namespaces stream stops, every row goes and the namespaced streams list theirs again.
   */
  #dropRows(stopped: Running): void {
    const siblings = [...this.#running.values()].filter((o) => o.cacheKey === stopped.cacheKey);
    if (siblings.some((o) => o.namespace === undefined)) return;
    this.#cache.release(stopped.cacheKey, stopped.namespace);
    if (stopped.namespace !== undefined) return;
    for (const sibling of siblings) {
      sibling.handle.stop();
      sibling.handle = this.#start(sibling);
    }
  }

  #start(r: Omit<Running, 'handle' | 'refs'>): ListWatchHandle {
    const { resource, namespace, table, labelSelector } = r;
    const sink = this.#cache.sinkFor(r.cacheKey, { namespace, kind: resource.kind, namespaced: resource.namespaced, shortNames: resource.shortNames });
    return startListWatch({ client: this.#client, resource, namespace, table, labelSelector, ...this.#tuning }, sink);
  }
}
