/** ReplicaSets, as `kubectl get replicasets -A -o wide` prints them. */
import { counter, replicaTone } from './deployments.ts';
import { containerCells, formatLabelSelector, readSelector } from './format.ts';
import { num, obj } from './json.ts';
import { ageCol, defineKind, nameCol, namespaceCol } from './kind-module.ts';
import type { LabelSelector } from './types.ts';

/** The replicasets kind. */
export const replicaSetsKind = defineKind<Prepared>({
  resourceKey: 'replicasets.apps',
  group: 'apps',
  kind: 'ReplicaSet',
  namespaced: true,
  prepare: (o) => {
    const spec = obj(o['spec']);
    return { spec, selector: readSelector(spec['selector']), containers: containerCells(spec['template']) };
  },
  columns: [
    namespaceCol,
    nameCol,
    { name: 'DESIRED', width: 7, sort: 'number', value: (_o, p) => String(num(p.spec['replicas'], 1)) },
    { name: 'CURRENT', width: 7, sort: 'number', value: (o) => String(counter(o, 'status', 'replicas')) },
    { name: 'READY', width: 5, sort: 'number', value: (o) => String(counter(o, 'status', 'readyReplicas')) },
    ageCol,
    { name: 'CONTAINERS', width: 20, wide: true, value: (_o, p) => p.containers[0] },
    { name: 'IMAGES', width: 40, wide: true, value: (_o, p) => p.containers[1] },
    { name: 'SELECTOR', width: 30, wide: true, value: (_o, p) => formatLabelSelector(p.selector) },
  ],
  extras: (_o, p) => ({ selector: p.selector }),
  tone: (cells) => replicaTone(Number(cells['READY']), Number(cells['DESIRED'])),
  describe: () => import('./describe/describe-workloads.ts').then((m) => m.describeReplicaSet),
  related: ['podsBySelector'],
  drill: { kind: 'owned', child: 'pods' },
  pods: { kind: 'workload-selector' },
  rollout: undefined,
});

interface Prepared {
  spec: Record<string, unknown>;
  selector: LabelSelector | undefined;
  containers: [names: string, images: string];
}
