/** Seed: namespaces, service accounts, nodes, storage, ingress class. */
import type { ScenarioContext } from '../context.ts';
import { R } from '../refs.ts';
import { age, obj } from './builders.ts';

/** Namespaces of the demo cluster, with their ages. */
export const namespaces: [string, number][] = [
  ['default', age.days(12)],
  ['kube-system', age.days(12)],
  ['kube-public', age.days(12)],
  ['kube-node-lease', age.days(12)],
  ['shop', age.days(9)],
  ['payments', age.days(7)],
  ['monitoring', age.days(11)],
  ['batch', age.days(5)],
];

interface NodeDef {
  name: string;
  ip: string;
  cidr: string;
  roles: string[];
  taints?: { key: string; value?: string; effect: string }[];
  unschedulable?: boolean;
  labels?: Record<string, string>;
  cpu: string;
  memory: string;
}

const nodeDefs: NodeDef[] = [
  {
    name: 'kx-control-plane',
    ip: '172.18.0.2',
    cidr: '10.244.0.0/24',
    roles: ['control-plane'],
    taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
    cpu: '4',
    memory: '8148204Ki',
  },
  { name: 'kx-worker', ip: '172.18.0.3', cidr: '10.244.1.0/24', roles: [], cpu: '8', memory: '16303636Ki' },
  { name: 'kx-worker2', ip: '172.18.0.4', cidr: '10.244.2.0/24', roles: [], cpu: '8', memory: '16303636Ki' },
  {
    name: 'kx-worker3',
    ip: '172.18.0.5',
    cidr: '10.244.3.0/24',
    roles: [],
    unschedulable: true,
    taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }],
    cpu: '8',
    memory: '16303636Ki',
  },
  {
    name: 'kx-gpu',
    ip: '172.18.0.6',
    cidr: '10.244.4.0/24',
    roles: [],
    taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }],
    labels: { accelerator: 'nvidia-l4' },
    cpu: '16',
    memory: '65842396Ki',
  },
];

/** Creates namespaces, default service accounts, nodes with leases, storage and ingress classes. */
export function seedCluster(ctx: ScenarioContext): void {
  for (const [name, a] of namespaces) {
    ctx.create(R.namespaces, obj('v1', 'Namespace', name, undefined, { spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } }, { labels: { 'kubernetes.io/metadata.name': name } }), a);
    ctx.create(R.serviceaccounts, obj('v1', 'ServiceAccount', 'default', name, {}), a);
  }
  for (const n of nodeDefs) {
    const t = new Date(Date.now() - age.days(12) * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
    const beat = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const cond = (type: string, status: string, reason: string, message: string) => ({ type, status, lastHeartbeatTime: beat, lastTransitionTime: t, reason, message });
    const labels: Record<string, string> = {
      'beta.kubernetes.io/arch': 'amd64',
      'beta.kubernetes.io/os': 'linux',
      'kubernetes.io/arch': 'amd64',
      'kubernetes.io/hostname': n.name,
      'kubernetes.io/os': 'linux',
      ...Object.fromEntries(n.roles.map((r) => [`node-role.kubernetes.io/${r}`, ''])),
      ...(n.labels ?? {}),
    };
    const capacity = { cpu: n.cpu, 'ephemeral-storage': '102626232Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: n.memory, pods: '110' };
    ctx.create(
      R.nodes,
      obj(
        'v1',
        'Node',
        n.name,
        undefined,
        {
          spec: { podCIDR: n.cidr, podCIDRs: [n.cidr], providerID: `kind://docker/kx/${n.name}`, ...(n.taints ? { taints: n.taints } : {}), ...(n.unschedulable ? { unschedulable: true } : {}) },
          status: {
            addresses: [
              { type: 'InternalIP', address: n.ip },
              { type: 'Hostname', address: n.name },
            ],
            allocatable: { ...capacity, cpu: n.cpu },
            capacity,
            conditions: [
              cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
              cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
              cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
              cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
            ],
            daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
            nodeInfo: {
              architecture: 'amd64',
              bootID: '3f1c2a9e-7d4b-4c1e-9a8f-2b6d5e4c3a21',
              containerRuntimeVersion: 'containerd://1.7.24',
              kernelVersion: '6.8.0-45-generic',
              kubeProxyVersion: 'v1.32.2',
              kubeletVersion: 'v1.32.2',
              machineID: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
              operatingSystem: 'linux',
              osImage: 'Debian GNU/Linux 12 (bookworm)',
              systemUUID: '4c4c4544-0042-3510-8052-b4c04f4e3232',
            },
            images: [{ names: ['registry.k8s.io/kube-proxy:v1.32.2'], sizeBytes: 30907444 }],
          },
        },
        { labels, annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' } },
      ),
      age.days(12),
    );
    ctx.create(
      R.leases,
      obj('coordination.k8s.io/v1', 'Lease', n.name, 'kube-node-lease', { spec: { holderIdentity: n.name, leaseDurationSeconds: 40, renewTime: new Date().toISOString().replace('Z', '000Z') } }),
      age.days(12),
    );
  }
  // The two classes every cluster's API server creates at start.
  for (const [name, value, description] of [
    ['system-cluster-critical', 2000000000, 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.'],
    ['system-node-critical', 2000001000, 'Used for system critical pods that must not be moved from their current node.'],
  ] as const)
    ctx.create(R.priorityclasses, obj('scheduling.k8s.io/v1', 'PriorityClass', name, undefined, { value, globalDefault: false, description, preemptionPolicy: 'PreemptLowerPriority' }), age.days(12));
  ctx.create(
    R.storageclasses,
    obj(
      'storage.k8s.io/v1',
      'StorageClass',
      'standard',
      undefined,
      {
        provisioner: 'rancher.io/local-path',
        reclaimPolicy: 'Delete',
        volumeBindingMode: 'WaitForFirstConsumer',
      },
      { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    ),
    age.days(12),
  );
  ctx.create(
    R.ingressclasses,
    obj('networking.k8s.io/v1', 'IngressClass', 'nginx', undefined, { spec: { controller: 'k8s.io/ingress-nginx' } }, { annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } }),
    age.days(11),
  );
  ctx.create(
    R.pvs,
    obj('v1', 'PersistentVolume', 'nfs-archive', undefined, {
      spec: {
        capacity: { storage: '100Gi' },
        accessModes: ['ReadWriteMany'],
        persistentVolumeReclaimPolicy: 'Retain',
        storageClassName: 'nfs',
        nfs: { server: '172.18.0.50', path: '/exports/archive' },
        volumeMode: 'Filesystem',
        claimRef: { kind: 'PersistentVolumeClaim', namespace: 'batch', name: 'archive', apiVersion: 'v1' },
      },
      status: { phase: 'Bound' },
    }),
    age.days(5),
  );
}
