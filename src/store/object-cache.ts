/**
 * The normalised cache: every object projected on arrival to its slim row (the raw object is
 * dropped), keyed by uid and by (resource, namespace, name), indexed by owner, labels and node,
 * published to React in coalesced frames through subscribe/getSnapshot.
 */
import { kindFor } from '../kinds/registry.ts';
import { selectorMatches } from '../kinds/selector.ts';
import { metaKind, tableKind } from '../kinds/table-kind.ts';
import type { ColumnSpec, KindSpec, LabelSelector, Row } from '../kinds/types.ts';
import type { KubeObject, TableColumn } from '../kube/object.ts';
import type { StreamSink, StreamState } from '../kube/stream-types.ts';
import { ResourceBucket, type ViewOptions } from './bucket.ts';
import { FrameGate, realScheduler, type FrameOptions, type Scheduler } from './scheduler.ts';
import type { ChangeRecorder } from './changes/change-recorder.ts';
import { sameLabels, sameOwners } from './row-equality.ts';
import { SetIndex } from './set-index.ts';
import { CacheSink, type SinkHost } from './stream-sink.ts';
import { streamId, type CacheSnapshot, type Mark, type ResourceSnapshot, type StreamScope } from './types.ts';

/** Options for a cache; all optional. */
export interface CacheOptions extends FrameOptions {
  scheduler?: Scheduler;
  /** How long added/changed/deleted marks (and deleted rows) last; default 1000 ms. */
  markMs?: number;
  /** The kind registry; defaults to the built-in kinds. */
  kinds?: (resourceKey: string) => KindSpec | undefined;
  /** Reshapes each kind (views.yaml's columns and sort); applied to built-in and server-table kinds alike. */
  customize?: (kind: KindSpec, shortNames?: readonly string[]) => KindSpec;
  /** Records what changed in each object that arrives (`:changes`, describe's "Changes seen"). */
  changes?: ChangeRecorder;
}

/** The store between the streams and the UI. */
export class ObjectCache implements SinkHost {
  readonly #scheduler: Scheduler;
  readonly #gate: FrameGate;
  readonly #markMs: number;
  readonly #kinds: (resourceKey: string) => KindSpec | undefined;
  readonly #customize: (kind: KindSpec, shortNames?: readonly string[]) => KindSpec;
  readonly #changes: ChangeRecorder | undefined;
  readonly #buckets = new Map<string, ResourceBucket>();
  readonly #bucketOf = new Map<string, ResourceBucket>();
  readonly #owners = new SetIndex();
  readonly #nodes = new SetIndex();
  readonly #marks = new Map<string, Mark>();
  readonly #streams = new Map<string, StreamState>();
  readonly #scopes = new Map<string, StreamScope>();
  readonly #listeners = new Set<() => void>();
  #snapshot: CacheSnapshot;
  #streamsChanged = false;
  #sweepTimer: unknown;

  constructor(opts: CacheOptions = {}) {
    this.#scheduler = opts.scheduler ?? realScheduler;
    this.#gate = new FrameGate(this.#scheduler, () => this.#publish(), opts);
    this.#markMs = opts.markMs ?? 1000;
    this.#kinds = opts.kinds ?? kindFor;
    this.#customize = opts.customize ?? ((kind) => kind);
    this.#changes = opts.changes;
    this.#snapshot = { frame: 0, publishedAt: this.#scheduler.now(), resources: new Map(), streams: new Map() };
  }

  /** The change recorder this cache feeds, if any. */
  get changes(): ChangeRecorder | undefined {
    return this.#changes;
  }

  // ---- streams -------------------------------------------------------------------------------

  /** The sink for one stream of `resourceKey` ('pods', 'deployments.apps', …) in a scope. */
  sinkFor(resourceKey: string, scope: StreamScope = {}): StreamSink {
    const id = streamId(resourceKey, scope.namespace);
    this.#scopes.set(resourceKey, { ...this.#scopes.get(resourceKey), ...scope });
    this.#bucket(resourceKey);
    return new CacheSink(this, resourceKey, scope.namespace ?? '', id);
  }

  /** Forgets a stopped stream: its state and the rows of its scope (e.g. after switching namespace). */
  release(resourceKey: string, namespace?: string): void {
    this.#streams.delete(streamId(resourceKey, namespace));
    this.#streamsChanged = true;
    this.retain(resourceKey, namespace ?? '', new Set(), false);
    this.#gate.request();
  }

  /** @internal SinkHost: projects and stores one object; returns the uid it is keyed by. */
  upsert(resourceKey: string, obj: KubeObject, mark: boolean): string {
    const b = this.#bucket(resourceKey);
    const m = obj.metadata ?? { name: '', uid: '' };
    const ns = m.namespace ?? '';
    const uid = m.uid || `${resourceKey}/${ns}/${m.name}`;
    const prev = b.rows.get(uid);
    // A re-list repeats every object; an unchanged resourceVersion needs no new projection.
    if (prev && prev.resourceVersion !== '' && prev.resourceVersion === m.resourceVersion) return uid;
    // A selector stream repeats objects the full stream also delivers: record them once.
    if (!resourceKey.includes('|')) this.#changes?.upsert(uid, obj, mark);
    const now = this.#scheduler.now();
    let row: Row;
    try {
      row = b.kind.toRow(obj, now);
    } catch {
      row = metaKind(resourceKey, obj.kind, ns !== '').toRow(obj, now);
    }
    if (row.uid !== uid) row = { ...row, uid };
    const nameKey = `${ns}/${row.name}`;
    const other = b.byName.get(nameKey);
    if (other !== undefined && other !== uid) this.#removeRow(b, other, false);
    if (prev) this.#reindex(b, prev, row);
    else this.#index(b, row);
    b.rows.set(uid, row);
    b.byName.set(nameKey, uid);
    b.ordered.put(row);
    b.ghosts.delete(uid);
    this.#bucketOf.set(uid, b);
    b.version++;
    if (mark) this.#mark(uid, prev ? 'changed' : 'added', now);
    this.#gate.request();
    return uid;
  }

  /** @internal SinkHost: removes an object's row (by uid, else by namespace/name). */
  remove(resourceKey: string, obj: KubeObject): void {
    const b = this.#buckets.get(resourceKey);
    if (!b) return;
    const m = obj.metadata ?? { name: '', uid: '' };
    const uid = m.uid && b.rows.has(m.uid) ? m.uid : b.byName.get(`${m.namespace ?? ''}/${m.name}`);
    if (uid !== undefined) this.#removeRow(b, uid, true);
  }

  /** @internal SinkHost: drops rows in `namespace` ('' = all) not in `keep` (end of a re-list). */
  retain(resourceKey: string, namespace: string, keep: ReadonlySet<string>, ghost = true): void {
    const b = this.#buckets.get(resourceKey);
    if (!b) return;
    const gone: string[] = [];
    for (const [uid, row] of b.rows) if ((namespace === '' || row.namespace === namespace) && !keep.has(uid)) gone.push(uid);
    // Many removals at once: prune the ordered list in one pass rather than splicing per row.
    const bulk = gone.length > 64;
    for (const uid of gone) this.#removeRow(b, uid, ghost, bulk);
    if (bulk) b.ordered.deleteMany(new Set(gone));
  }

  /** @internal SinkHost: table mode; rows that follow carry the server's cells for these columns. */
  columns(resourceKey: string, defs: TableColumn[]): void {
    const b = this.#bucket(resourceKey);
    const scope = this.#scopes.get(resourceKey) ?? {};
    const namespaced = scope.namespaced ?? true;
    b.kind = this.#customize(tableKind(resourceKey, scope.kind ?? b.kind.kind, namespaced, defs), scope.shortNames);
    b.tableMode = true;
    // Columns changed: existing rows must be projected again even if their resourceVersion is unchanged.
    for (const [uid, row] of b.rows) b.rows.set(uid, { ...row, resourceVersion: '' });
    b.resetViews();
    b.version++;
    this.#gate.request();
  }

  /** @internal SinkHost: a stream's state. */
  state(id: string, s: StreamState): void {
    this.#streams.set(id, s);
    this.#streamsChanged = true;
    this.#gate.request();
  }

  // ---- React ---------------------------------------------------------------------------------

  /** useSyncExternalStore's subscribe: the listener runs after each published frame. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** useSyncExternalStore's getSnapshot: the same object until the next publish. */
  getSnapshot = (): CacheSnapshot => this.#snapshot;

  /** Publishes a pending frame now (tests, shutdown). */
  flush(): void {
    this.#gate.flush();
  }

  /** Stops timers; the cache keeps its rows. */
  dispose(): void {
    this.#gate.dispose();
    if (this.#sweepTimer !== undefined) this.#scheduler.clearTimeout(this.#sweepTimer);
    this.#sweepTimer = undefined;
    this.#listeners.clear();
  }

  // ---- selectors (read the live rows; memoised per resource version) --------------------------

  /** The kind used for a resource (built-in, server table, or NAME/AGE). */
  kindOf(resourceKey: string): KindSpec {
    const b = this.#buckets.get(resourceKey);
    if (b) return b.kind;
    const scope = this.#scopes.get(resourceKey) ?? {};
    // A server-side selector stream keeps its rows apart under 'pods|app=web'; its kind is the resource's.
    const base = baseResourceKey(resourceKey);
    return this.#customize(this.#kinds(base) ?? metaKind(base, scope.kind ?? base, scope.namespaced ?? true), scope.shortNames);
  }

  /** The columns of a resource. */
  columnsOf(resourceKey: string): readonly ColumnSpec[] {
    return this.kindOf(resourceKey).columns;
  }

  /** Rows of a resource, optionally one namespace and sorted by a column; memoised per version. */
  rows(resourceKey: string, opts: ViewOptions = {}): readonly Row[] {
    return this.#buckets.get(resourceKey)?.view(opts) ?? [];
  }

  /** A row by uid. */
  row(uid: string): Row | undefined {
    return this.#bucketOf.get(uid)?.rows.get(uid);
  }

  /** A row by resource, namespace ('' for cluster-scoped) and name. */
  rowByName(resourceKey: string, namespace: string, name: string): Row | undefined {
    const b = this.#buckets.get(resourceKey);
    const uid = b?.byName.get(`${namespace}/${name}`);
    return uid === undefined ? undefined : b!.rows.get(uid);
  }

  /** Rows that name `uid` in an owner reference (a Deployment's ReplicaSets, a ReplicaSet's Pods…). */
  childrenOf(uid: string): Row[] {
    const out: Row[] = [];
    for (const child of this.#owners.get(uid)) {
      const row = this.row(child);
      if (row) out.push(row);
    }
    return out.sort((a, b) => (a.resourceKey < b.resourceKey ? -1 : a.resourceKey > b.resourceKey ? 1 : a.name < b.name ? -1 : 1));
  }

  /** Rows of a resource matching a label selector in a namespace ('' = all); uses the label postings. */
  matching(resourceKey: string, namespace: string, selector: LabelSelector): Row[] {
    const b = this.#buckets.get(resourceKey);
    if (!b) return [];
    const candidates = b.labels.candidates(selector);
    const out: Row[] = [];
    const test = (row: Row | undefined): void => {
      if (row && (namespace === '' || row.namespace === namespace) && selectorMatches(row.labels, selector)) out.push(row);
    };
    if (candidates) for (const uid of candidates) test(b.rows.get(uid));
    else for (const row of b.ordered.rows) test(row);
    return out.sort((a, c) => (a.namespace < c.namespace ? -1 : a.namespace > c.namespace ? 1 : a.name < c.name ? -1 : 1));
  }

  /** Pods a selector picks in a namespace; a Service row's `selector` undefined selects none. */
  podsMatching(namespace: string, selector: LabelSelector | undefined): Row[] {
    return selector ? this.matching('pods', namespace, selector) : [];
  }

  /** Pods scheduled on a node. */
  podsOnNode(nodeName: string): Row[] {
    const out: Row[] = [];
    for (const uid of this.#nodes.get(nodeName)) {
      const row = this.row(uid);
      if (row) out.push(row);
    }
    return out.sort((a, b) => (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : a.name < b.name ? -1 : 1));
  }

  /** The change mark of a row at `now`, or undefined once it has expired. */
  markOf(uid: string, now: number = this.#scheduler.now()): Mark | undefined {
    const m = this.#marks.get(uid);
    return m && now - m.at < this.#markMs ? m : undefined;
  }

  /**
   * A stream's state as of the last published frame, like the rows views read. The newest state
   * can run ahead of them: 'live' is set when the watch opens, up to a frame before the listed rows
   * are published, and a view that trusted it would show "live 0" or give up on the row it waits for.
   */
  streamState(resourceKey: string, namespace?: string): StreamState | undefined {
    return this.#snapshot.streams.get(streamId(resourceKey, namespace));
  }

  // ---- internals -----------------------------------------------------------------------------

  #bucket(resourceKey: string): ResourceBucket {
    let b = this.#buckets.get(resourceKey);
    if (!b) {
      b = new ResourceBucket(resourceKey, this.kindOf(resourceKey));
      this.#buckets.set(resourceKey, b);
    }
    return b;
  }

  #index(b: ResourceBucket, row: Row): void {
    b.labels.add(row.uid, row.labels);
    for (const o of row.ownerRefs) this.#owners.add(o.uid, row.uid);
    if (row.nodeName) this.#nodes.add(row.nodeName, row.uid);
  }

  #unindex(b: ResourceBucket, row: Row): void {
    b.labels.remove(row.uid, row.labels);
    for (const o of row.ownerRefs) this.#owners.delete(o.uid, row.uid);
    if (row.nodeName) this.#nodes.delete(row.nodeName, row.uid);
  }

  /** Updates only the indexes whose inputs changed (most updates are status-only). */
  #reindex(b: ResourceBucket, prev: Row, row: Row): void {
    if (!sameLabels(prev.labels, row.labels)) {
      b.labels.remove(prev.uid, prev.labels);
      b.labels.add(row.uid, row.labels);
    }
    if (!sameOwners(prev, row)) {
      for (const o of prev.ownerRefs) this.#owners.delete(o.uid, prev.uid);
      for (const o of row.ownerRefs) this.#owners.add(o.uid, row.uid);
    }
    if (prev.nodeName !== row.nodeName) {
      if (prev.nodeName) this.#nodes.delete(prev.nodeName, prev.uid);
      if (row.nodeName) this.#nodes.add(row.nodeName, row.uid);
    }
    if (prev.name !== row.name || prev.namespace !== row.namespace) b.ordered.delete(prev);
  }

  #removeRow(b: ResourceBucket, uid: string, ghost: boolean, skipOrdered = false): void {
    const row = b.rows.get(uid);
    if (!row) return;
    this.#unindex(b, row);
    b.rows.delete(uid);
    if (!skipOrdered) b.ordered.delete(row);
    const nameKey = `${row.namespace}/${row.name}`;
    if (b.byName.get(nameKey) === uid) b.byName.delete(nameKey);
    this.#bucketOf.delete(uid);
    b.version++;
    // A ghost is a deletion seen (a watch DELETED, or gone from a re-list); otherwise the stream stopped.
    if (this.#changes && !b.key.includes('|')) {
      if (ghost) this.#changes.remove(uid);
      else this.#changes.forget(uid);
    }
    if (ghost) {
      b.ghosts.set(uid, row);
      this.#mark(uid, 'deleted', this.#scheduler.now());
    } else {
      this.#marks.delete(uid);
    }
    this.#gate.request();
  }

  #mark(uid: string, kind: Mark['kind'], now: number): void {
    this.#marks.set(uid, { kind, at: now });
    if (this.#sweepTimer === undefined) {
      this.#sweepTimer = this.#scheduler.setTimeout(() => this.#sweep(), this.#markMs);
    }
  }

  /** Expires marks and deleted rows, then asks for a frame so flashes end on screen. */
  #sweep(): void {
    this.#sweepTimer = undefined;
    const now = this.#scheduler.now();
    let next = Number.POSITIVE_INFINITY;
    for (const [uid, m] of this.#marks) {
      if (now - m.at < this.#markMs) {
        next = Math.min(next, m.at + this.#markMs);
        continue;
      }
      this.#marks.delete(uid);
      if (m.kind === 'deleted') {
        for (const b of this.#buckets.values()) {
          if (b.ghosts.delete(uid)) b.version++;
        }
      }
    }
    this.#gate.request();
    if (next !== Number.POSITIVE_INFINITY) this.#sweepTimer = this.#scheduler.setTimeout(() => this.#sweep(), next - now);
  }

  #publish(): void {
    const prev = this.#snapshot;
    const resources = new Map<string, ResourceSnapshot>();
    let changed = this.#streamsChanged || prev.resources.size !== this.#buckets.size;
    for (const [key, b] of this.#buckets) {
      const old = prev.resources.get(key);
      if (old && old.version === b.version && old.kind === b.kind) {
        resources.set(key, old);
      } else {
        resources.set(key, { key, version: b.version, count: b.rows.size, kind: b.kind });
        changed = true;
      }
    }
    if (!changed) return;
    const streams = this.#streamsChanged ? new Map(this.#streams) : prev.streams;
    this.#streamsChanged = false;
    this.#snapshot = { frame: prev.frame + 1, publishedAt: this.#scheduler.now(), resources, streams };
    for (const l of [...this.#listeners]) l();
  }
}

/** The resource part of a cache key: 'pods|app=web' (a label-selector stream) → 'pods'. */
export function baseResourceKey(cacheKey: string): string {
  const bar = cacheKey.indexOf('|');
  return bar < 0 ? cacheKey : cacheKey.slice(0, bar);
}

/** The cache key of a stream of `resourceKey` limited by a server-side label selector. */
export function selectorCacheKey(resourceKey: string, labelSelector: string | undefined): string {
  return labelSelector ? `${resourceKey}|${labelSelector}` : resourceKey;
}
