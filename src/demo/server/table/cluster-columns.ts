/**
 * Tables of the kinds kx shows through the server's Table (it has no module of its own for them),
 * with the columns and cell formats of the API server's printers (pkg/printers/internalversion), so
 * the demo's `kubectl get` and kx's views read as they would on a real cluster.
 */
import { age } from './age.ts';
import { accessModes, ageColumn, arr, at, col, formatSelector, nameColumn, num, str, type ColumnSet } from './columns.ts';

/** An IntOrString field as printed, or N/A when unset. */
function intOrString(value: unknown): string {
  return typeof value === 'number' || typeof value === 'string' ? String(value) : 'N/A';
}

export const podDisruptionBudgetColumns: ColumnSet = {
  columns: [nameColumn, col('Min Available', 'string'), col('Max Unavailable', 'string'), col('Allowed Disruptions', 'integer'), ageColumn],
  cells: (o, now) => [
    o.metadata.name,
    intOrString(at(o, 'spec', 'minAvailable')),
    intOrString(at(o, 'spec', 'maxUnavailable')),
    num(o, 'status', 'disruptionsAllowed'),
    age(o.metadata.creationTimestamp, now),
  ],
};

export const networkPolicyColumns: ColumnSet = {
  columns: [nameColumn, col('Pod-Selector', 'string'), ageColumn],
  cells: (o, now) => [o.metadata.name, formatSelector(at(o, 'spec', 'podSelector')), age(o.metadata.creationTimestamp, now)],
};

export const serviceAccountColumns: ColumnSet = {
  columns: [nameColumn, col('Secrets', 'string'), ageColumn],
  cells: (o, now) => [o.metadata.name, arr(o, 'secrets').length, age(o.metadata.creationTimestamp, now)],
};

export const persistentVolumeColumns: ColumnSet = {
  columns: [
    nameColumn,
    col('Capacity', 'string'),
    col('Access Modes', 'string'),
    col('Reclaim Policy', 'string'),
    col('Status', 'string'),
    col('Claim', 'string'),
    col('StorageClass', 'string'),
    col('VolumeAttributesClass', 'string'),
    col('Reason', 'string'),
    ageColumn,
    col('VolumeMode', 'string', 1),
  ],
  cells: (o, now) => {
    const claim = str(o, 'spec', 'claimRef', 'name');
    return [
      o.metadata.name,
      str(o, 'spec', 'capacity', 'storage'),
      accessModes(arr<string>(o, 'spec', 'accessModes')),
      str(o, 'spec', 'persistentVolumeReclaimPolicy'),
      str(o, 'status', 'phase'),
      claim ? `${str(o, 'spec', 'claimRef', 'namespace')}/${claim}` : '',
      str(o, 'spec', 'storageClassName'),
      str(o, 'spec', 'volumeAttributesClassName') || '<unset>',
      str(o, 'status', 'reason'),
      age(o.metadata.creationTimestamp, now),
      str(o, 'spec', 'volumeMode') || '<unset>',
    ];
  },
};

/** Role/ClusterRoleBinding: the role, then (wide) its users, groups and service accounts. */
export const roleBindingColumns: ColumnSet = {
  columns: [nameColumn, col('Role', 'string'), ageColumn, col('Users', 'string', 1), col('Groups', 'string', 1), col('ServiceAccounts', 'string', 1)],
  cells: (o, now) => {
    const subjects = arr<{ kind?: string; name?: string; namespace?: string }>(o, 'subjects');
    const of = (kind: string) => subjects.filter((s) => s.kind === kind);
    return [
      o.metadata.name,
      `${str(o, 'roleRef', 'kind')}/${str(o, 'roleRef', 'name')}`,
      age(o.metadata.creationTimestamp, now),
      of('User')
        .map((s) => s.name)
        .join(', '),
      of('Group')
        .map((s) => s.name)
        .join(', '),
      of('ServiceAccount')
        .map((s) => `${s.namespace ?? ''}:${s.name ?? ''}`)
        .join(', '),
    ];
  },
};

export const ingressClassColumns: ColumnSet = {
  columns: [nameColumn, col('Controller', 'string'), col('Parameters', 'string'), ageColumn],
  cells: (o, now) => {
    const params = at(o, 'spec', 'parameters');
    const kind = str(params, 'kind');
    const group = str(params, 'apiGroup');
    return [o.metadata.name, str(o, 'spec', 'controller'), params ? `${kind}${group ? `.${group}` : ''}/${str(params, 'name')}` : '<none>', age(o.metadata.creationTimestamp, now)];
  },
};

export const storageClassColumns: ColumnSet = {
  columns: [nameColumn, col('Provisioner', 'string'), col('ReclaimPolicy', 'string'), col('VolumeBindingMode', 'string'), col('AllowVolumeExpansion', 'string'), ageColumn],
  cells: (o, now) => {
    const annotations = o.metadata.annotations ?? {};
    const isDefault = annotations['storageclass.kubernetes.io/is-default-class'] === 'true' || annotations['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
    return [
      isDefault ? `${o.metadata.name} (default)` : o.metadata.name,
      str(o, 'provisioner'),
      str(o, 'reclaimPolicy') || 'Delete',
      str(o, 'volumeBindingMode') || 'Immediate',
      at(o, 'allowVolumeExpansion') === true,
      age(o.metadata.creationTimestamp, now),
    ];
  },
};

export const leaseColumns: ColumnSet = {
  columns: [nameColumn, col('Holder', 'string'), ageColumn],
  cells: (o, now) => [o.metadata.name, str(o, 'spec', 'holderIdentity'), age(o.metadata.creationTimestamp, now)],
};

/** The first three of a list, then "+ N more...", as the printer shortens ports and addresses. */
function firstThree(items: string[]): string {
  if (items.length === 0) return '<unset>';
  return items.length > 3 ? `${items.slice(0, 3).join(',')} + ${items.length - 3} more...` : items.join(',');
}

export const endpointSliceColumns: ColumnSet = {
  columns: [nameColumn, col('AddressType', 'string'), col('Ports', 'string'), col('Endpoints', 'string'), ageColumn],
  cells: (o, now) => [
    o.metadata.name,
    str(o, 'addressType'),
    firstThree(arr<{ port?: number; name?: string }>(o, 'ports').map((p) => (typeof p.port === 'number' ? String(p.port) : (p.name ?? '*')))),
    firstThree(arr<{ addresses?: string[] }>(o, 'endpoints').flatMap((e) => e.addresses ?? [])),
    age(o.metadata.creationTimestamp, now),
  ],
};

/**
 * ResourceQuota: each resource the quota limits as `name: used/hard`, those named limits.* under
 * LIMIT and the rest under REQUEST, from the status the quota controller keeps.
 */
export const resourceQuotaColumns: ColumnSet = {
  columns: [nameColumn, ageColumn, col('Request', 'string'), col('Limit', 'string')],
  cells: (o, now) => {
    const hard = (at(o, 'spec', 'hard') ?? {}) as Record<string, unknown>;
    const request: string[] = [];
    const limit: string[] = [];
    for (const name of Object.keys(hard).sort()) {
      const text = `${name}: ${str(o, 'status', 'used', name) || '0'}/${str(o, 'status', 'hard', name) || '0'}`;
      (name.split('.')[0] === 'limits' && name.includes('.') ? limit : request).push(text);
    }
    return [o.metadata.name, age(o.metadata.creationTimestamp, now), request.join(', '), limit.join(', ')];
  },
};
