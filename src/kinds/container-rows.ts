/**
 * The containers view's table, like k9s's: one row a container of one pod, projected from the
 * summary the pod's row carries (container-summary.ts), with columns, tone and the ticking
 * RESTARTS and AGE cells of any other kind. A container row names its pod (`container`), so logs,
 * shell and attach act on that container of that pod.
 */
import { timeCellText } from './cells.ts';
import type { ContainerSummary } from './container-summary.ts';
import { column } from './row.ts';
import type { ColumnSpec, Row, TimeCell, Tone } from './types.ts';

/** The containers view's columns. */
export const containerColumns: readonly ColumnSpec[] = [
  column('NAME', 20),
  column('TYPE', 9),
  column('IMAGE', 30),
  column('READY', 5),
  { ...column('STATE', 10), status: true },
  column('REASON', 16),
  column('RESTARTS', 12, 'number'),
  column('PORTS', 16),
  column('PROBES', 6),
  column('AGE', 5, 'age'),
];

const col = (name: string): number => containerColumns.findIndex((c) => c.name === name);
const restartsColumn = col('RESTARTS');
const ageColumn = col('AGE');
const stateColumn = col('STATE');
const readyColumn = col('READY');
const reasonColumn = col('REASON');

/** The uid of a container's row: container names are unique within a pod, across all four types. */
export function containerRowUid(podUid: string, container: string): string {
  return `${podUid}/${container}`;
}

/** The rows of the pod's containers (none when its row carries no summary). */
export function containerRows(pod: Row, now: number): Row[] {
  return (pod.containers ?? []).map((c) => containerRow(pod, c, now));
}

function containerRow(pod: Row, c: ContainerSummary, now: number): Row {
  const timeCells: TimeCell[] = [];
  if (c.restarts > 0 && !Number.isNaN(c.lastRestart)) timeCells.push({ column: restartsColumn, kind: 'restarts', count: c.restarts, at: c.lastRestart });
  if (!Number.isNaN(c.startedAt)) timeCells.push({ column: ageColumn, kind: 'age', at: c.startedAt });
  const cells = [c.name, c.type, c.image, String(c.ready), c.state || '-', c.reason, String(c.restarts), c.ports, c.probes, '-'];
  for (const cell of timeCells) cells[cell.column] = timeCellText(cell, now);
  return {
    uid: containerRowUid(pod.uid, c.name),
    resourceKey: pod.resourceKey,
    namespace: pod.namespace,
    name: c.name,
    resourceVersion: pod.resourceVersion,
    createdAt: c.startedAt,
    deleting: pod.deleting,
    cells,
    timeCells,
    labels: {},
    ownerRefs: [],
    container: { pod: pod.name, podUid: pod.uid, type: c.type },
    resources: c.resources,
  };
}

/** Waiting reasons that mean the container is broken rather than on its way. */
const brokenReasons = /BackOff|Err|Error|Invalid|OOMKilled|ContainerCannotRun|^ExitCode:|^Signal:/;

/** A container row's tone: broken red, finished (an init container that completed) muted, not ready yet warn. */
export function containerTone(row: Row): Tone {
  const state = row.cells[stateColumn] ?? '';
  const reason = row.cells[reasonColumn] ?? '';
  if (brokenReasons.test(reason)) return 'error';
  if (state === 'Terminated') return 'muted';
  if (state === 'Running' && (row.cells[readyColumn] === 'true' || row.container?.type === 'ephemeral' || row.container?.type === 'init')) return 'normal';
  return 'warn';
}
