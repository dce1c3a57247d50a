/**
 * Kinds for every other resource: rows of the server's own Table (`as=Table`), so custom resources
 * show their additionalPrinterColumns exactly as kubectl does, and a bare NAME/AGE kind for
 * objects that arrive without cells.
 */
import type { KubeObject, TableColumn } from '../kube/object.ts';
import { ageCell } from './cells.ts';
import { ageColumn, caps, column, makeRow, nameColumn, namespaceColumn } from './row.ts';
import type { ColumnSpec, KindSpec, Row, SortKind, TimeCell } from './types.ts';

/** A server cell as kubectl's table printer writes it: nil is empty, text stops at a line break. */
export function cellText(cell: unknown): string {
  // The server sends null for a printer column whose JSONPath finds nothing; kubectl prints nothing.
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') {
    const cut = cell.search(/[\f\n\r]/);
    return cut >= 0 ? `${cell.slice(0, cut)}...` : cell;
  }
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  return JSON.stringify(cell);
}

function sortFor(def: TableColumn): SortKind {
  if (def.type === 'integer' || def.type === 'number') return 'number';
  if (def.type === 'date') return 'age';
  return 'text';
}

/** Whether a server column is the standard creation-time Age, which kx can keep ticking itself. */
function isAge(def: TableColumn): boolean {
  return def.type === 'date' && def.name.toLowerCase() === 'age';
}

/** A kind whose columns are the server's Table columns; cells are kept as display strings. */
export function tableKind(resourceKey: string, kind: string, namespaced: boolean, defs: readonly TableColumn[]): KindSpec {
  const offset = namespaced ? 1 : 0;
  const columns: ColumnSpec[] = defs.map((d) => column(d.name.toUpperCase(), Math.max(d.name.length, 8), sortFor(d), { wide: (d.priority ?? 0) > 0 }));
  const ageIndex = defs.findIndex(isAge);
  return {
    resourceKey,
    kind,
    namespaced,
    columns: namespaced ? [namespaceColumn, ...columns] : columns,
    toRow(o: KubeObject, now: number): Row {
      const raw = Array.isArray(o['cells']) ? (o['cells'] as unknown[]) : [];
      const cells = namespaced ? [o.metadata.namespace ?? ''] : [];
      for (let i = 0; i < defs.length; i++) cells.push(cellText(raw[i]));
      const timeCells: TimeCell[] = [];
      // The server turns date columns into '5m' text; the Age column is recomputed so it keeps ticking.
      if (ageIndex >= 0 && o.metadata.creationTimestamp) {
        ageCell(cells, timeCells, ageIndex + offset, o.metadata.creationTimestamp, now);
      }
      return makeRow(resourceKey, o, cells, timeCells);
    },
    tone: (row) => (row.deleting ? 'muted' : 'normal'),
    capabilities: caps({}),
  };
}

/** A NAME/AGE kind for a resource with neither a built-in kind nor server columns yet. */
export function metaKind(resourceKey: string, kind: string, namespaced: boolean): KindSpec {
  return {
    resourceKey,
    kind,
    namespaced,
    columns: namespaced ? [namespaceColumn, nameColumn, ageColumn] : [nameColumn, ageColumn],
    toRow(o: KubeObject, now: number): Row {
      const cells = namespaced ? [o.metadata.namespace ?? '', o.metadata.name, ''] : [o.metadata.name, ''];
      const timeCells: TimeCell[] = [];
      ageCell(cells, timeCells, cells.length - 1, o.metadata.creationTimestamp, now);
      return makeRow(resourceKey, o, cells, timeCells);
    },
    tone: (row) => (row.deleting ? 'muted' : 'normal'),
    capabilities: caps({}),
  };
}
