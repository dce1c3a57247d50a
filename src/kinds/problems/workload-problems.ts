/** What is wrong with a Deployment, a Job or a HorizontalPodAutoscaler. */
import { num, obj } from '../json.ts';
import { conditionOf, fromCondition, oneLine, type Problem } from './problem.ts';
import { parseTime } from '../duration.ts';
import { str } from '../json.ts';

type Json = Record<string, unknown>;

/** A Deployment that stopped progressing (ProgressDeadlineExceeded) or has fewer available replicas than desired. */
export function deploymentProblems(spec: Json, status: Json): Problem[] {
  const out: Problem[] = [];
  const progressing = conditionOf(status, 'Progressing');
  if (progressing && progressing['status'] === 'False') out.push(fromCondition(progressing, 'NotProgressing'));
  const desired = num(spec['replicas'], 1);
  const available = num(status['availableReplicas']);
  if (available < desired) {
    const cond = conditionOf(status, 'Available');
    const since = cond && cond['status'] === 'False' ? parseTime(cond['lastTransitionTime']) : Number.NaN;
    out.push({ reason: 'Unavailable', message: `${available}/${desired} replicas available`, since });
  }
  return out;
}

/** A Job whose Failed condition is True (BackoffLimitExceeded, DeadlineExceeded, …). */
export function jobProblems(status: Json): Problem[] {
  const failed = conditionOf(status, 'Failed');
  return failed && failed['status'] === 'True' ? [fromCondition(failed, 'Failed')] : [];
}

/** An HPA that has scaled to its maximum (it wants more but may not have it). */
export function hpaProblems(spec: Json, status: unknown, counts: { max: number; current: number }): Problem[] {
  if (counts.max === 0 || counts.current < counts.max) return [];
  const limited = conditionOf(obj(status), 'ScalingLimited');
  const atMax = limited && limited['status'] === 'True';
  const target = obj(spec['scaleTargetRef']);
  return [
    {
      reason: 'AtMaxReplicas',
      message: oneLine(`${str(target['kind'])}/${str(target['name'])} at ${counts.current}/${counts.max} replicas${atMax ? `: ${str(limited['message'])}` : ''}`),
      since: atMax ? parseTime(limited['lastTransitionTime']) : Number.NaN,
    },
  ];
}
