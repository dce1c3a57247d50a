/** PersistentVolumeClaims, as `kubectl get pvc -A -o wide` prints them. */
import { pvcProblems } from './problems/pvc-problems.ts';
import { someProblems } from './problems/problem.ts';
import { at, obj, str, strs } from './json.ts';
import { ageCol, defineKind, nameCol, namespaceCol } from './kind-module.ts';
import type { Tone } from './types.ts';

const modeOrder: [string, string][] = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

/** kubectl's GetAccessModesAsString: RWO,ROX,RWX,RWOP in that order. */
export function accessModesText(modes: readonly string[]): string {
  return modeOrder
    .filter(([mode]) => modes.includes(mode))
    .map(([, short]) => short)
    .join(',');
}

/** A claim's colour from its STATUS: bound is fine, lost is broken, anything else waits. */
function statusTone(status: string | undefined): Tone {
  switch (status) {
    case 'Bound':
      return 'normal';
    case 'Lost':
      return 'error';
    case 'Terminating':
      return 'muted';
    default:
      return 'warn';
  }
}

/** The persistentvolumeclaims kind. */
export const pvcsKind = defineKind<Prepared>({
  resourceKey: 'persistentvolumeclaims',
  group: '',
  kind: 'PersistentVolumeClaim',
  namespaced: true,
  prepare: (o) => {
    const spec = obj(o['spec']);
    return { spec, status: obj(o['status']), volumeName: str(spec['volumeName']) };
  },
  columns: [
    namespaceCol,
    nameCol,
    { name: 'STATUS', width: 8, value: (o, p) => (o.metadata.deletionTimestamp ? 'Terminating' : str(p.status['phase'])) },
    { name: 'VOLUME', width: 40, value: (_o, p) => p.volumeName },
    { name: 'CAPACITY', width: 8, value: (_o, p) => (p.volumeName ? str(at(p.status, 'capacity', 'storage')) : '') },
    { name: 'ACCESS MODES', width: 12, value: (_o, p) => (p.volumeName ? accessModesText(strs(p.status['accessModes'])) : '') },
    { name: 'STORAGECLASS', width: 12, value: (o, p) => o.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? str(p.spec['storageClassName']) },
    { name: 'VOLUMEATTRIBUTESCLASS', width: 21, value: (_o, p) => str(p.spec['volumeAttributesClassName']) || '<unset>' },
    ageCol,
    { name: 'VOLUMEMODE', width: 10, wide: true, value: (_o, p) => str(p.spec['volumeMode']) || '<unset>' },
  ],
  extras: (o) => someProblems(pvcProblems(o)),
  tone: (cells) => statusTone(cells['STATUS']),
  describe: () => import('./describe/describe-network.ts').then((m) => m.describePvc),
  related: ['podsInNamespace'],
  drill: undefined,
  pods: undefined,
  rollout: undefined,
});

interface Prepared {
  spec: Record<string, unknown>;
  status: Record<string, unknown>;
  volumeName: string;
}
