/**
 * Turns list pages and watch lines (plain JSON or server-side Tables) into the objects a
 * StreamSink takes, plus the resourceVersion / continue facts the stream loop needs.
 */
import { errorFromResponse, KxError } from './errors.ts';
import type { KubeList, KubeObject, KubeStatus, KubeTable, TableColumn, TableRow } from './object.ts';
import { apiVersionOf, type ResourceInfo } from './resource-info.ts';
import type { TableRowObject } from './stream-types.ts';

/** One decoded list page. */
export interface DecodedPage {
  objects: KubeObject[];
  /** Table mode: the server's columns (present on every page). */
  columns: TableColumn[] | undefined;
  resourceVersion: string | undefined;
  continueToken: string | undefined;
  remainingItemCount: number | undefined;
}

/** One decoded watch line. */
export type DecodedEvent =
  | { type: 'ADDED' | 'MODIFIED' | 'DELETED'; objects: KubeObject[]; columns: TableColumn[] | undefined; resourceVersion: string | undefined }
  | { type: 'BOOKMARK'; resourceVersion: string | undefined }
  | { type: 'ERROR'; error: KxError }
  | { type: 'IGNORED' };

type Which = Pick<ResourceInfo, 'group' | 'version' | 'kind'>;

/** Decodes a list page (a List, or a Table in table mode). */
export function decodePage(body: unknown, resource: Which, table: boolean): DecodedPage {
  const meta = (body as { metadata?: KubeList['metadata'] } | undefined)?.metadata ?? {};
  const common = {
    resourceVersion: meta.resourceVersion,
    continueToken: meta.continue || undefined,
    remainingItemCount: typeof meta.remainingItemCount === 'number' ? meta.remainingItemCount : undefined,
  };
  if (table) {
    const t = body as KubeTable;
    return { ...common, columns: t.columnDefinitions ?? [], objects: (t.rows ?? []).map((r) => rowObject(r, resource)) };
  }
  const items = (body as KubeList).items ?? [];
  // List items come without apiVersion/kind on the wire; the sink wants whole objects.
  for (const item of items) {
    item.apiVersion ??= apiVersionOf(resource);
    item.kind ??= resource.kind;
  }
  return { ...common, columns: undefined, objects: items };
}

/** Decodes one watch line; malformed lines are ignored like client-go does. */
export function decodeWatchLine(line: string, resource: Which, table: boolean): DecodedEvent {
  let event: { type?: unknown; object?: unknown };
  try {
    event = JSON.parse(line) as { type?: unknown; object?: unknown };
  } catch {
    return { type: 'IGNORED' };
  }
  const object = event.object as KubeObject | KubeTable | KubeStatus | undefined;
  switch (event.type) {
    case 'ERROR': {
      const status = object as KubeStatus | undefined;
      return { type: 'ERROR', error: errorFromResponse(status?.code ?? 500, status ?? 'watch error') };
    }
    case 'BOOKMARK':
      return { type: 'BOOKMARK', resourceVersion: (object as { metadata?: { resourceVersion?: string } } | undefined)?.metadata?.resourceVersion };
    case 'ADDED':
    case 'MODIFIED':
    case 'DELETED': {
      if (!object) return { type: 'IGNORED' };
      if (table && object.kind === 'Table') {
        const t = object as KubeTable;
        const objects = (t.rows ?? []).map((r) => rowObject(r, resource));
        const rv = objects[objects.length - 1]?.metadata.resourceVersion ?? t.metadata?.resourceVersion;
        const columns = t.columnDefinitions && t.columnDefinitions.length > 0 ? t.columnDefinitions : undefined;
        return { type: event.type, objects, columns, resourceVersion: rv };
      }
      const obj = object as KubeObject;
      return { type: event.type, objects: [obj], columns: undefined, resourceVersion: obj.metadata?.resourceVersion };
    }
    default:
      return { type: 'IGNORED' };
  }
}

/** A Table row as a sink object: the row's metadata (row.object is PartialObjectMetadata) plus its cells. */
export function rowObject(row: TableRow, resource: Which): TableRowObject {
  const metadata = row.object?.metadata ?? { name: '', uid: '' };
  return { apiVersion: apiVersionOf(resource), kind: resource.kind, metadata, cells: row.cells ?? [] };
}
