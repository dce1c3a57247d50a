/** The cache's public shapes: snapshots for useSyncExternalStore, change marks, stream scopes. */
import type { KindSpec } from '../kinds/types.ts';
import type { StreamState } from '../kube/stream-types.ts';

/** A transient change mark for a row, so the UI can flash it. */
export type MarkKind = 'added' | 'changed' | 'deleted';

/** A mark and when it was made (ms). */
export interface Mark {
  kind: MarkKind;
  at: number;
}

/** One resource as of a published frame; the object is reused while the resource is unchanged. */
export interface ResourceSnapshot {
  readonly key: string;
  /** Changes whenever a row of this resource changed (use it as a memo key). */
  readonly version: number;
  /** Live rows (deleted-but-flashing rows not counted). */
  readonly count: number;
  readonly kind: KindSpec;
}

/**
 * An immutable picture of the cache at one publish. Its identity changes only when something
 * changed since the previous publish, which is what useSyncExternalStore needs.
 */
export interface CacheSnapshot {
  /** Increments with every publish. */
  readonly frame: number;
  readonly publishedAt: number;
  readonly resources: ReadonlyMap<string, ResourceSnapshot>;
  /** Stream states by stream id (see streamId). */
  readonly streams: ReadonlyMap<string, StreamState>;
}

/** Where a stream lists from: one namespace, or all namespaces (also for cluster-scoped resources). */
export interface StreamScope {
  /** '' or undefined = all namespaces. */
  namespace?: string | undefined;
  /** Table-mode metadata: the resource's kind name and whether it is namespaced. */
  kind?: string | undefined;
  namespaced?: boolean | undefined;
  /** The resource's short names ('po'), which views.yaml may name it by. */
  shortNames?: readonly string[] | undefined;
}

/** The id of a stream's state in CacheSnapshot.streams: 'pods@shop', 'pods@*'. */
export function streamId(resourceKey: string, namespace: string | undefined): string {
  return `${resourceKey}@${namespace || '*'}`;
}
