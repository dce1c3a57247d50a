/**
 * Kinds as data: what a resource kind is to kx (columns, a pure projection to a slim Row, a tone
 * and the capabilities that decide which keys a view offers). No I/O, no React.
 */
import type { KubeObject } from '../kube/object.ts';
import type { ContainerSummary, ContainerType } from './container-summary.ts';
import type { Allocatable, ResourceFigures } from './resource-figures.ts';
import type { Problem, WarningEvent } from './problems/problem.ts';

/** How a row reads: healthy, needs a look, broken, unimportant, informative (mirrors ui/theme Tone). */
export type Tone = 'normal' | 'ok' | 'warn' | 'error' | 'muted' | 'info';

/** How a column sorts: as text, by its leading number, by the age it shows, or as an x/y ratio. */
export type SortKind = 'text' | 'number' | 'age' | 'ratio';

/** One column as kubectl prints it (header upper-cased like `kubectl get`). */
export interface ColumnSpec {
  name: string;
  /** A width hint in cells (typical content); the table may grow or shrink it. */
  width: number;
  align: 'left' | 'right';
  /** Only printed by `kubectl get -o wide` (server column priority > 0). */
  wide: boolean;
  sort: SortKind;
  /** The NAMESPACE column: only meaningful when listing across namespaces. */
  allNamespaces?: boolean;
  /** The column `S` sorts by when its name is not one of STATUS, PHASE, STATE or READY. */
  status?: boolean;
  /** Not shown (views.yaml left it out or marked it `|H`); its cells still feed tone and filters. */
  hidden?: boolean;
}

export type { LabelSelector, SelectorRequirement } from '../kube/label-selector.ts';
import type { LabelSelector } from '../kube/label-selector.ts';

/** The parts of an owner reference drill-down needs. */
export interface OwnerRef {
  kind: string;
  name: string;
  uid: string;
  controller: boolean;
}

/**
 * A cell whose text depends on the clock; `cellsAt(row, now)` recomputes it so ages tick without
 * re-projecting. 'age' prints kubectl's HumanDuration since `at` ('<unknown>' when NaN);
 * 'restarts' prints `N (5m ago)`.
 */
export type TimeCell = { column: number; kind: 'age'; at: number } | { column: number; kind: 'restarts'; count: number; at: number };

/** The slim projection of one object: what tables, indexes and drill-down need, never the raw object. */
export interface Row {
  readonly uid: string;
  readonly resourceKey: string;
  /** '' for cluster-scoped objects. */
  readonly namespace: string;
  readonly name: string;
  readonly resourceVersion: string;
  /** metadata.creationTimestamp in ms since the epoch; NaN when unknown. */
  readonly createdAt: number;
  /** metadata.deletionTimestamp is set (the object is terminating). */
  readonly deleting: boolean;
  /** Display cells as projected at `projectedAt`, one per column of the kind. */
  readonly cells: readonly string[];
  /** Cells that tick with the clock (see cellsAt). */
  readonly timeCells: readonly TimeCell[];
  readonly labels: Readonly<Record<string, string>>;
  readonly ownerRefs: readonly OwnerRef[];
  /** Pods: spec.nodeName ('' when unscheduled). */
  readonly nodeName?: string;
  /** Pods: what the pod uses, as 'configmaps/x', 'secrets/y', 'persistentvolumeclaims/z', 'serviceaccounts/w' (kinds/pod-uses.ts). */
  readonly uses?: readonly string[];
  /** Workloads: spec.selector; Services: spec.selector as matchLabels (undefined = selects nothing). */
  readonly selector?: LabelSelector;
  /** Only while deleting: what the deletion waits for. */
  readonly finalizers?: readonly string[];
  /** Pods: their containers, for the containers view (kinds/container-summary.ts). */
  readonly containers?: readonly ContainerSummary[];
  /** A row of the containers view: the pod it belongs to (the row's name is the container's). */
  readonly container?: ContainerRef;
  /** Pods and container rows: requests and limits, for the usage percentages (resource-figures.ts). */
  readonly resources?: ResourceFigures;
  /** Nodes: status.allocatable, for the usage percentages. */
  readonly allocatable?: Allocatable;
  /** Pods, deployments, nodes, claims, jobs and HPAs: what is wrong with it, only when something is (kinds/problems/). */
  readonly problems?: readonly Problem[];
  /** Warning events: the event, summarised for triage. */
  readonly warning?: WarningEvent;
  /** Only while deleting with finalizers: metadata.deletionTimestamp in ms. */
  readonly deletingSince?: number;
  /** A triage row: the object it is about, where Enter jumps. */
  readonly target?: RowTarget;
}

/** The object a triage row is about. */
export interface RowTarget {
  readonly resourceKey: string;
  /** The involved object's group and Kind (an event's object may be of a kind kx does not watch). */
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
}

/** What a container's row knows of its pod. */
export interface ContainerRef {
  readonly pod: string;
  readonly podUid: string;
  readonly type: ContainerType;
}

/** Which actions make sense for a kind; views offer keys by these. */
export interface Capabilities {
  scalable: boolean;
  loggable: boolean;
  execable: boolean;
  rollbackable: boolean;
  restartable: boolean;
  deletable: boolean;
}

/** A resource kind as data. */
export interface KindSpec {
  /** 'pods', 'deployments.apps', 'crontabs.stable.example.com'. */
  resourceKey: string;
  kind: string;
  namespaced: boolean;
  columns: readonly ColumnSpec[];
  /** Projects an object to its slim row; pure, `now` only feeds cells that are frozen in time. */
  toRow(obj: KubeObject, now: number): Row;
  /** The semantic tone of a row (status colours). */
  tone(row: Row): Tone;
  capabilities: Capabilities;
  /** The sort a view starts with when it has none of its own (views.yaml's sortColumn). */
  defaultSort?: { column: number; descending: boolean } | undefined;
}
