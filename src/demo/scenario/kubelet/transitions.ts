/**
 * The simulated kubelet's state machine. Every transition's due time is derived from the pod's
 * status, so the same code drives live pods (timers) and the seed (replaying the past at boot,
 * stamping each step with the time it would have happened).
 */
import type { KubeObject } from '../../../kube/object.ts';
import { rfc3339 } from '../meta.ts';
import { imageProfile } from './images.ts';
import { containersOf, isSidecar, markRunning, markTerminated, qosClass, refreshConditions, waitingStatus, type ContainerSpec, type ContainerStatus, type PodStatus } from './pod-status.ts';

/** An event the kubelet emits about a pod. */
export interface KubeletEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  fieldPath?: string;
}

/** What the state machine needs from outside. */
export interface KubeletEnv {
  speed: number;
  hostIP: string;
  allocateIP(): string;
  /** Remembered times of transitions the status has no timestamp for (image pull back-off). */
  stamps: Map<string, number>;
  emit(e: KubeletEvent): void;
}

const S = 1000;
/** Seconds a crashing container runs before exiting with code 1. */
const crashAfter = 3;
/** Seconds a run-to-completion container works. */
const jobSeconds = 5;

/** Crash-loop back-off: 10s doubling to 5 minutes, like the kubelet. */
export function backoffSeconds(restarts: number): number {
  return Math.min(300, 10 * 2 ** Math.max(0, restarts - 1));
}

const ms = (t: string | undefined): number => (t ? Date.parse(t) : 0);

/** Applies every transition due by `now`, in order; returns the time of the next one, if any. */
export function advance(pod: KubeObject, status: PodStatus, now: number, env: KubeletEnv): number | undefined {
  const scale = (seconds: number): number => (seconds * S) / env.speed;
  for (let guard = 0; guard < 20_000; guard++) {
    const next = nextTransition(pod, status, scale, env);
    if (!next) return undefined;
    if (next.due > now) return next.due;
    next.apply(new Date(next.due));
    status.phase = phaseOf(pod, status);
    refreshConditions(status, pod, new Date(next.due));
  }
  return now + scale(300);
}

interface Transition {
  due: number;
  apply(at: Date): void;
}

function nextTransition(pod: KubeObject, st: PodStatus, scale: (s: number) => number, env: KubeletEnv): Transition | undefined {
  const { inits, mains } = containersOf(pod);
  if (!st.startTime) {
    return {
      due: ms(pod.metadata.creationTimestamp) + scale(0.5),
      apply: (at) => {
        st.phase = 'Pending';
        st.hostIP = env.hostIP;
        st.hostIPs = [{ ip: env.hostIP }];
        st.startTime = rfc3339(at);
        st.qosClass = qosClass(pod);
        const firstReason = inits.length > 0 ? 'PodInitializing' : 'ContainerCreating';
        if (inits.length > 0) st.initContainerStatuses = inits.map((c) => waitingStatus(c, 'PodInitializing'));
        st.containerStatuses = mains.map((c) => waitingStatus(c, firstReason));
      },
    };
  }
  if (!st.podIP) {
    return {
      due: ms(st.startTime) + scale(1),
      apply: () => {
        st.podIP = env.allocateIP();
        st.podIPs = [{ ip: st.podIP }];
      },
    };
  }
  const initStatuses = st.initContainerStatuses ?? [];
  let readyAt = ms(st.conditions?.find((c) => c.type === 'PodReadyToStartContainers')?.lastTransitionTime) || ms(st.startTime);
  for (let i = 0; i < inits.length; i++) {
    const spec = inits[i] as ContainerSpec;
    const s = initStatuses[i] as ContainerStatus;
    const field = `spec.initContainers{${spec.name}}`;
    if (s.state.waiting) return { due: readyAt + scale(0.3), apply: (at) => start(pod, spec, s, at, env, field, !isSidecar(spec) || !spec.readinessProbe) };
    if (isSidecar(spec)) {
      if (!s.ready)
        return {
          due: ms(s.state.running?.startedAt) + scale(1),
          apply: () => {
            s.ready = true;
          },
        };
      readyAt = ms(s.state.running?.startedAt);
      continue;
    }
    if (s.state.running) return { due: ms(s.state.running.startedAt) + scale(1.5), apply: (at) => markTerminated(s, 0, 'Completed', at) };
    readyAt = ms(s.state.terminated?.finishedAt);
  }
  const restartAlways = ((pod.spec ?? {}) as { restartPolicy?: string }).restartPolicy !== 'Never' && ((pod.spec ?? {}) as { restartPolicy?: string }).restartPolicy !== 'OnFailure';
  let best: Transition | undefined;
  const consider = (t: Transition): void => {
    if (!best || t.due < best.due) best = t;
  };
  (st.containerStatuses ?? []).forEach((s, i) => {
    const spec = mains[i];
    if (!spec) return;
    const profile = imageProfile(spec.image);
    const field = `spec.containers{${spec.name}}`;
    const stampKey = `${pod.metadata.uid}/${spec.name}`;
    const waiting = s.state.waiting;
    if (waiting && (waiting.reason === 'ContainerCreating' || waiting.reason === 'PodInitializing')) {
      consider({
        due: readyAt + scale(0.5),
        apply: (at) => {
          if (!profile.pullFails) return start(pod, spec, s, at, env, field, !spec.readinessProbe);
          pullFailed(spec, s, env, field);
          env.stamps.set(stampKey, at.getTime());
        },
      });
    } else if (waiting?.reason === 'ErrImagePull') {
      consider({
        due: (env.stamps.get(stampKey) ?? readyAt) + scale(2),
        apply: (at) => {
          s.state = { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${spec.image}"` } };
          env.emit({ type: 'Normal', reason: 'BackOff', message: `Back-off pulling image "${spec.image}"`, fieldPath: field });
          env.emit({ type: 'Warning', reason: 'Failed', message: 'Error: ImagePullBackOff', fieldPath: field });
          env.stamps.set(stampKey, at.getTime());
        },
      });
    } else if (waiting?.reason === 'ImagePullBackOff') {
      consider({
        due: (env.stamps.get(stampKey) ?? readyAt) + scale(300),
        apply: (at) => {
          pullFailed(spec, s, env, field);
          env.stamps.set(stampKey, at.getTime());
        },
      });
    } else if (waiting?.reason === 'CrashLoopBackOff') {
      consider({
        due: ms(s.lastState.terminated?.finishedAt) + scale(backoffSeconds(s.restartCount + 1)),
        apply: (at) => {
          s.restartCount += 1;
          start(pod, spec, s, at, env, field, !spec.readinessProbe);
        },
      });
    } else if (s.state.running) {
      const started = ms(s.state.running.startedAt);
      if (profile.crashes) {
        consider({ due: started + scale(crashAfter), apply: (at) => markTerminated(s, 1, 'Error', at) });
      } else if (!restartAlways) {
        consider({ due: started + scale(jobSeconds), apply: (at) => markTerminated(s, 0, 'Completed', at) });
      } else if (!s.ready) {
        consider({
          due: started + scale(2),
          apply: () => {
            s.ready = true;
          },
        });
      }
    } else if (s.state.terminated && restartAlways) {
      consider({
        due: ms(s.state.terminated.finishedAt) + scale(1),
        apply: () => {
          const backoff = backoffSeconds(s.restartCount + 1);
          s.lastState = { terminated: s.state.terminated as NonNullable<ContainerStatus['state']['terminated']> };
          const podRef = `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
          s.state = { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${fmtBackoff(backoff)} restarting failed container=${spec.name} pod=${podRef}` } };
          env.emit({ type: 'Warning', reason: 'BackOff', message: `Back-off restarting failed container ${spec.name} in pod ${podRef}`, fieldPath: field });
        },
      });
    }
  });
  return best;
}

function fmtBackoff(seconds: number): string {
  return seconds >= 60 ? `${Math.floor(seconds / 60)}m${seconds % 60}s` : `${seconds}s`;
}

function start(pod: KubeObject, spec: ContainerSpec, s: ContainerStatus, at: Date, env: KubeletEnv, fieldPath: string, ready: boolean): void {
  const first = s.restartCount === 0 && !s.lastState.terminated;
  if (first) {
    env.emit({ type: 'Normal', reason: 'Pulling', message: `Pulling image "${spec.image}"`, fieldPath });
    env.emit({ type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${spec.image}" in 1.187s (1.187s including waiting). Image size: 48213947 bytes.`, fieldPath });
  } else {
    env.emit({ type: 'Normal', reason: 'Pulled', message: `Container image "${spec.image}" already present on machine`, fieldPath });
  }
  env.emit({ type: 'Normal', reason: 'Created', message: `Created container: ${spec.name}`, fieldPath });
  env.emit({ type: 'Normal', reason: 'Started', message: `Started container ${spec.name}`, fieldPath });
  if (s.state.terminated) s.lastState = { terminated: s.state.terminated };
  markRunning(s, pod.metadata.uid, spec.image, at, ready);
}

function pullFailed(spec: ContainerSpec, s: ContainerStatus, env: KubeletEnv, fieldPath: string): void {
  const ref = spec.image.includes('/') ? spec.image : `docker.io/library/${spec.image}`;
  const message = `Failed to pull image "${spec.image}": rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`;
  s.state = { waiting: { reason: 'ErrImagePull', message } };
  env.emit({ type: 'Normal', reason: 'Pulling', message: `Pulling image "${spec.image}"`, fieldPath });
  env.emit({ type: 'Warning', reason: 'Failed', message, fieldPath });
  env.emit({ type: 'Warning', reason: 'Failed', message: 'Error: ErrImagePull', fieldPath });
}

/** The pod phase the container statuses add up to. */
export function phaseOf(pod: KubeObject, st: PodStatus): string {
  const policy = ((pod.spec ?? {}) as { restartPolicy?: string }).restartPolicy ?? 'Always';
  const mains = st.containerStatuses ?? [];
  if (mains.length === 0) return st.phase ?? 'Pending';
  const inits = st.initContainerStatuses ?? [];
  const { inits: initSpecs } = containersOf(pod);
  const initsDone = inits.every((s, i) => (initSpecs[i] && isSidecar(initSpecs[i] as ContainerSpec) ? s.started : s.state.terminated?.exitCode === 0));
  if (!initsDone) return 'Pending';
  if (policy !== 'Always' && mains.every((s) => s.state.terminated)) {
    return mains.every((s) => s.state.terminated?.exitCode === 0) ? 'Succeeded' : 'Failed';
  }
  const anyStarted = mains.some((s) => s.state.running || s.state.terminated || s.lastState.terminated);
  return anyStarted ? 'Running' : 'Pending';
}
