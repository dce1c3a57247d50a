/** Pods, as `kubectl get pods -A -o wide` prints them. */
import { containerSummaries } from './container-summary.ts';
import { obj, objs, str } from './json.ts';
import { ageCol, defineKind, nameCol, namespaceCol, type CellsByName } from './kind-module.ts';
import { podSummary, type PodSummary } from './pod-status.ts';
import { podUses } from './pod-uses.ts';
import { podFigures } from './resource-figures.ts';
import { podProblems } from './problems/pod-problems.ts';
import { someProblems } from './problems/problem.ts';
import type { Tone } from './types.ts';

/** Reasons that mean the pod is broken rather than on its way. */
const errorReasons = new Set([
  'CrashLoopBackOff',
  'Error',
  'ImagePullBackOff',
  'ErrImagePull',
  'InvalidImageName',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
  'OOMKilled',
  'ContainerCannotRun',
  'Evicted',
  'Failed',
  'Unknown',
  'NodeLost',
  'DeadlineExceeded',
  'UnexpectedAdmissionError',
  'OutOfcpu',
  'OutOfmemory',
  'NodeAffinity',
]);

function readinessGates(spec: Record<string, unknown>, status: Record<string, unknown>): string {
  const gates = objs(spec['readinessGates']);
  if (gates.length === 0) return '<none>';
  const conditions = objs(status['conditions']);
  let passing = 0;
  for (const g of gates) {
    const c = conditions.find((x) => x['type'] === g['conditionType']);
    if (c?.['status'] === 'True') passing++;
  }
  return `${passing}/${gates.length}`;
}

function podIP(status: Record<string, unknown>): string {
  const ips = objs(status['podIPs']);
  return str(ips[0]?.['ip']) || str(status['podIP']) || '<none>';
}

/** The tone of a pod row from its STATUS and READY cells. */
export function podTone(cells: CellsByName): Tone {
  const reason = cells['STATUS'] ?? '';
  if (reason === 'Terminating') return 'muted';
  if (reason === 'Completed' || reason === 'Succeeded') return 'muted';
  if (errorReasons.has(reason) || (reason.startsWith('Init:') && !/^Init:\d+\/\d+$/.test(reason))) return 'error';
  if (reason.startsWith('ExitCode:') || reason.startsWith('Signal:')) return 'error';
  if (reason === 'Running') {
    const [ready, total] = (cells['READY'] ?? '0/0').split('/');
    return ready === total ? 'normal' : 'warn';
  }
  return 'warn';
}

/** The pods kind. */
export const podsKind = defineKind<Prepared>({
  resourceKey: 'pods',
  group: '',
  kind: 'Pod',
  namespaced: true,
  // printPod's summary feeds READY, STATUS and RESTARTS: computed once per pod.
  prepare: (o) => ({ spec: obj(o['spec']), status: obj(o['status']), summary: podSummary(o) }),
  columns: [
    namespaceCol,
    nameCol,
    { name: 'READY', width: 5, sort: 'ratio', value: (_o, p) => `${p.summary.ready}/${p.summary.total}` },
    { name: 'STATUS', width: 16, value: (_o, p) => p.summary.reason },
    { name: 'RESTARTS', width: 12, sort: 'number', value: (_o, p) => ({ restarts: p.summary.restarts, at: p.summary.lastRestart }) },
    ageCol,
    { name: 'IP', width: 15, wide: true, value: (_o, p) => podIP(p.status) },
    { name: 'NODE', width: 20, wide: true, value: (_o, p) => str(p.spec['nodeName']) || '<none>' },
    { name: 'NOMINATED NODE', width: 14, wide: true, value: (_o, p) => str(p.status['nominatedNodeName']) || '<none>' },
    { name: 'READINESS GATES', width: 15, wide: true, value: (_o, p) => readinessGates(p.spec, p.status) },
  ],
  extras: (o, p) => ({
    nodeName: str(p.spec['nodeName']),
    uses: podUses(p.spec, o.metadata?.name ?? ''),
    containers: containerSummaries(o),
    resources: podFigures(p.spec),
    ...someProblems(podProblems(o)),
  }),
  tone: podTone,
  describe: () => import('./describe/describe-pod.ts').then((m) => m.describePod),
  related: [],
  drill: { kind: 'containers' },
  pods: { kind: 'self' },
  rollout: undefined,
});

interface Prepared {
  spec: Record<string, unknown>;
  status: Record<string, unknown>;
  summary: PodSummary;
}
