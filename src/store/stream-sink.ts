/** The StreamSink a list+watch stream feeds: sync bracketing, upserts, removals, columns, state. */
import type { KubeObject, TableColumn } from '../kube/object.ts';
import type { StreamSink, StreamState } from '../kube/stream-types.ts';

/** What the cache offers a sink (kept narrow so the sink stays a thin adapter). */
export interface SinkHost {
  upsert(resourceKey: string, obj: KubeObject, mark: boolean): string;
  remove(resourceKey: string, obj: KubeObject): void;
  /** Removes rows of the resource in `namespace` ('' = all) whose uid is not in `keep`. */
  retain(resourceKey: string, namespace: string, keep: ReadonlySet<string>): void;
  columns(resourceKey: string, defs: TableColumn[]): void;
  state(id: string, s: StreamState): void;
}

/**
 * Adapts one stream to the cache. A full list (first sync or a re-list after 410 Gone) is
 * bracketed by beginSync/endSync; rows of this scope not upserted in between are removed at
 * endSync, so a re-list leaves no ghosts. The first sync adds rows without change marks.
 */
export class CacheSink implements StreamSink {
  readonly #host: SinkHost;
  readonly #key: string;
  readonly #namespace: string;
  readonly #id: string;
  #seen: Set<string> | undefined;
  #synced = false;

  constructor(host: SinkHost, resourceKey: string, namespace: string, id: string) {
    this.#host = host;
    this.#key = resourceKey;
    this.#namespace = namespace;
    this.#id = id;
  }

  /** Starts (or restarts, after a failure mid-list) a full list. */
  beginSync(): void {
    this.#seen = new Set();
  }

  /** Adds or replaces an object's row. */
  upsert(obj: KubeObject): void {
    const uid = this.#host.upsert(this.#key, obj, this.#synced);
    this.#seen?.add(uid);
  }

  /** Removes an object's row (watch DELETED). */
  remove(obj: KubeObject): void {
    this.#host.remove(this.#key, obj);
  }

  /** Ends a full list: whatever was not listed is gone. */
  endSync(): void {
    if (this.#seen) this.#host.retain(this.#key, this.#namespace, this.#seen);
    this.#seen = undefined;
    this.#synced = true;
  }

  /** Table mode: the server's columns for the rows that follow. */
  columns(defs: TableColumn[]): void {
    this.#host.columns(this.#key, defs);
  }

  /** The stream's state, for the status line. */
  state(s: StreamState): void {
    this.#host.state(this.#id, s);
  }
}
