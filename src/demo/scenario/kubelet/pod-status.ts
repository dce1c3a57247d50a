/** Builders for pod and container status, shaped like a 1.32 kubelet writes them. */
import { createHash } from 'node:crypto';
import type { KubeObject } from '../../../kube/object.ts';
import { rfc3339 } from '../meta.ts';
import { normalizedImage } from './images.ts';

/** The container fields the kubelet needs. */
export interface ContainerSpec {
  name: string;
  image: string;
  restartPolicy?: string;
  env?: { name: string; value?: string }[];
  readinessProbe?: unknown;
  command?: string[];
  stdin?: boolean;
  tty?: boolean;
}

/** A container's state (exactly one key is set). */
export interface ContainerState {
  waiting?: { reason: string; message?: string };
  running?: { startedAt: string };
  terminated?: { exitCode: number; reason: string; startedAt: string; finishedAt: string; containerID?: string; message?: string };
}

/** One entry of containerStatuses / initContainerStatuses. */
export interface ContainerStatus {
  name: string;
  image: string;
  imageID: string;
  containerID?: string;
  ready: boolean;
  started?: boolean;
  restartCount: number;
  state: ContainerState;
  lastState: ContainerState;
  volumeMounts?: unknown[];
}

/** A pod condition. */
export interface PodCondition {
  type: string;
  status: 'True' | 'False';
  lastProbeTime: null;
  lastTransitionTime: string;
  reason?: string;
  message?: string;
  observedGeneration?: number;
}

/** The pod status fields the kubelet writes. */
export interface PodStatus {
  phase?: string;
  conditions?: PodCondition[];
  hostIP?: string;
  hostIPs?: { ip: string }[];
  podIP?: string;
  podIPs?: { ip: string }[];
  startTime?: string;
  qosClass?: string;
  initContainerStatuses?: ContainerStatus[];
  containerStatuses?: ContainerStatus[];
  reason?: string;
  message?: string;
}

/** A pod's containers split into init (with sidecars) and regular ones. */
export function containersOf(pod: KubeObject): { inits: ContainerSpec[]; mains: ContainerSpec[] } {
  const s = (pod.spec ?? {}) as { initContainers?: ContainerSpec[]; containers?: ContainerSpec[] };
  return { inits: s.initContainers ?? [], mains: s.containers ?? [] };
}

/** True for a native sidecar (an init container that keeps running). */
export function isSidecar(c: ContainerSpec): boolean {
  return c.restartPolicy === 'Always';
}

/** A fresh status for a container that has not started yet. */
export function waitingStatus(c: ContainerSpec, reason: string, message?: string): ContainerStatus {
  return {
    name: c.name,
    image: normalizedImage(c.image),
    imageID: '',
    ready: false,
    started: false,
    restartCount: 0,
    state: { waiting: { reason, ...(message ? { message } : {}) } },
    lastState: {},
  };
}

/** A containerd container ID, stable for a pod, container and restart number. */
export function containerId(podUid: string, name: string, restart: number): string {
  return `containerd://${createHash('sha256').update(`${podUid}/${name}/${restart}`).digest('hex')}`;
}

/** The image digest the runtime reports. */
export function imageId(image: string): string {
  const ref = normalizedImage(image).replace(/:[^/:]+$/, '');
  return `${ref}@sha256:${createHash('sha256').update(image).digest('hex')}`;
}

/** Marks a container status as running since `at`. */
export function markRunning(s: ContainerStatus, podUid: string, image: string, at: Date, ready: boolean): void {
  s.state = { running: { startedAt: rfc3339(at) } };
  s.containerID = containerId(podUid, s.name, s.restartCount);
  s.imageID = imageId(image);
  s.started = true;
  s.ready = ready;
}

/** Marks a container status as terminated. */
export function markTerminated(s: ContainerStatus, exitCode: number, reason: string, finishedAt: Date): void {
  const startedAt = s.state.running?.startedAt ?? rfc3339(finishedAt);
  s.state = { terminated: { exitCode, reason, startedAt, finishedAt: rfc3339(finishedAt), ...(s.containerID ? { containerID: s.containerID } : {}) } };
  s.ready = false;
  s.started = false;
}

/** Recomputes the pod conditions from container statuses, keeping transition times that did not change. */
export function refreshConditions(status: PodStatus, pod: KubeObject, now: Date): void {
  const inits = status.initContainerStatuses ?? [];
  const mains = status.containerStatuses ?? [];
  const { inits: initSpecs } = containersOf(pod);
  const initialized = inits.every((s, i) => {
    const spec = initSpecs[i];
    return spec && isSidecar(spec) ? s.started === true : s.state.terminated?.exitCode === 0;
  });
  const completed = status.phase === 'Succeeded' || status.phase === 'Failed';
  const sandbox = status.podIP !== undefined;
  const sidecarsReady = inits.every((s, i) => !(initSpecs[i] && isSidecar(initSpecs[i] as ContainerSpec)) || s.ready);
  const containersReady = !completed && mains.length > 0 && mains.every((s) => s.ready) && sidecarsReady;
  const notReady = mains.filter((s) => !s.ready).map((s) => s.name);
  const pendingInits = inits.filter((s) => !s.state.terminated && !s.started).map((s) => s.name);
  const t = rfc3339(now);
  const prior = new Map((status.conditions ?? []).map((c) => [c.type, c]));
  const cond = (type: string, ok: boolean, reason?: string, message?: string): PodCondition => {
    const old = prior.get(type);
    const st = ok ? 'True' : 'False';
    return {
      type,
      status: st,
      lastProbeTime: null,
      lastTransitionTime: old && old.status === st ? old.lastTransitionTime : t,
      ...(reason && !ok ? { reason } : {}),
      ...(message && !ok ? { message } : {}),
    };
  };
  const notReadyMsg = `containers with unready status: [${notReady.join(' ')}]`;
  status.conditions = [
    cond('PodReadyToStartContainers', sandbox),
    cond('Initialized', initialized, 'ContainersNotInitialized', `containers with incomplete status: [${pendingInits.join(' ')}]`),
    cond('Ready', containersReady, completed ? 'PodCompleted' : 'ContainersNotReady', completed ? undefined : notReadyMsg),
    cond('ContainersReady', containersReady, completed ? 'PodCompleted' : 'ContainersNotReady', completed ? undefined : notReadyMsg),
    cond('PodScheduled', true),
  ];
  if (completed) {
    // Completed pods carry reason PodCompleted without a message.
    for (const c of status.conditions) if ((c.type === 'Ready' || c.type === 'ContainersReady') && c.status === 'False') delete c.message;
  }
}

/** QoS class from requests and limits. */
export function qosClass(pod: KubeObject): string {
  const containers = ((pod.spec ?? {}) as { containers?: { resources?: { requests?: Record<string, string>; limits?: Record<string, string> } }[] }).containers ?? [];
  let any = false;
  let guaranteed = containers.length > 0;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const r of ['cpu', 'memory']) if (!lim[r] || (req[r] !== undefined && req[r] !== lim[r])) guaranteed = false;
  }
  return guaranteed ? 'Guaranteed' : any ? 'Burstable' : 'BestEffort';
}
