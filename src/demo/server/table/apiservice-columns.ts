/** APIServices as the kube-aggregator prints them: NAME, SERVICE, AVAILABLE, AGE. */
import type { KubeObject } from '../../../kube/object.ts';
import { age } from './age.ts';
import { ageColumn, arr, col, nameColumn, str, type ColumnSet } from './columns.ts';

function available(o: KubeObject): string {
  const c = arr<{ type?: string; status?: string; reason?: string }>(o, 'status', 'conditions').find((x) => x.type === 'Available');
  if (!c) return 'Unknown';
  return c.status === 'True' ? 'True' : `${c.status ?? 'Unknown'} (${c.reason ?? ''})`;
}

/** APIServices. */
export const apiServiceColumns: ColumnSet = {
  columns: [nameColumn, col('Service', 'string'), col('Available', 'string'), ageColumn],
  cells: (o, now) => {
    const service = str(o, 'spec', 'service', 'name');
    return [o.metadata.name, service ? `${str(o, 'spec', 'service', 'namespace')}/${service}` : 'Local', available(o), age(o.metadata.creationTimestamp, now)];
  },
};
