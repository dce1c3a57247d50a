/** Jobs, as `kubectl get jobs -A -o wide` prints them. */
import { jobProblems } from './problems/workload-problems.ts';
import { someProblems } from './problems/problem.ts';
import type { KubeObject } from '../kube/object.ts';
import { humanDuration, parseTime } from './duration.ts';
import { containerCells, formatLabelSelector, readSelector } from './format.ts';
import { num, obj, objs } from './json.ts';
import { ageCol, defineKind, nameCol, namespaceCol, type CellsByName, type CellValue } from './kind-module.ts';
import type { LabelSelector, Tone } from './types.ts';

function condition(status: Record<string, unknown>, type: string): boolean {
  const c = objs(status['conditions']).find((x) => x['type'] === type);
  return c !== undefined && c['status'] === 'True';
}

/** kubectl's job STATUS column. */
export function jobStatus(o: KubeObject): string {
  const status = obj(o['status']);
  if (condition(status, 'Complete')) return 'Complete';
  if (condition(status, 'Failed')) return 'Failed';
  if (o.metadata.deletionTimestamp) return 'Terminating';
  if (condition(status, 'Suspended')) return 'Suspended';
  if (condition(status, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

function completions(spec: Record<string, unknown>, succeeded: number): string {
  if (typeof spec['completions'] === 'number') return `${succeeded}/${spec['completions']}`;
  const parallelism = num(spec['parallelism']);
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** DURATION: a running job's grows with the clock; a finished one is fixed; none before it starts. */
function duration(status: Record<string, unknown>): CellValue {
  const start = parseTime(status['startTime']);
  if (Number.isNaN(start)) return '';
  const end = parseTime(status['completionTime']);
  return Number.isNaN(end) ? { age: start } : humanDuration(end - start);
}

function tone(cells: CellsByName): Tone {
  switch (cells['STATUS']) {
    case 'Complete':
      return 'muted';
    case 'Failed':
    case 'FailureTarget':
      return 'error';
    case 'Terminating':
    case 'Suspended':
      return 'muted';
    default:
      return 'normal';
  }
}

/** The jobs kind. */
export const jobsKind = defineKind<Prepared>({
  resourceKey: 'jobs.batch',
  group: 'batch',
  kind: 'Job',
  namespaced: true,
  prepare: (o) => {
    const spec = obj(o['spec']);
    return { spec, status: obj(o['status']), selector: readSelector(spec['selector']), containers: containerCells(spec['template']) };
  },
  columns: [
    namespaceCol,
    nameCol,
    { name: 'STATUS', width: 9, value: (o) => jobStatus(o) },
    { name: 'COMPLETIONS', width: 11, sort: 'ratio', value: (_o, p) => completions(p.spec, num(p.status['succeeded'])) },
    { name: 'DURATION', width: 8, sort: 'age', value: (_o, p) => duration(p.status) },
    ageCol,
    { name: 'CONTAINERS', width: 20, wide: true, value: (_o, p) => p.containers[0] },
    { name: 'IMAGES', width: 40, wide: true, value: (_o, p) => p.containers[1] },
    { name: 'SELECTOR', width: 30, wide: true, value: (_o, p) => formatLabelSelector(p.selector) },
  ],
  extras: (_o, p) => ({ selector: p.selector, ...someProblems(jobProblems(p.status)) }),
  tone,
  describe: () => import('./describe/describe-jobs.ts').then((m) => m.describeJob),
  related: [],
  drill: { kind: 'owned', child: 'pods' },
  pods: { kind: 'workload-selector' },
  rollout: undefined,
});

interface Prepared {
  spec: Record<string, unknown>;
  status: Record<string, unknown>;
  selector: LabelSelector | undefined;
  containers: [names: string, images: string];
}
