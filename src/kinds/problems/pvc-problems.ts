/** What is wrong with a PersistentVolumeClaim: still Pending (no volume bound). */
import { parseTime } from '../duration.ts';
import { obj, str } from '../json.ts';
import type { Problem } from './problem.ts';

/** A claim in phase Pending, since it was created (a claim is Pending from birth until bound). */
export function pvcProblems(pvc: unknown): Problem[] {
  if (str(obj(obj(pvc)['status'])['phase']) !== 'Pending') return [];
  return [{ reason: 'Pending', message: 'no volume bound', since: parseTime(obj(obj(pvc)['metadata'])['creationTimestamp']) }];
}
