import type { KubeObject, TableColumn } from './object.ts';

/**
 * Where one list+watch stream stands, for the status line: 'syncing 3,400 of 10,000', 'live',
 * 'reconnecting for 12 s', 'forbidden', 'failed: reason'.
 */
export type StreamState =
  | { phase: 'connecting' }
  | { phase: 'syncing'; loaded: number; total?: number }
  | { phase: 'live'; since: number }
  | { phase: 'reconnecting'; since: number; attempt: number; reason: string }
  | { phase: 'forbidden'; message: string }
  | { phase: 'failed'; reason: string };

/**
 * An object delivered by a table-mode stream (`as=Table`): the row's metadata plus its cells, in
 * the order of the columns last given to `StreamSink.columns`.
 */
export interface TableRowObject extends KubeObject {
  cells: unknown[];
}

/**
 * What a list+watch stream feeds. The cache implements it; the stream never touches React.
 * A full list (first sync or a re-list after 410 Gone) is bracketed by beginSync/endSync: objects
 * not upserted in between are gone and must be removed, so a re-list leaves no ghost rows.
 */
export interface StreamSink {
  beginSync(): void;
  upsert(obj: KubeObject): void;
  remove(obj: KubeObject): void;
  endSync(): void;
  /** Table mode only: the server's column definitions (sent before the first row of each sync). */
  columns?(defs: TableColumn[]): void;
  state(s: StreamState): void;
}
