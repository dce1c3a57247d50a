/** StatefulSets, as `kubectl get statefulsets -A -o wide` prints them. */
import { counter, replicaTone } from './deployments.ts';
import { containerCells, readSelector } from './format.ts';
import { num, obj } from './json.ts';
import { ageCol, defineKind, nameCol, namespaceCol } from './kind-module.ts';

/** The statefulsets kind. */
export const statefulSetsKind = defineKind<Prepared>({
  resourceKey: 'statefulsets.apps',
  group: 'apps',
  kind: 'StatefulSet',
  namespaced: true,
  prepare: (o) => {
    const spec = obj(o['spec']);
    return { spec, containers: containerCells(spec['template']) };
  },
  columns: [
    namespaceCol,
    nameCol,
    { name: 'READY', width: 5, sort: 'ratio', value: (o, p) => `${counter(o, 'status', 'readyReplicas')}/${num(p.spec['replicas'], 1)}` },
    ageCol,
    { name: 'CONTAINERS', width: 20, wide: true, value: (_o, p) => p.containers[0] },
    { name: 'IMAGES', width: 40, wide: true, value: (_o, p) => p.containers[1] },
  ],
  extras: (_o, p) => ({ selector: readSelector(p.spec['selector']) }),
  tone: (cells) => {
    const [ready, desired] = (cells['READY'] ?? '0/0').split('/').map(Number);
    return replicaTone(ready ?? 0, desired ?? 0);
  },
  describe: () => import('./describe/describe-workloads.ts').then((m) => m.describeStatefulSet),
  related: ['podsBySelector'],
  drill: { kind: 'owned', child: 'pods' },
  pods: { kind: 'workload-selector' },
  rollout: 'StatefulSet',
});

interface Prepared {
  spec: Record<string, unknown>;
  containers: [names: string, images: string];
}
