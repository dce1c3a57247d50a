import { createHash } from 'node:crypto';
import type { ContainerInstance, ContainerRun } from './pod-runtime.ts';

/** A container status as the Kubernetes API stores it (only the fields we fill). */
export interface ContainerStatusJson {
  name: string;
  image: string;
  imageID: string;
  containerID?: string;
  ready: boolean;
  started: boolean;
  restartCount: number;
  state: Record<string, unknown>;
  lastState: Record<string, unknown>;
}

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** RFC 3339 with second precision, like the API server's metav1.Time. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** The runtime container ID of one instance, stable across status rebuilds. */
export function containerId(podUid: string, name: string, index: number): string {
  return `containerd://${sha(`${podUid}/${name}/${index}`)}`;
}

function terminated(podUid: string, run: ContainerRun, inst: ContainerInstance): Record<string, unknown> {
  return {
    terminated: {
      exitCode: inst.exitCode ?? 0,
      reason: inst.exitCode === 0 ? 'Completed' : 'Error',
      startedAt: isoSeconds(inst.startedAt),
      finishedAt: isoSeconds(inst.finishedAt ?? inst.startedAt),
      containerID: containerId(podUid, run.name, inst.index),
    },
  };
}

/** Whether the container counts as ready at `now` (running, past its readiness delay). */
export function containerReady(run: ContainerRun, now: number): boolean {
  const cur = run.current;
  if (!cur || cur.finishedAt !== undefined || run.plan.neverReady) return false;
  return now >= cur.startedAt + run.plan.readyDelayMs;
}

/** Builds one container's status the way the kubelet reports it. */
export function containerStatus(pod: { uid: string; namespace: string; name: string }, run: ContainerRun, now: number, waitingReason: string): ContainerStatusJson {
  const cur = run.current;
  const base = {
    name: run.name,
    image: run.image,
    imageID: cur ? `docker.io/library/${run.image}@sha256:${sha(run.image)}` : '',
    restartCount: run.restartCount,
    lastState: run.previous ? terminated(pod.uid, run, run.previous) : {},
  };
  if (!cur) return { ...base, ready: false, started: false, state: { waiting: { reason: waitingReason } } };
  const id = containerId(pod.uid, run.name, cur.index);
  if (cur.finishedAt === undefined) {
    return {
      ...base,
      containerID: id,
      ready: containerReady(run, now),
      started: true,
      state: { running: { startedAt: isoSeconds(cur.startedAt) } },
    };
  }
  if (run.restartAt !== undefined) {
    // Between runs the kubelet shows CrashLoopBackOff and moves the last run to lastState.
    const backoff = Math.round((run.restartAt - (cur.finishedAt ?? now)) / 1000);
    return {
      ...base,
      containerID: id,
      ready: false,
      started: false,
      state: {
        waiting: {
          reason: 'CrashLoopBackOff',
          message: `back-off ${backoff}s restarting failed container=${run.name} pod=${pod.name}_${pod.namespace}(${pod.uid})`,
        },
      },
      lastState: terminated(pod.uid, run, cur),
    };
  }
  return { ...base, containerID: id, ready: false, started: false, state: terminated(pod.uid, run, cur) };
}
