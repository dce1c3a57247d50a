/** Converts objects into a meta.k8s.io/v1 Table, as `Accept: application/json;as=Table` asks. */
import type { KubeObject, KubeTable, TableRow } from '../../../kube/object.ts';
import type { IncludeObject } from '../negotiate.ts';
import { presentObject } from '../present.ts';
import type { ListMeta } from '../present.ts';
import type { ResourceDef } from '../resource-def.ts';
import { columnsFor } from './registry.ts';

/** Options of one conversion. */
export interface TableOptions {
  includeObject: IncludeObject;
  /** Watch events after the first carry no column definitions (like the real server). */
  noHeaders?: boolean;
  now?: number;
}

/** Builds the Table for some objects of one resource. */
export function toTable(def: ResourceDef, version: string, objects: KubeObject[], opts: TableOptions, meta: ListMeta): KubeTable {
  const set = columnsFor(def);
  const now = opts.now ?? Date.now();
  const rows: TableRow[] = objects.map((obj) => {
    const row: TableRow = { cells: set.cells(obj, now) };
    const object = rowObject(obj, def, version, opts.includeObject);
    if (object) row.object = object;
    return row;
  });
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: meta,
    // The real server writes null (not []) when headers are left out.
    columnDefinitions: opts.noHeaders ? (null as unknown as KubeTable['columnDefinitions']) : set.columns,
    rows,
  };
}

function rowObject(obj: KubeObject, def: ResourceDef, version: string, include: IncludeObject): KubeObject | undefined {
  switch (include) {
    case 'None':
      return undefined;
    case 'Object':
      return presentObject(obj, def, version);
    case 'Metadata':
      return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
    default: {
      const never: never = include;
      return never;
    }
  }
}
