/**
 * Keeps discovery current: discovers once, then watches CustomResourceDefinitions and
 * re-discovers (debounced) whenever one is added, changed (e.g. becomes Established) or removed,
 * telling subscribers when the set of resources changed.
 */
import type { ApiClient } from './api-client.ts';
import { discover, type DiscoveryResult } from './discovery.ts';
import { toKxError, type KxError } from './errors.ts';
import { startListWatch, type ListWatchHandle, type ListWatchOptions } from './list-watch.ts';
import { findResource, resolveResource } from './resource-resolver.ts';
import type { ResourceInfo } from './resource-info.ts';
import type { StreamSink } from './stream-types.ts';

/** Tuning for the cache. */
export interface DiscoveryCacheOptions {
  /** Quiet time after a CRD change before re-discovering; default 500 ms. */
  debounceMs?: number;
  /** Passed to the CRD watch (stall timeout, backoff, …). */
  watch?: Omit<ListWatchOptions, 'client' | 'resource'>;
  /** Called when a refresh fails (the previous result stays in use). */
  onError?: (err: KxError) => void;
}

/** Discovery that stays current; create with startDiscovery(). */
export interface DiscoveryCache {
  current(): DiscoveryResult;
  /** Resolves user input (`po`, `deploy`, `ct`, `deployments.apps`) or throws KxError('notFound'). */
  resolve(input: string): ResourceInfo;
  find(input: string): ResourceInfo | undefined;
  /** Re-discovers now; notifies subscribers when something changed. */
  refresh(): Promise<DiscoveryResult>;
  /** Called with the new result whenever the served resources change; returns unsubscribe. */
  subscribe(listener: (result: DiscoveryResult) => void): () => void;
  stop(): void;
}

/** Discovers every resource, then keeps the result current by watching CRDs. */
export async function startDiscovery(client: ApiClient, opts: DiscoveryCacheOptions = {}): Promise<DiscoveryCache> {
  const abort = new AbortController();
  let result = await discover(client, { signal: abort.signal });
  let signature = signatureOf(result);
  const listeners = new Set<(r: DiscoveryResult) => void>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<DiscoveryResult> | undefined;

  const refresh = async (): Promise<DiscoveryResult> => {
    // One discovery at a time; a change seen during it schedules another through the debounce.
    running ??= discover(client, { signal: abort.signal }).finally(() => (running = undefined));
    const next = await running;
    if (abort.signal.aborted) return result;
    result = next;
    const nextSignature = signatureOf(next);
    if (nextSignature !== signature) {
      signature = nextSignature;
      for (const listener of [...listeners]) listener(next);
    }
    return next;
  };

  const schedule = (): void => {
    if (abort.signal.aborted) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      refresh().catch((err: unknown) => {
        if (!abort.signal.aborted) opts.onError?.(toKxError(err));
      });
    }, opts.debounceMs ?? 500);
  };

  let synced = false;
  const sink: StreamSink = {
    beginSync: () => undefined,
    upsert: () => synced && schedule(),
    remove: () => synced && schedule(),
    // Every full list ends with a refresh: a CRD added or removed between discover() and the
    // watch's first list would otherwise go unnoticed. Unchanged results notify nobody.
    endSync: () => {
      synced = true;
      schedule();
    },
    state: () => undefined,
  };
  const crd = result.resources.find((r) => r.group === 'apiextensions.k8s.io' && r.plural === 'customresourcedefinitions');
  // Table mode: rows carry only metadata, so big CRD schemas never cross the wire.
  const watch: ListWatchHandle | undefined = crd ? startListWatch({ ...opts.watch, client, resource: crd, table: true }, sink) : undefined;

  return {
    current: () => result,
    resolve: (input) => resolveResource(result, input),
    find: (input) => findResource(result, input),
    refresh,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      abort.abort();
      watch?.stop();
      if (timer) clearTimeout(timer);
      listeners.clear();
    },
  };
}

function signatureOf(r: DiscoveryResult): string {
  return JSON.stringify(r.resources.map((x) => [x.group, x.plural, x.versions, x.verbs, x.shortNames, x.subresources]));
}
