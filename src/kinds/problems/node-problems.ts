/** What is wrong with a Node: not Ready, under memory, disk or PID pressure, or cordoned. */
import { parseTime } from '../duration.ts';
import { at, obj, objs } from '../json.ts';
import { conditionOf, fromCondition, type Problem } from './problem.ts';

const pressures = ['MemoryPressure', 'DiskPressure', 'PIDPressure'];

/** The problems of a raw node (none for a healthy, schedulable one). */
export function nodeProblems(node: unknown): Problem[] {
  const status = obj(obj(node)['status']);
  const out: Problem[] = [];
  const ready = conditionOf(status, 'Ready');
  if (!ready || ready['status'] !== 'True') out.push({ ...(ready ? fromCondition(ready, 'NotReady') : { message: '', since: Number.NaN }), reason: 'NotReady' });
  for (const type of pressures) {
    const c = conditionOf(status, type);
    if (c && c['status'] === 'True') out.push({ ...fromCondition(c, type), reason: type });
  }
  if (at(node, 'spec', 'unschedulable') === true) {
    // The taint kubectl cordon leads to carries when it was added, when the server sets it.
    const taint = objs(at(node, 'spec', 'taints')).find((t) => t['key'] === 'node.kubernetes.io/unschedulable');
    out.push({ reason: 'Cordoned', message: 'scheduling disabled (kubectl cordon)', since: parseTime(taint?.['timeAdded']) });
  }
  return out;
}
