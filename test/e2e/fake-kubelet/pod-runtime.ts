import { backoffMs, planFor, type ContainerPlan, type ContainerSpecLike } from './container-plan.ts';

/** One run of a container: when it started and, once over, how it ended. */
export interface ContainerInstance {
  /** 0 for the first run, then one more per restart (equals restartCount while current). */
  index: number;
  startedAt: number;
  finishedAt?: number;
  exitCode?: number;
}

/** The simulated runtime state of one container of a pod. */
export interface ContainerRun {
  name: string;
  image: string;
  isInit: boolean;
  plan: ContainerPlan;
  /** Its containerPorts: the fake kubelet answers HTTP on them through port-forward. */
  ports: number[];
  restartCount: number;
  current?: ContainerInstance;
  previous?: ContainerInstance;
  /** When the next instance may start (crash-loop back-off); undefined when not waiting. */
  restartAt?: number;
}

/** The subset of a Pod the runtime needs. */
export interface PodSpecLike {
  restartPolicy?: string;
  initContainers?: ContainerSpecLike[];
  containers: ContainerSpecLike[];
}

/** The simulated runtime state of one pod on a fake node. */
export interface PodRun {
  uid: string;
  namespace: string;
  name: string;
  nodeName: string;
  podIP: string;
  seenAt: number;
  restartPolicy: 'Always' | 'OnFailure' | 'Never';
  inits: ContainerRun[];
  containers: ContainerRun[];
  /** Condition type → [status, lastTransitionTime ms], so transition times stay stable. */
  conditionSince: Map<string, [string, number]>;
}

/** How long a pod shows ContainerCreating before its first container starts. */
const CREATE_DELAY_MS = 300;

function containerRun(spec: ContainerSpecLike, isInit: boolean): ContainerRun {
  const ports = (spec.ports ?? []).map((p) => p.containerPort ?? 0).filter((p) => p > 0);
  return { name: spec.name, image: spec.image ?? '', isInit, plan: planFor(spec, isInit), ports, restartCount: 0 };
}

/** Creates the runtime for a newly seen pod. */
export function newPodRun(meta: { uid: string; namespace: string; name: string; nodeName: string; podIP: string }, spec: PodSpecLike, now: number): PodRun {
  const policy = spec.restartPolicy === 'Never' || spec.restartPolicy === 'OnFailure' ? spec.restartPolicy : 'Always';
  return {
    ...meta,
    seenAt: now,
    restartPolicy: policy,
    inits: (spec.initContainers ?? []).map((c) => containerRun(c, true)),
    containers: spec.containers.map((c) => containerRun(c, false)),
    conditionSince: new Map(),
  };
}

function shouldRestart(policy: PodRun['restartPolicy'], exitCode: number): boolean {
  return policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
}

/** Whether a container has finished for good (no restart will follow). */
export function finishedForGood(run: ContainerRun, policy: PodRun['restartPolicy']): boolean {
  const c = run.current;
  return c?.finishedAt !== undefined && c.exitCode !== undefined && !shouldRestart(policy, c.exitCode);
}

/** Whether an init container completed successfully. */
export function initDone(run: ContainerRun): boolean {
  return run.current?.finishedAt !== undefined && run.current.exitCode === 0;
}

/** Advances one container to time `now`: start, exit, back off, restart. */
function step(run: ContainerRun, policy: PodRun['restartPolicy'], now: number, earliestStart: number): void {
  const cur = run.current;
  if (!cur) {
    if (now >= earliestStart) run.current = { index: 0, startedAt: Math.max(earliestStart, run.restartAt ?? 0) };
    return;
  }
  if (cur.finishedAt === undefined) {
    if (run.plan.exitCode !== undefined && now >= cur.startedAt + run.plan.runMs) {
      cur.finishedAt = cur.startedAt + run.plan.runMs;
      cur.exitCode = run.plan.exitCode;
      // Init containers that succeed never restart; others follow the pod's restartPolicy.
      const restart = run.isInit ? cur.exitCode !== 0 && policy !== 'Never' : shouldRestart(policy, cur.exitCode);
      if (restart) run.restartAt = cur.finishedAt + backoffMs(run.restartCount);
    }
    return;
  }
  if (run.restartAt !== undefined && now >= run.restartAt) {
    run.previous = cur;
    run.restartCount += 1;
    run.current = { index: run.restartCount, startedAt: run.restartAt };
    run.restartAt = undefined;
  }
}

/** Advances the whole pod to `now`: init containers one at a time in order, then all containers. */
export function advancePod(pod: PodRun, now: number): void {
  let ready = pod.seenAt + CREATE_DELAY_MS;
  for (const init of pod.inits) {
    step(init, pod.restartPolicy, now, ready);
    if (!initDone(init)) return;
    ready = init.current?.finishedAt ?? now;
  }
  for (const c of pod.containers) step(c, pod.restartPolicy, now, ready);
}

/** Whether the init phase failed for good (an init container failed under restartPolicy Never). */
export function initFailed(pod: PodRun): boolean {
  return pod.inits.some((i) => i.current?.exitCode !== undefined && i.current.exitCode !== 0 && i.restartAt === undefined);
}

/** Finds a container (init or regular) by name. */
export function findContainer(pod: PodRun, name: string): ContainerRun | undefined {
  return pod.containers.find((c) => c.name === name) ?? pod.inits.find((c) => c.name === name);
}
