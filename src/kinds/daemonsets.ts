/** DaemonSets, as `kubectl get daemonsets -A -o wide` prints them. */
import { counter, replicaTone } from './deployments.ts';
import { containerCells, formatLabels, formatLabelSelector, readSelector } from './format.ts';
import { at, obj, strMap } from './json.ts';
import { ageCol, defineKind, nameCol, namespaceCol } from './kind-module.ts';
import type { LabelSelector } from './types.ts';

/** The daemonsets kind. */
export const daemonSetsKind = defineKind<Prepared>({
  resourceKey: 'daemonsets.apps',
  group: 'apps',
  kind: 'DaemonSet',
  namespaced: true,
  prepare: (o) => {
    const spec = obj(o['spec']);
    return { spec, selector: readSelector(spec['selector']), containers: containerCells(spec['template']) };
  },
  columns: [
    namespaceCol,
    nameCol,
    { name: 'DESIRED', width: 7, sort: 'number', value: (o) => String(counter(o, 'status', 'desiredNumberScheduled')) },
    { name: 'CURRENT', width: 7, sort: 'number', value: (o) => String(counter(o, 'status', 'currentNumberScheduled')) },
    { name: 'READY', width: 5, sort: 'number', value: (o) => String(counter(o, 'status', 'numberReady')) },
    { name: 'UP-TO-DATE', width: 10, sort: 'number', value: (o) => String(counter(o, 'status', 'updatedNumberScheduled')) },
    { name: 'AVAILABLE', width: 9, sort: 'number', value: (o) => String(counter(o, 'status', 'numberAvailable')) },
    { name: 'NODE SELECTOR', width: 20, value: (_o, p) => formatLabels(strMap(at(p.spec, 'template', 'spec', 'nodeSelector'))) },
    ageCol,
    { name: 'CONTAINERS', width: 20, wide: true, value: (_o, p) => p.containers[0] },
    { name: 'IMAGES', width: 40, wide: true, value: (_o, p) => p.containers[1] },
    { name: 'SELECTOR', width: 30, wide: true, value: (_o, p) => formatLabelSelector(p.selector) },
  ],
  extras: (_o, p) => ({ selector: p.selector }),
  tone: (cells) => replicaTone(Number(cells['READY']), Number(cells['DESIRED'])),
  describe: () => import('./describe/describe-workloads.ts').then((m) => m.describeDaemonSet),
  related: ['podsBySelector'],
  drill: { kind: 'owned', child: 'pods' },
  pods: { kind: 'workload-selector' },
  rollout: 'DaemonSet',
});

interface Prepared {
  spec: Record<string, unknown>;
  selector: LabelSelector | undefined;
  containers: [names: string, images: string];
}
