/**
 * A port of kubectl's printPod logic (pkg/printers/internalversion/printers.go): READY x/y with
 * native sidecars counted, the STATUS reason, RESTARTS and when the last restart happened.
 */
import { parseTime } from './duration.ts';
import { obj, objs, str, num } from './json.ts';

/** What printPod derives from a pod's spec and status. */
export interface PodSummary {
  ready: number;
  total: number;
  reason: string;
  restarts: number;
  /** FinishedAt of the newest last-termination state counted; NaN when none. */
  lastRestart: number;
}

type Json = Record<string, unknown>;

function later(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return Math.max(a, b);
}

function lastTerminated(status: Json): number {
  const t = obj(obj(status['lastState'])['terminated']);
  return Object.keys(t).length === 0 ? Number.NaN : parseTime(t['finishedAt']);
}

function hasCondition(conditions: Json[], type: string): boolean {
  return conditions.some((c) => c['type'] === type && c['status'] === 'True');
}

/** Whether the pod's Initialized condition is True (kubectl's isPodInitializedConditionTrue). */
function initializedTrue(conditions: Json[]): boolean {
  const c = conditions.find((x) => x['type'] === 'Initialized');
  return c !== undefined && c['status'] === 'True';
}

/** Computes kubectl's pod READY / STATUS / RESTARTS for a raw pod object. */
export function podSummary(pod: unknown): PodSummary {
  const spec = obj(obj(pod)['spec']);
  const status = obj(obj(pod)['status']);
  const meta = obj(obj(pod)['metadata']);
  const conditions = objs(status['conditions']);
  const phase = str(status['phase']);
  let reason = str(status['reason']) || phase;
  for (const c of conditions) {
    if (c['type'] === 'PodScheduled' && c['reason'] === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initSpecs = objs(spec['initContainers']);
  // A native sidecar: an init container with restartPolicy Always; counted like a container.
  const sidecars = new Set(initSpecs.filter((c) => c['restartPolicy'] === 'Always').map((c) => str(c['name'])));
  const total = objs(spec['containers']).length + sidecars.size;
  let ready = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart = Number.NaN;
  let lastSidecarRestart = Number.NaN;

  let initializing = false;
  const initStatuses = objs(status['initContainerStatuses']);
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i]!;
    const isSidecar = sidecars.has(str(c['name']));
    const count = num(c['restartCount']);
    restarts += count;
    lastRestart = later(lastRestart, lastTerminated(c));
    if (isSidecar) {
      sidecarRestarts += count;
      lastSidecarRestart = later(lastSidecarRestart, lastTerminated(c));
    }
    const state = obj(c['state']);
    const terminated = state['terminated'] === undefined ? undefined : obj(state['terminated']);
    const waiting = state['waiting'] === undefined ? undefined : obj(state['waiting']);
    if (terminated && num(terminated['exitCode']) === 0) continue;
    if (isSidecar && c['started'] === true) {
      if (c['ready'] === true) ready++;
      continue;
    }
    if (terminated) {
      const r = str(terminated['reason']);
      if (r === '') {
        const signal = num(terminated['signal']);
        reason = signal !== 0 ? `Init:Signal:${signal}` : `Init:ExitCode:${num(terminated['exitCode'])}`;
      } else {
        reason = `Init:${r}`;
      }
    } else if (waiting && str(waiting['reason']) !== '' && waiting['reason'] !== 'PodInitializing') {
      reason = `Init:${str(waiting['reason'])}`;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || initializedTrue(conditions)) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = objs(status['containerStatuses']);
    // kubectl walks containers last to first, so the first container's state wins the reason.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]!;
      restarts += num(c['restartCount']);
      lastRestart = later(lastRestart, lastTerminated(c));
      const state = obj(c['state']);
      const waiting = obj(state['waiting']);
      const terminated = state['terminated'] === undefined ? undefined : obj(state['terminated']);
      if (str(waiting['reason']) !== '') {
        reason = str(waiting['reason']);
      } else if (terminated && str(terminated['reason']) !== '') {
        reason = str(terminated['reason']);
      } else if (terminated) {
        const signal = num(terminated['signal']);
        reason = signal !== 0 ? `Signal:${signal}` : `ExitCode:${num(terminated['exitCode'])}`;
      } else if (c['ready'] === true && state['running'] !== undefined) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = hasCondition(conditions, 'Ready') ? 'Running' : 'NotReady';
    }
  }

  const deleting = str(meta['deletionTimestamp']) !== '';
  if (deleting && status['reason'] === 'NodeLost') {
    reason = 'Unknown';
  } else if (deleting && phase !== 'Succeeded' && phase !== 'Failed') {
    reason = 'Terminating';
  }
  return { ready, total, reason, restarts, lastRestart };
}
