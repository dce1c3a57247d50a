/** Tables of core kinds: services, endpoints, nodes, namespaces, configmaps, secrets, events, pvcs, ingresses. */
import type { KubeObject } from '../../../kube/object.ts';
import { age } from './age.ts';
import { accessModes, ageColumn, arr, at, col, formatLabels, nameColumn, num, str, type ColumnSet } from './columns.ts';

function externalIp(o: KubeObject): string {
  const type = str(o, 'spec', 'type') || 'ClusterIP';
  const external = arr<string>(o, 'spec', 'externalIPs');
  switch (type) {
    case 'ClusterIP':
    case 'NodePort':
      return external.length > 0 ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const ingress = arr<{ ip?: string; hostname?: string }>(o, 'status', 'loadBalancer', 'ingress').map((i) => i.ip || i.hostname || '');
      const all = [...ingress.filter((x) => x), ...external];
      return all.length > 0 ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return str(o, 'spec', 'externalName');
    default:
      return '<unknown>';
  }
}

function ports(o: KubeObject): string {
  const ps = arr<{ port: number; nodePort?: number; protocol?: string }>(o, 'spec', 'ports');
  if (ps.length === 0) return '<none>';
  return ps.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',');
}

/** Services. */
export const serviceColumns: ColumnSet = {
  columns: [nameColumn, col('Type', 'string'), col('Cluster-IP', 'string'), col('External-IP', 'string'), col('Port(s)', 'string'), ageColumn, col('Selector', 'string', 1)],
  cells: (o, now) => [
    o.metadata.name,
    str(o, 'spec', 'type') || 'ClusterIP',
    str(o, 'spec', 'clusterIP') || '<none>',
    externalIp(o),
    ports(o),
    age(o.metadata.creationTimestamp, now),
    formatLabels(at(o, 'spec', 'selector')),
  ],
};

function endpoints(o: KubeObject): string {
  const list: string[] = [];
  let count = 0;
  for (const s of arr(o, 'subsets')) {
    const addrs = arr<{ ip: string }>(s, 'addresses');
    const ps = arr<{ port: number }>(s, 'ports');
    for (const a of addrs) {
      for (const p of ps.length > 0 ? ps : [undefined]) {
        count++;
        if (list.length < 3) list.push(p ? `${a.ip}:${p.port}` : a.ip);
      }
    }
  }
  if (count === 0) return '<none>';
  return count > 3 ? `${list.join(',')} + ${count - 3} more...` : list.join(',');
}

/** Endpoints. */
export const endpointsColumns: ColumnSet = {
  columns: [nameColumn, col('Endpoints', 'string'), ageColumn],
  cells: (o, now) => [o.metadata.name, endpoints(o), age(o.metadata.creationTimestamp, now)],
};

function nodeStatus(o: KubeObject): string {
  const ready = arr<{ type: string; status: string }>(o, 'status', 'conditions').find((c) => c.type === 'Ready');
  const parts = [ready ? (ready.status === 'True' ? 'Ready' : ready.status === 'False' ? 'NotReady' : 'Unknown') : 'Unknown'];
  if (at(o, 'spec', 'unschedulable') === true) parts.push('SchedulingDisabled');
  return parts.join(',');
}

function nodeRoles(o: KubeObject): string {
  const roles = Object.keys(o.metadata.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length))
    .filter((r) => r !== '');
  const kubeRole = o.metadata.labels?.['kubernetes.io/role'];
  if (kubeRole) roles.push(kubeRole);
  return roles.length > 0 ? roles.sort().join(',') : '<none>';
}

function nodeAddress(o: KubeObject, type: string): string {
  return arr<{ type: string; address: string }>(o, 'status', 'addresses').find((a) => a.type === type)?.address ?? '<none>';
}

/** Nodes. */
export const nodeColumns: ColumnSet = {
  columns: [
    nameColumn,
    col('Status', 'string'),
    col('Roles', 'string'),
    ageColumn,
    col('Version', 'string'),
    col('Internal-IP', 'string', 1),
    col('External-IP', 'string', 1),
    col('OS-Image', 'string', 1),
    col('Kernel-Version', 'string', 1),
    col('Container-Runtime', 'string', 1),
  ],
  cells: (o, now) => [
    o.metadata.name,
    nodeStatus(o),
    nodeRoles(o),
    age(o.metadata.creationTimestamp, now),
    str(o, 'status', 'nodeInfo', 'kubeletVersion'),
    nodeAddress(o, 'InternalIP'),
    nodeAddress(o, 'ExternalIP'),
    str(o, 'status', 'nodeInfo', 'osImage') || '<unknown>',
    str(o, 'status', 'nodeInfo', 'kernelVersion') || '<unknown>',
    str(o, 'status', 'nodeInfo', 'containerRuntimeVersion') || '<unknown>',
  ],
};

/** Namespaces. */
export const namespaceColumns: ColumnSet = {
  columns: [nameColumn, col('Status', 'string'), ageColumn],
  cells: (o, now) => [o.metadata.name, str(o, 'status', 'phase'), age(o.metadata.creationTimestamp, now)],
};

const count = (v: unknown) => (v && typeof v === 'object' ? Object.keys(v).length : 0);

/** ConfigMaps. */
export const configMapColumns: ColumnSet = {
  columns: [nameColumn, col('Data', 'integer'), ageColumn],
  cells: (o, now) => [o.metadata.name, count(o.data) + count(o.binaryData), age(o.metadata.creationTimestamp, now)],
};

/** Secrets. */
/** PriorityClass as kubectl prints it: NAME VALUE GLOBAL-DEFAULT AGE PREEMPTIONPOLICY. */
export const priorityClassColumns: ColumnSet = {
  columns: [nameColumn, col('Value', 'integer'), col('Global-Default', 'boolean'), ageColumn, col('PreemptionPolicy', 'string')],
  cells: (o, now) => [o.metadata.name, num(o, 'value'), at(o, 'globalDefault') === true, age(o.metadata.creationTimestamp, now), str(o, 'preemptionPolicy')],
};

export const secretColumns: ColumnSet = {
  columns: [nameColumn, col('Type', 'string'), col('Data', 'integer'), ageColumn],
  cells: (o, now) => [o.metadata.name, str(o, 'type') || 'Opaque', count(o.data), age(o.metadata.creationTimestamp, now)],
};

/**
 * An events.k8s.io/v1 Event read as core/v1, as the server converts both to one internal Event
 * before printing (regarding is involvedObject, note is message, the deprecated* fields are the old ones).
 */
function coreEvent(o: KubeObject): KubeObject {
  if (!String(o.apiVersion ?? '').startsWith('events.k8s.io/')) return o;
  return {
    ...o,
    involvedObject: at(o, 'regarding'),
    message: at(o, 'note'),
    source: at(o, 'deprecatedSource'),
    firstTimestamp: at(o, 'deprecatedFirstTimestamp'),
    lastTimestamp: at(o, 'deprecatedLastTimestamp'),
    count: at(o, 'deprecatedCount'),
    reportingComponent: at(o, 'reportingController'),
  };
}

/** core/v1 and events.k8s.io/v1 Events, like printEvent: a series gives the count and last seen. */
export const eventColumns: ColumnSet = {
  columns: [
    col('Last Seen', 'string'),
    col('Type', 'string'),
    col('Reason', 'string'),
    col('Object', 'string'),
    col('Subobject', 'string', 1),
    col('Source', 'string', 1),
    col('Message', 'string'),
    col('First Seen', 'string', 1),
    col('Count', 'integer', 1),
    { ...nameColumn, priority: 1 },
  ],
  cells: (event, now) => {
    const o = coreEvent(event);
    const first = age(str(o, 'firstTimestamp') || str(o, 'eventTime'), now);
    let last = str(o, 'lastTimestamp') ? age(str(o, 'lastTimestamp'), now) : first;
    let count = num(o, 'count');
    const series = at(o, 'series');
    if (series !== null && typeof series === 'object') {
      last = age(str(series, 'lastObservedTime'), now);
      count = num(series, 'count');
    } else if (count === 0) {
      count = 1; // singleton events of the new API carry no count
    }
    const kind = str(o, 'involvedObject', 'kind').toLowerCase();
    const name = str(o, 'involvedObject', 'name');
    const source = str(o, 'source', 'component') || str(o, 'reportingComponent');
    const host = str(o, 'source', 'host') || str(o, 'reportingInstance');
    return [
      last,
      str(o, 'type'),
      str(o, 'reason'),
      name ? `${kind}/${name}` : kind,
      str(o, 'involvedObject', 'fieldPath'),
      host ? `${source}, ${host}` : source,
      str(o, 'message').trim(),
      first,
      count,
      o.metadata.name,
    ];
  },
};

/** PersistentVolumeClaims. */
export const pvcColumns: ColumnSet = {
  columns: [
    nameColumn,
    col('Status', 'string'),
    col('Volume', 'string'),
    col('Capacity', 'string'),
    col('Access Modes', 'string'),
    col('StorageClass', 'string'),
    col('VolumeAttributesClass', 'string'),
    ageColumn,
    col('VolumeMode', 'string', 1),
  ],
  cells: (o, now) => {
    return [
      o.metadata.name,
      o.metadata.deletionTimestamp ? 'Terminating' : str(o, 'status', 'phase'),
      str(o, 'spec', 'volumeName'),
      str(o, 'status', 'capacity', 'storage'),
      accessModes(arr<string>(o, 'status', 'accessModes')),
      str(o, 'spec', 'storageClassName'),
      str(o, 'spec', 'volumeAttributesClassName') || '<unset>',
      age(o.metadata.creationTimestamp, now),
      str(o, 'spec', 'volumeMode') || '<unset>',
    ];
  },
};

/** Ingresses. */
export const ingressColumns: ColumnSet = {
  columns: [nameColumn, col('Class', 'string'), col('Hosts', 'string'), col('Address', 'string'), col('Ports', 'string'), ageColumn],
  cells: (o, now) => {
    const hosts = arr<{ host?: string }>(o, 'spec', 'rules')
      .map((r) => r.host)
      .filter((h): h is string => !!h);
    const addr = arr<{ ip?: string; hostname?: string }>(o, 'status', 'loadBalancer', 'ingress').map((i) => i.ip || i.hostname || '');
    return [
      o.metadata.name,
      str(o, 'spec', 'ingressClassName') || '<none>',
      hosts.length > 0 ? hosts.join(',') : '*',
      addr.join(','),
      arr(o, 'spec', 'tls').length > 0 ? '80, 443' : '80',
      age(o.metadata.creationTimestamp, now),
    ];
  },
};
