/** describeTopologySpreadConstraints: one line per constraint, sorted by topology key. */
import { num, objs, str } from '../json.ts';
import { formatLabelSelector, readSelector } from '../format.ts';
import { LEVEL_0, type PrefixWriter } from './describe-writer.ts';
import { compareStrings } from './meta-sections.ts';

/** 'Topology Spread Constraints:  zone:DoNotSchedule when max skew 1 is exceeded for selector app=web'. */
export function writeTopologySpread(w: PrefixWriter, constraints: unknown, space: string): void {
  const list = objs(constraints).sort((a, b) => compareStrings(str(a['topologyKey']), str(b['topologyKey'])));
  if (list.length === 0) return;
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  list.forEach((c, i) => {
    if (i !== 0) w.write(LEVEL_0, `${space}\t`);
    let text = `${str(c['topologyKey'])}:${str(c['whenUnsatisfiable'])} when max skew ${num(c['maxSkew'])} is exceeded`;
    if (c['labelSelector']) text += ` for selector ${formatLabelSelector(readSelector(c['labelSelector']))}`;
    w.write(LEVEL_0, `${text}\n`);
  });
}
