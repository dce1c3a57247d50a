/**
 * The containers of a pod as logs see them: init containers (sidecars among them), regular and
 * ephemeral containers in kubectl's --all-containers order, each with its current instance.
 */
import type { KubeObject } from '../kube/object.ts';
import type { ContainerKind, ContainerState } from './log-types.ts';

interface ContainerSpecJson {
  name: string;
  restartPolicy?: string;
}

interface ContainerStateJson {
  running?: { startedAt?: string };
  terminated?: { startedAt?: string; finishedAt?: string; containerID?: string; exitCode?: number };
  waiting?: { reason?: string; message?: string };
}

interface ContainerStatusJson {
  name: string;
  containerID?: string;
  restartCount?: number;
  state?: ContainerStateJson;
  lastState?: ContainerStateJson;
}

interface PodJson {
  spec?: { containers?: ContainerSpecJson[]; initContainers?: ContainerSpecJson[]; ephemeralContainers?: ContainerSpecJson[] };
  status?: {
    phase?: string;
    containerStatuses?: ContainerStatusJson[];
    initContainerStatuses?: ContainerStatusJson[];
    ephemeralContainerStatuses?: ContainerStatusJson[];
  };
}

/** One container of a pod and where it stands. */
export interface PodContainer {
  name: string;
  kind: ContainerKind;
  /**
   * The instance whose log the server serves now (the running one, else the last terminated
   * one), as a key that changes on every restart; undefined when it never started.
   */
  instance: string | undefined;
  running: boolean;
  /** Its state now, for --container-state: waiting also when it never started. */
  state: ContainerState;
  /** Why it is not running yet ('ContainerCreating', 'PodInitializing', …), when it waits. */
  waitingReason: string | undefined;
}

/** The pod's containers: init (and sidecar), then regular, then ephemeral. */
export function podContainers(pod: KubeObject): PodContainer[] {
  const { spec, status } = pod as unknown as PodJson;
  const out: PodContainer[] = [];
  const add = (specs: ContainerSpecJson[] | undefined, statuses: ContainerStatusJson[] | undefined, kindOf: (c: ContainerSpecJson) => ContainerKind): void => {
    for (const c of specs ?? [])
      out.push(
        describe(
          c.name,
          kindOf(c),
          statuses?.find((s) => s.name === c.name),
          pod,
        ),
      );
  };
  add(spec?.initContainers, status?.initContainerStatuses, (c) => (c.restartPolicy === 'Always' ? 'sidecar' : 'init'));
  add(spec?.containers, status?.containerStatuses, () => 'regular');
  add(spec?.ephemeralContainers, status?.ephemeralContainerStatuses, () => 'ephemeral');
  return out;
}

/** The pod's phase ('Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'). */
export function podPhase(pod: KubeObject): string {
  return (pod as unknown as PodJson).status?.phase ?? 'Pending';
}

function describe(name: string, kind: ContainerKind, status: ContainerStatusJson | undefined, pod: KubeObject): PodContainer {
  const state = status?.state ?? {};
  const running = state.running !== undefined;
  const last = state.terminated ?? (state.running ? undefined : status?.lastState?.terminated);
  let instance: string | undefined;
  if (running || last) {
    const started = state.running?.startedAt ?? last?.startedAt ?? '';
    // containerID names an instance exactly; its start time does too when a runtime leaves the ID out.
    const id = (running ? status?.containerID : (last?.containerID ?? status?.containerID)) ?? '';
    instance = id || `started@${started}`;
  }
  const initializing = kind === 'regular' && podPhase(pod) === 'Pending';
  const waitingReason = instance ? undefined : (state.waiting?.reason ?? (initializing ? 'PodInitializing' : 'ContainerCreating'));
  const stateNow: ContainerState = running ? 'running' : state.terminated ? 'terminated' : 'waiting';
  return { name, kind, instance, running, state: stateNow, waitingReason };
}
