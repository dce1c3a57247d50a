/** HorizontalPodAutoscalers (autoscaling v2, v2beta2, v2beta1 and v1 shapes), as kubectl prints them. */
import type { KubeObject } from '../kube/object.ts';
import { ageCell } from './cells.ts';
import { hpaCounts, hpaTargets } from './hpa-metrics.ts';
import { obj, str } from './json.ts';
import { ageColumn, caps, column, makeRow, nameColumn, namespaceColumn } from './row.ts';
import type { KindSpec, Row, TimeCell, Tone } from './types.ts';

function toRow(o: KubeObject, now: number): Row {
  const spec = obj(o['spec']);
  const ref = obj(spec['scaleTargetRef']);
  const counts = hpaCounts(spec, o['status']);
  const cells = [
    o.metadata.namespace ?? '',
    o.metadata.name,
    `${str(ref['kind'])}/${str(ref['name'])}`,
    hpaTargets(spec, o['status']),
    counts.min,
    String(counts.max),
    String(counts.current),
    '',
  ];
  const timeCells: TimeCell[] = [];
  ageCell(cells, timeCells, 7, o.metadata.creationTimestamp, now);
  return makeRow('horizontalpodautoscalers.autoscaling', o, cells, timeCells);
}

function tone(row: Row): Tone {
  if ((row.cells[3] ?? '').includes('<unknown>')) return 'warn';
  return row.cells[6] === row.cells[5] ? 'warn' : 'normal';
}

/** The horizontalpodautoscalers kind. */
export const hpasKind: KindSpec = {
  resourceKey: 'horizontalpodautoscalers.autoscaling',
  kind: 'HorizontalPodAutoscaler',
  namespaced: true,
  columns: [
    namespaceColumn,
    nameColumn,
    column('REFERENCE', 30),
    column('TARGETS', 30),
    column('MINPODS', 7, 'number'),
    column('MAXPODS', 7, 'number'),
    column('REPLICAS', 8, 'number'),
    ageColumn,
  ],
  toRow,
  tone,
  capabilities: caps({}),
};
