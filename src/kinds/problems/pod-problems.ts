/** What is wrong with a pod: crash loops, image pulls, OOM kills, failure, and pending (unschedulable or not). */
import { parseTime } from '../duration.ts';
import { num, obj, objs, str } from '../json.ts';
import { conditionOf, fromCondition, oneLine, type Problem } from './problem.ts';

type Json = Record<string, unknown>;

/** Waiting reasons that mean the image cannot be pulled. */
const pullReasons = new Set(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull']);

/** The problems of a raw pod (none for a healthy one). */
export function podProblems(pod: unknown): Problem[] {
  const spec = obj(obj(pod)['spec']);
  const status = obj(obj(pod)['status']);
  const phase = str(status['phase']);
  const out: Problem[] = [];
  // Since when containers have not been ready: the best "since" a waiting reason has.
  const notReady = conditionOf(status, 'ContainersReady');
  const notReadySince = notReady && notReady['status'] !== 'True' ? parseTime(notReady['lastTransitionTime']) : Number.NaN;
  const statuses = [...objs(status['initContainerStatuses']), ...objs(status['containerStatuses'])];
  for (const c of statuses) out.push(...containerProblems(c, notReadySince));
  if (phase === 'Failed') {
    const ended = Math.max(...statuses.map((c) => parseTime(obj(obj(c['state'])['terminated'])['finishedAt'])).filter((t) => !Number.isNaN(t)), Number.NEGATIVE_INFINITY);
    out.push({ reason: str(status['reason']) || 'Failed', message: oneLine(str(status['message'])) || exits(statuses), since: Number.isFinite(ended) ? ended : Number.NaN });
  }
  if (phase === 'Pending') {
    const scheduled = conditionOf(status, 'PodScheduled');
    if (scheduled && scheduled['status'] === 'False') out.push(fromCondition(scheduled, 'Unschedulable'));
    else if (out.length === 0 && str(spec['nodeName']) === '') out.push({ reason: 'Pending', message: '', since: parseTime(obj(obj(pod)['metadata'])['creationTimestamp']) });
  }
  return out;
}

/** How the containers that failed ended: 'container main exited with code 1'. */
function exits(statuses: Json[]): string {
  return statuses
    .flatMap((c) => {
      const t = obj(obj(c['state'])['terminated']);
      const code = num(t['exitCode']);
      return t['exitCode'] !== undefined && code !== 0
        ? [`container ${str(c['name'])} exited with code ${code}${str(t['reason']) && str(t['reason']) !== 'Error' ? ` (${str(t['reason'])})` : ''}`]
        : [];
    })
    .join('; ');
}

function containerProblems(c: Json, notReadySince: number): Problem[] {
  const name = str(c['name']);
  const state = obj(c['state']);
  const waiting = obj(state['waiting']);
  const terminated = obj(state['terminated']);
  const last = obj(obj(c['lastState'])['terminated']);
  const out: Problem[] = [];
  const reason = str(waiting['reason']);
  const exit = str(last['reason']) || (last['exitCode'] !== undefined ? `exit code ${num(last['exitCode'])}` : 'no exit seen');
  const restarts = num(c['restartCount']);
  if (reason === 'CrashLoopBackOff') {
    out.push({ reason, message: `container ${name} restarted ${restarts} times, last ${exit}`, since: parseTime(last['finishedAt']) });
  } else if (state['running'] !== undefined && restarts >= 2 && last['finishedAt'] !== undefined) {
    // Between two crashes the kubelet says Running: still the same crash loop, so its triage row
    // stays instead of coming and going with each restart (while the last crash is recent).
    out.push({ reason: 'CrashLoopBackOff', message: `container ${name} restarted ${restarts} times, last ${exit}; running again`, since: parseTime(last['finishedAt']), running: true });
  } else if (pullReasons.has(reason)) {
    out.push({ reason, message: `container ${name}: ${oneLine(str(waiting['message'])) || `cannot pull ${str(c['image'])}`}`, since: notReadySince });
  }
  // The OOM kill that ended the current or the previous instance.
  const killed = str(terminated['reason']) === 'OOMKilled' ? terminated : str(last['reason']) === 'OOMKilled' ? last : undefined;
  if (killed) out.push({ reason: 'OOMKilled', message: `container ${name} was killed for using too much memory`, since: parseTime(killed['finishedAt']) });
  return out;
}
