/** PersistentVolumeClaims, as `kubectl get pvc -A -o wide` prints them. */
import type { KubeObject } from '../kube/object.ts';
import { ageCell } from './cells.ts';
import { at, obj, str, strs } from './json.ts';
import { ageColumn, caps, column, makeRow, nameColumn, namespaceColumn, wideColumn } from './row.ts';
import type { KindSpec, Row, TimeCell, Tone } from './types.ts';

const modeOrder: [string, string][] = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

/** kubectl's GetAccessModesAsString: RWO,ROX,RWX,RWOP in that order. */
export function accessModesText(modes: readonly string[]): string {
  return modeOrder.filter(([mode]) => modes.includes(mode)).map(([, short]) => short).join(',');
}

function toRow(o: KubeObject, now: number): Row {
  const spec = obj(o['spec']);
  const status = obj(o['status']);
  const volumeName = str(spec['volumeName']);
  const storageClass =
    o.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? str(spec['storageClassName']);
  const cells = [
    o.metadata.namespace ?? '',
    o.metadata.name,
    o.metadata.deletionTimestamp ? 'Terminating' : str(status['phase']),
    volumeName,
    volumeName ? str(at(status, 'capacity', 'storage')) : '',
    volumeName ? accessModesText(strs(status['accessModes'])) : '',
    storageClass,
    str(spec['volumeAttributesClassName']) || '<unset>',
    '',
    str(spec['volumeMode']) || '<unset>',
  ];
  const timeCells: TimeCell[] = [];
  ageCell(cells, timeCells, 8, o.metadata.creationTimestamp, now);
  return makeRow('persistentvolumeclaims', o, cells, timeCells);
}

function tone(row: Row): Tone {
  switch (row.cells[2]) {
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
export const pvcsKind: KindSpec = {
  resourceKey: 'persistentvolumeclaims',
  kind: 'PersistentVolumeClaim',
  namespaced: true,
  columns: [
    namespaceColumn,
    nameColumn,
    column('STATUS', 8),
    column('VOLUME', 40),
    column('CAPACITY', 8),
    column('ACCESS MODES', 12),
    column('STORAGECLASS', 12),
    column('VOLUMEATTRIBUTESCLASS', 21),
    ageColumn,
    wideColumn('VOLUMEMODE', 10),
  ],
  toRow,
  tone,
  capabilities: caps({}),
};
