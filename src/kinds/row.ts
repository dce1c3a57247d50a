/** Building slim rows: the metadata every row carries, plus column and capability shorthands. */
import type { KubeObject } from '../kube/object.ts';
import type { ContainerSummary } from './container-summary.ts';
import type { Allocatable, ResourceFigures } from './resource-figures.ts';
import { parseTime } from './duration.ts';
import { intern, internAll } from './intern.ts';
import type { Problem, WarningEvent } from './problems/problem.ts';
import type { Capabilities, ColumnSpec, LabelSelector, OwnerRef, Row, SortKind, TimeCell } from './types.ts';

/** Extra row fields a kind may fill (pods: nodeName, uses and containers; workloads and services: selector). */
export interface RowExtras {
  nodeName?: string;
  uses?: readonly string[];
  selector?: LabelSelector | undefined;
  containers?: readonly ContainerSummary[];
  resources?: ResourceFigures;
  allocatable?: Allocatable;
  problems?: readonly Problem[];
  warning?: WarningEvent;
}

/** Assembles a Row from an object's metadata, its cells and time cells; copies only what indexes need. */
export function makeRow(resourceKey: string, o: KubeObject, cells: string[], timeCells: TimeCell[], extras: RowExtras = {}): Row {
  const m = o.metadata ?? { name: '', uid: '' };
  const deleting = typeof m.deletionTimestamp === 'string' && m.deletionTimestamp !== '';
  const ownerRefs: OwnerRef[] = (Array.isArray(m.ownerReferences) ? m.ownerReferences : []).map((r) => ({
    kind: intern(r.kind),
    name: r.name,
    uid: r.uid,
    controller: r.controller === true,
  }));
  const row: {
    -readonly [K in keyof Row]: Row[K];
  } = {
    uid: m.uid ?? '',
    resourceKey,
    namespace: m.namespace ?? '',
    name: m.name ?? '',
    resourceVersion: m.resourceVersion ?? '',
    createdAt: parseTime(m.creationTimestamp),
    deleting,
    // Cells repeat across rows ("1/1", "Running", a node, an image): one copy each (intern.ts).
    cells: internAll(cells),
    timeCells,
    labels: m.labels ?? {},
    ownerRefs,
  };
  if (extras.nodeName !== undefined) row.nodeName = extras.nodeName;
  if (extras.uses !== undefined) row.uses = internAll(extras.uses);
  if (extras.selector !== undefined) row.selector = extras.selector;
  if (extras.containers !== undefined) row.containers = extras.containers;
  if (extras.resources !== undefined) row.resources = extras.resources;
  if (extras.allocatable !== undefined) row.allocatable = extras.allocatable;
  if (extras.problems !== undefined) row.problems = extras.problems;
  if (extras.warning !== undefined) row.warning = extras.warning;
  if (deleting && Array.isArray(m.finalizers) && m.finalizers.length > 0) {
    row.finalizers = [...m.finalizers];
    row.deletingSince = parseTime(m.deletionTimestamp);
  }
  return row;
}

/** A column; numbers and ages align right, like the widths kubectl's tabwriter gives them. */
export function column(name: string, width: number, sort: SortKind = 'text', extra: Partial<ColumnSpec> = {}): ColumnSpec {
  const align = sort === 'number' ? 'right' : 'left';
  return { name, width, align, wide: false, sort, ...extra };
}

/** A column only `-o wide` prints. */
export function wideColumn(name: string, width: number, sort: SortKind = 'text'): ColumnSpec {
  return column(name, width, sort, { wide: true });
}

/** The NAMESPACE column kubectl adds with --all-namespaces. */
export const namespaceColumn: ColumnSpec = column('NAMESPACE', 16, 'text', { allNamespaces: true });

/** NAME. */
export const nameColumn: ColumnSpec = column('NAME', 40);

/** AGE. */
export const ageColumn: ColumnSpec = column('AGE', 5, 'age');

/** Capabilities with everything off except what is named. */
export function caps(on: Partial<Capabilities>): Capabilities {
  return { scalable: false, loggable: false, execable: false, rollbackable: false, restartable: false, deletable: true, ...on };
}
