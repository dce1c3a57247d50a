/** Deployments, as `kubectl get deployments -A -o wide` prints them. */
import type { KubeObject } from '../kube/object.ts';
import { containerCells, readSelector, selectorString } from './format.ts';
import { at, num, obj } from './json.ts';
import { ageCol, defineKind, nameCol, namespaceCol } from './kind-module.ts';
import type { LabelSelector, Tone } from './types.ts';
import { deploymentProblems } from './problems/workload-problems.ts';
import { someProblems } from './problems/problem.ts';

/** Ready and available replicas against the desired count; a stalled rollout reads as an error. */
export function replicaTone(ready: number, desired: number): Tone {
  if (desired === 0) return 'muted';
  if (ready >= desired) return 'normal';
  return ready === 0 ? 'error' : 'warn';
}

/** The deployments kind. */
export const deploymentsKind = defineKind<Prepared>({
  resourceKey: 'deployments.apps',
  group: 'apps',
  kind: 'Deployment',
  namespaced: true,
  prepare: (o) => {
    const spec = obj(o['spec']);
    return { spec, status: obj(o['status']), selector: readSelector(spec['selector']), containers: containerCells(spec['template']) };
  },
  columns: [
    namespaceCol,
    nameCol,
    { name: 'READY', width: 5, sort: 'ratio', value: (_o, p) => `${num(p.status['readyReplicas'])}/${num(p.spec['replicas'], 1)}` },
    { name: 'UP-TO-DATE', width: 10, sort: 'number', value: (_o, p) => String(num(p.status['updatedReplicas'])) },
    { name: 'AVAILABLE', width: 9, sort: 'number', value: (_o, p) => String(num(p.status['availableReplicas'])) },
    ageCol,
    { name: 'CONTAINERS', width: 20, wide: true, value: (_o, p) => p.containers[0] },
    { name: 'IMAGES', width: 40, wide: true, value: (_o, p) => p.containers[1] },
    { name: 'SELECTOR', width: 30, wide: true, value: (_o, p) => selectorString(p.selector) },
  ],
  extras: (_o, p) => ({ selector: p.selector, ...someProblems(deploymentProblems(p.spec, p.status)) }),
  tone: (cells) => {
    const [ready, desired] = (cells['READY'] ?? '0/0').split('/').map(Number);
    return replicaTone(ready ?? 0, desired ?? 0);
  },
  describe: () => import('./describe/describe-deployment.ts').then((m) => m.describeDeployment),
  related: ['replicaSetsBySelector'],
  drill: { kind: 'owned', child: 'replicasets.apps', startOn: 'most-desired' },
  pods: { kind: 'workload-selector' },
  rollout: 'Deployment',
});

interface Prepared {
  spec: Record<string, unknown>;
  status: Record<string, unknown>;
  selector: LabelSelector | undefined;
  containers: [names: string, images: string];
}

/** Reads status.* counters the way Go's zero values do (absent = 0). */
export function counter(o: KubeObject, ...path: string[]): number {
  return num(at(o, ...path));
}
