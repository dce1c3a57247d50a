/** HorizontalPodAutoscalers (autoscaling v2, v2beta2, v2beta1 and v1 shapes), as kubectl prints them. */
import { hpaProblems } from './problems/workload-problems.ts';
import { someProblems } from './problems/problem.ts';
import { hpaCounts, hpaTargets } from './hpa-metrics.ts';
import { obj, str } from './json.ts';
import { ageCol, defineKind, nameCol, namespaceCol, type CellsByName } from './kind-module.ts';
import type { Tone } from './types.ts';

function tone(cells: CellsByName): Tone {
  if ((cells['TARGETS'] ?? '').includes('<unknown>')) return 'warn';
  return cells['REPLICAS'] === cells['MAXPODS'] ? 'warn' : 'normal';
}

/** The horizontalpodautoscalers kind. */
export const hpasKind = defineKind<Prepared>({
  resourceKey: 'horizontalpodautoscalers.autoscaling',
  group: 'autoscaling',
  kind: 'HorizontalPodAutoscaler',
  namespaced: true,
  prepare: (o) => {
    const spec = obj(o['spec']);
    return { spec, counts: hpaCounts(spec, o['status']) };
  },
  columns: [
    namespaceCol,
    nameCol,
    {
      name: 'REFERENCE',
      width: 30,
      value: (_o, p) => {
        const ref = obj(p.spec['scaleTargetRef']);
        return `${str(ref['kind'])}/${str(ref['name'])}`;
      },
    },
    { name: 'TARGETS', width: 30, value: (o, p) => hpaTargets(p.spec, o['status']) },
    { name: 'MINPODS', width: 7, sort: 'number', value: (_o, p) => p.counts.min },
    { name: 'MAXPODS', width: 7, sort: 'number', value: (_o, p) => String(p.counts.max) },
    { name: 'REPLICAS', width: 8, sort: 'number', value: (_o, p) => String(p.counts.current) },
    ageCol,
  ],
  extras: (o, p) => someProblems(hpaProblems(p.spec, o['status'], p.counts)),
  tone,
  describe: () => import('./describe/describe-hpa.ts').then((m) => m.describeHpa),
  related: [],
  drill: undefined,
  pods: undefined,
  rollout: undefined,
});

interface Prepared {
  spec: Record<string, unknown>;
  counts: ReturnType<typeof hpaCounts>;
}
