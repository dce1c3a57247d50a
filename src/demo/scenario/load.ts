/** Scale for benchmarks: N extra pods in a 'load' namespace, created Running straight away and owned by ReplicaSets. */
import type { KubeObject } from '../../kube/object.ts';
import type { ScenarioContext } from './context.ts';
import { ownerRef, rfc3339 } from './meta.ts';
import { R } from './refs.ts';
import { defaultPodSpec } from './controllers/pod-factory.ts';
import { containerId, imageId } from './kubelet/pod-status.ts';
import { normalizedImage } from './kubelet/images.ts';

const perReplicaSet = 100;
const workers = ['kx-worker', 'kx-worker2', 'kx-gpu'];

/** Adds `count` running pods; fast because each pod is created once, already Running and Ready. */
export function addLoad(ctx: ScenarioContext, count: number): void {
  if (count <= 0) return;
  if (!ctx.store.get(R.namespaces, undefined, 'load')) {
    ctx.create(
      R.namespaces,
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'load', uid: '', labels: { 'kubernetes.io/metadata.name': 'load' } },
        spec: { finalizers: ['kubernetes'] },
        status: { phase: 'Active' },
      },
      3600,
    );
    ctx.create(R.serviceaccounts, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'load', uid: '' } }, 3600);
  }
  const started = rfc3339(new Date(Date.now() - 3600_000));
  const image = 'nginx:1.27';
  let made = 0;
  for (let r = 0; made < count; r++) {
    const replicas = Math.min(perReplicaSet, count - made);
    const name = `load-${String(r).padStart(4, '0')}`;
    const hash = ctx.rng.suffix(10);
    const labels = { app: name, 'pod-template-hash': hash };
    const template = { metadata: { labels }, spec: { containers: [{ name: 'web', image, ports: [{ containerPort: 80, protocol: 'TCP' }] }] } };
    const rs = ctx.create(
      R.replicasets,
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: { name: `${name}-${hash}`, namespace: 'load', uid: '', labels },
        spec: { replicas, selector: { matchLabels: labels }, template },
        status: { replicas, fullyLabeledReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas, observedGeneration: 1 },
      },
      3600,
    );
    const spec = defaultPodSpec(template.spec);
    for (let i = 0; i < replicas; i++, made++) ctx.create(R.pods, loadPod(ctx, rs, labels, spec, made, started, image));
  }
}

/** Pod `flood` in namespace default: one container writing `linesPerSecond` log lines (kx.dev/log-flood:N). */
export function addFloodPod(ctx: ScenarioContext, linesPerSecond: number): void {
  const image = `kx.dev/log-flood:${linesPerSecond}`;
  const labels = { app: 'flood' };
  const started = rfc3339(new Date());
  const spec = defaultPodSpec({ containers: [{ name: 'flood', image }] });
  const pod = loadPod(ctx, undefined, labels, spec, 0, started, image, { name: 'flood', namespace: 'default', container: 'flood' });
  ctx.create(R.pods, pod, 0);
}

function loadPod(
  ctx: ScenarioContext,
  rs: KubeObject | undefined,
  labels: Record<string, string>,
  spec: Record<string, unknown>,
  n: number,
  started: string,
  image: string,
  where: { name: string; namespace: string; container: string } = { name: ctx.generatedName(R.pods, 'load', rs?.metadata.name ?? 'load'), namespace: 'load', container: 'web' },
): KubeObject {
  const { name, namespace, container } = where;
  const node = workers[n % workers.length] as string;
  const nodeIndex = ['kx-control-plane', 'kx-worker', 'kx-worker2', 'kx-worker3', 'kx-gpu'].indexOf(node);
  const ip = `10.${245 + Math.floor(n / 65000)}.${Math.floor(n / 250) % 256}.${(n % 250) + 2}`;
  const cond = (type: string) => ({ type, status: 'True', lastProbeTime: null, lastTransitionTime: started });
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, uid: '', labels, ...(rs ? { ownerReferences: [ownerRef(rs)] } : {}) },
    spec: { ...spec, nodeName: node },
    status: {
      phase: 'Running',
      conditions: [cond('PodReadyToStartContainers'), cond('Initialized'), cond('Ready'), cond('ContainersReady'), cond('PodScheduled')],
      hostIP: `172.18.0.${nodeIndex + 2}`,
      hostIPs: [{ ip: `172.18.0.${nodeIndex + 2}` }],
      podIP: ip,
      podIPs: [{ ip }],
      startTime: started,
      qosClass: 'BestEffort',
      containerStatuses: [
        {
          name: container,
          image: normalizedImage(image),
          imageID: imageId(image),
          containerID: containerId(name, container, 0),
          ready: true,
          started: true,
          restartCount: 0,
          state: { running: { startedAt: started } },
          lastState: {},
        },
      ],
    },
  };
}
