/** The default Table (Name, Created At) and custom resources' additionalPrinterColumns. */
import type { TableColumn } from '../../../kube/object.ts';
import type { PrinterColumn } from '../resource-def.ts';
import { age } from './age.ts';
import { nameColumn, type ColumnSet } from './columns.ts';
import { readPath } from './jsonpath.ts';

/** What the real server's default table convertor produces for kinds without printers. */
export const defaultColumns: ColumnSet = {
  columns: [
    nameColumn,
    {
      name: 'Created At',
      type: 'date',
      format: '',
      description:
        'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
    },
  ],
  cells: (o) => [o.metadata.name, o.metadata.creationTimestamp ?? ''],
};

const defaultPrinterColumns: PrinterColumn[] = [{ name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' }];

/** A custom resource's columns: Name plus its CRD's additionalPrinterColumns (Age when it has none). */
export function customColumns(printerColumns: PrinterColumn[] | undefined): ColumnSet {
  const pcs = printerColumns && printerColumns.length > 0 ? printerColumns : defaultPrinterColumns;
  const columns: TableColumn[] = [
    nameColumn,
    ...pcs.map((c) => {
      const out: TableColumn = { name: c.name, type: c.type, format: c.format ?? '', description: c.description ?? '' };
      if (c.priority) out.priority = c.priority;
      return out;
    }),
  ];
  return {
    columns,
    cells: (o, now) => [o.metadata.name, ...pcs.map((c) => cell(c.type, readPath(o, c.jsonPath), now))],
  };
}

/** Like the CRD table convertor's cellForJSONValue. */
function cell(type: string, value: unknown, now: number): unknown {
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'integer':
      return typeof value === 'number' ? Math.trunc(value) : null;
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'date':
      return typeof value === 'string' ? (Number.isNaN(Date.parse(value)) ? '<invalid>' : age(value, now)) : null;
    case 'string':
      return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
    default:
      return null;
  }
}
