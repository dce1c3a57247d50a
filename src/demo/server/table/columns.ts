/** Column sets: a declared header plus one pure row fill per kind. */
import type { KubeObject, TableColumn } from '../../../kube/object.ts';

/** How one resource renders as a server-side Table. */
export interface ColumnSet {
  columns: TableColumn[];
  cells(obj: KubeObject, now: number): unknown[];
}

/** Column descriptions the real server sends for the two columns every kind has. */
export const nameColumn: TableColumn = {
  name: 'Name',
  type: 'string',
  format: 'name',
  description:
    'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
};

/** The Age column. */
export const ageColumn: TableColumn = {
  name: 'Age',
  type: 'string',
  description:
    'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
};

/** A column with only a name and type (and a priority for wide-only columns). */
export function col(name: string, type: string, priority = 0, description = ''): TableColumn {
  const c: TableColumn = { name, type, format: '', description };
  if (priority) c.priority = priority;
  return c;
}

/** Reads a nested field without type noise: at(o, 'status', 'replicas'). */
export function at(obj: unknown, ...keys: (string | number)[]): unknown {
  let cur = obj;
  for (const k of keys) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

/** A number field or 0. */
export function num(obj: unknown, ...keys: (string | number)[]): number {
  const v = at(obj, ...keys);
  return typeof v === 'number' ? v : 0;
}

/** A string field or ''. */
export function str(obj: unknown, ...keys: (string | number)[]): string {
  const v = at(obj, ...keys);
  return typeof v === 'string' ? v : '';
}

/** An array field or []. */
export function arr<T = unknown>(obj: unknown, ...keys: (string | number)[]): T[] {
  const v = at(obj, ...keys);
  return Array.isArray(v) ? (v as T[]) : [];
}

/** A label map as 'a=b,c=d' ('<none>' when empty), like labels.FormatLabels. */
export function formatLabels(labels: unknown): string {
  if (!labels || typeof labels !== 'object') return '<none>';
  const entries = Object.entries(labels as Record<string, string>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length === 0 ? '<none>' : entries.map(([k, v]) => `${k}=${v}`).join(',');
}

/** A LabelSelector (matchLabels + matchExpressions) as the server prints it. */
export function formatSelector(selector: unknown): string {
  if (!selector || typeof selector !== 'object') return '<none>';
  const parts: string[] = [];
  const labels = at(selector, 'matchLabels');
  if (labels && typeof labels === 'object') {
    for (const [k, v] of Object.entries(labels as Record<string, string>).sort(([a], [b]) => (a < b ? -1 : 1))) parts.push(`${k}=${v}`);
  }
  for (const e of arr<{ key: string; operator: string; values?: string[] }>(selector, 'matchExpressions')) {
    const values = [...(e.values ?? [])].sort().join(',');
    switch (e.operator) {
      case 'In':
        parts.push(`${e.key} in (${values})`);
        break;
      case 'NotIn':
        parts.push(`${e.key} notin (${values})`);
        break;
      case 'Exists':
        parts.push(e.key);
        break;
      case 'DoesNotExist':
        parts.push(`!${e.key}`);
        break;
      default:
        break;
    }
  }
  return parts.length === 0 ? '<none>' : parts.join(',');
}

const accessModeShort: Record<string, string> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' };

/** Access modes as the printer abbreviates them (GetAccessModesAsString): in its fixed order, whatever the object's. */
export function accessModes(modes: string[]): string {
  return Object.keys(accessModeShort)
    .filter((m) => modes.includes(m))
    .map((m) => accessModeShort[m])
    .join(',');
}

/** Containers and Images cells of a pod template (comma-joined). */
export function containersAndImages(obj: unknown, ...templatePath: string[]): [string, string] {
  const containers = arr<{ name?: string; image?: string }>(obj, ...templatePath, 'containers');
  return [containers.map((c) => c.name ?? '').join(','), containers.map((c) => c.image ?? '').join(',')];
}
