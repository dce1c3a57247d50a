/** ConfigMaps, Secrets and Namespaces: small kinds with a count or a phase. */
import type { KubeObject } from '../kube/object.ts';
import { ageCell } from './cells.ts';
import { obj, str } from './json.ts';
import { ageColumn, caps, column, makeRow, nameColumn, namespaceColumn } from './row.ts';
import type { KindSpec, Row, TimeCell } from './types.ts';

function keyCount(value: unknown): number {
  return Object.keys(obj(value)).length;
}

/** The configmaps kind: DATA counts data plus binaryData keys. */
export const configMapsKind: KindSpec = {
  resourceKey: 'configmaps',
  kind: 'ConfigMap',
  namespaced: true,
  columns: [namespaceColumn, nameColumn, column('DATA', 4, 'number'), ageColumn],
  toRow(o: KubeObject, now: number): Row {
    const cells = [o.metadata.namespace ?? '', o.metadata.name, String(keyCount(o['data']) + keyCount(o['binaryData'])), ''];
    const timeCells: TimeCell[] = [];
    ageCell(cells, timeCells, 3, o.metadata.creationTimestamp, now);
    return makeRow('configmaps', o, cells, timeCells);
  },
  tone: () => 'normal',
  capabilities: caps({}),
};

/** The secrets kind: only the type and the number of keys are kept, never a value. */
export const secretsKind: KindSpec = {
  resourceKey: 'secrets',
  kind: 'Secret',
  namespaced: true,
  columns: [namespaceColumn, nameColumn, column('TYPE', 35), column('DATA', 4, 'number'), ageColumn],
  toRow(o: KubeObject, now: number): Row {
    const cells = [o.metadata.namespace ?? '', o.metadata.name, str(o['type']), String(keyCount(o['data'])), ''];
    const timeCells: TimeCell[] = [];
    ageCell(cells, timeCells, 4, o.metadata.creationTimestamp, now);
    return makeRow('secrets', o, cells, timeCells);
  },
  tone: () => 'normal',
  capabilities: caps({}),
};

/** The namespaces kind: STATUS is the phase (Active, Terminating). */
export const namespacesKind: KindSpec = {
  resourceKey: 'namespaces',
  kind: 'Namespace',
  namespaced: false,
  columns: [nameColumn, column('STATUS', 11), ageColumn],
  toRow(o: KubeObject, now: number): Row {
    const cells = [o.metadata.name, str(obj(o['status'])['phase']), ''];
    const timeCells: TimeCell[] = [];
    ageCell(cells, timeCells, 2, o.metadata.creationTimestamp, now);
    return makeRow('namespaces', o, cells, timeCells);
  },
  tone: (row) => (row.cells[1] === 'Terminating' ? 'muted' : 'normal'),
  capabilities: caps({}),
};
