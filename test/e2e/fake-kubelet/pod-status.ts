import { containerReady, containerStatus, isoSeconds } from './container-status.ts';
import { finishedForGood, initDone, initFailed, type PodRun } from './pod-runtime.ts';

/** A pod condition as stored by the API server. */
export interface PodConditionJson {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastProbeTime: null;
  lastTransitionTime: string;
}

type Phase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

function podPhase(pod: PodRun): Phase {
  if (initFailed(pod)) return 'Failed';
  if (!pod.inits.every(initDone)) return 'Pending';
  if (pod.containers.some((c) => !c.current)) return 'Pending';
  if (pod.containers.every((c) => finishedForGood(c, pod.restartPolicy))) {
    return pod.containers.every((c) => c.current?.exitCode === 0) ? 'Succeeded' : 'Failed';
  }
  return 'Running';
}

function condition(pod: PodRun, type: string, ok: boolean, now: number, why?: { reason: string; message?: string }): PodConditionJson {
  const status = ok ? 'True' : 'False';
  const prev = pod.conditionSince.get(type);
  const since = prev && prev[0] === status ? prev[1] : now;
  pod.conditionSince.set(type, [status, since]);
  return {
    type,
    status,
    ...(ok || !why ? {} : why),
    lastProbeTime: null,
    lastTransitionTime: isoSeconds(since),
  };
}

function names(list: { name: string }[]): string {
  return `[${list.map((c) => c.name).join(' ')}]`;
}

/**
 * Builds the pod's `status` as a kubelet would report it at `now`. Records condition transition
 * times in `pod.conditionSince` so they only move when a condition flips. `scheduled` is the
 * scheduler's PodScheduled condition, kept as is (a merge patch replaces the whole list).
 */
export function buildPodStatus(pod: PodRun, scheduled: unknown, now: number): Record<string, unknown> {
  const phase = podPhase(pod);
  const pendingInits = pod.inits.filter((c) => !initDone(c));
  const unready = pod.containers.filter((c) => !containerReady(c, now));
  const done = phase === 'Succeeded' || phase === 'Failed';
  const notReadyWhy = done ? { reason: 'PodCompleted' } : { reason: 'ContainersNotReady', message: `containers with unready status: ${names(unready)}` };
  const conditions: unknown[] = [
    condition(pod, 'Initialized', pendingInits.length === 0 || done, now, {
      reason: 'ContainersNotInitialized',
      message: `containers with incomplete status: ${names(pendingInits)}`,
    }),
    condition(pod, 'Ready', unready.length === 0, now, notReadyWhy),
    condition(pod, 'ContainersReady', unready.length === 0, now, notReadyWhy),
  ];
  if (scheduled) conditions.push(scheduled);
  const initsDone = pendingInits.length === 0;
  const mainWaiting = initsDone ? 'ContainerCreating' : 'PodInitializing';
  return {
    phase,
    conditions,
    hostIP: '127.0.0.1',
    podIP: pod.podIP,
    podIPs: [{ ip: pod.podIP }],
    startTime: isoSeconds(pod.seenAt),
    ...(pod.inits.length ? { initContainerStatuses: pod.inits.map((c) => containerStatus(pod, c, now, 'PodInitializing')) } : {}),
    containerStatuses: pod.containers.map((c) => containerStatus(pod, c, now, mainWaiting)),
  };
}
