/** What the fake kubelet registers for one node. */
export interface FakeNodeSpec {
  name: string;
  /** Role shown by kubectl's ROLES column (label node-role.kubernetes.io/<role>). */
  role: string;
  /** Extra labels (kubernetes.io/hostname, os and arch are always set). */
  labels?: Record<string, string>;
  taints?: { key: string; value?: string; effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' }[];
  cpu: string;
  memory: string;
}

/** The default fake nodes: a tainted control-plane node and two workers in two zones. */
export const DEFAULT_NODES: FakeNodeSpec[] = [
  {
    name: 'kx-control-plane',
    role: 'control-plane',
    labels: { 'node-role.kubernetes.io/master': '', 'topology.kubernetes.io/zone': 'zone-a' },
    taints: [{ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }],
    cpu: '2',
    memory: '4Gi',
  },
  { name: 'kx-worker-1', role: 'worker', labels: { 'topology.kubernetes.io/zone': 'zone-a' }, cpu: '4', memory: '8Gi' },
  { name: 'kx-worker-2', role: 'worker', labels: { 'topology.kubernetes.io/zone': 'zone-b' }, cpu: '4', memory: '8Gi' },
];

/** The Node object to create for a spec (status is patched separately). */
export function nodeObject(spec: FakeNodeSpec): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: spec.name,
      labels: {
        'kubernetes.io/hostname': spec.name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'beta.kubernetes.io/arch': 'amd64',
        [`node-role.kubernetes.io/${spec.role}`]: '',
        ...spec.labels,
      },
      annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'kx.dev/fake-kubelet': 'true' },
    },
    spec: { taints: spec.taints ?? [] },
  };
}

/** The status a healthy kubelet reports for the node, pointing the API server at `port`. */
export function nodeStatus(spec: FakeNodeSpec, port: number, now: Date): Record<string, unknown> {
  const time = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const cond = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    reason,
    message,
    lastHeartbeatTime: time,
    lastTransitionTime: time,
  });
  const resources = { cpu: spec.cpu, memory: spec.memory, pods: '110', 'ephemeral-storage': '50Gi' };
  return {
    capacity: resources,
    allocatable: resources,
    conditions: [
      cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
      cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
      cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
      cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
    ],
    // Only InternalIP: the API server dials the first preferred address type it finds.
    addresses: [{ type: 'InternalIP', address: '127.0.0.1' }],
    daemonEndpoints: { kubeletEndpoint: { Port: port } },
    nodeInfo: {
      machineID: spec.name,
      systemUUID: spec.name,
      bootID: spec.name,
      kernelVersion: '6.1.0-kx',
      osImage: 'Debian GNU/Linux 12 (bookworm)',
      containerRuntimeVersion: 'containerd://1.4.3',
      kubeletVersion: 'v1.20.2',
      kubeProxyVersion: 'v1.20.2',
      operatingSystem: 'linux',
      architecture: 'amd64',
    },
  };
}
