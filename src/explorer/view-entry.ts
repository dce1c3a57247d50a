/**
 * A place in the explorer: which resource, which namespace, and, after a drill-down, which
 * subset (a Deployment's ReplicaSets, a Service's pods, a node's pods). History holds these, with
 * the filter, sort and selected object each view had, so going back restores the view as it was.
 */
import type { LabelSelector } from '../kinds/types.ts';
import { resourceKey, type ResourceInfo } from '../kube/resource-info.ts';

/** The subset a drill-down shows. */
export type DrillScope =
  /** Objects with an owner reference to `uid` (ReplicaSets of a Deployment, pods of a ReplicaSet or Job). */
  | { kind: 'owner'; uid: string; label: string }
  /** Objects owned by anything `uid` owns (the pods of a CronJob's Jobs). */
  | { kind: 'grandchildren'; uid: string; via: ResourceInfo; label: string }
  /** Objects a label selector picks in one namespace (a Service's pods). */
  | { kind: 'selector'; selector: LabelSelector; label: string }
  /** Pods scheduled on a node. */
  | { kind: 'node'; node: string; label: string }
  /** Pods that use an object ('configmaps/app-config'): mount it, read it into env, pull images with it or run as it. */
  | { kind: 'uses'; ref: string; label: string }
  /** The containers of one pod, projected from its row (kinds/container-rows.ts). */
  | { kind: 'containers'; podUid: string; pod: string; podNamespace: string; label: string };

/** How a view is sorted: a column index of the kind's columns. */
export interface SortState {
  column: number;
  descending: boolean;
}

/** One view in the history. */
export interface ViewEntry {
  resource: ResourceInfo;
  /** undefined = all namespaces (always for cluster-scoped resources), or the `namespaces` below. */
  namespace: string | undefined;
  /**
   * Several namespaces at once (`:po ns1,ns2`, two or more; `namespace` is then undefined): the
   * view shows the union, watched one namespace at a time (see use-view-watches.ts).
   */
  namespaces?: readonly string[] | undefined;
  scope?: DrillScope | undefined;
  /** What was typed after `/` (text filter or `-l selector`). */
  filter: string;
  sort?: SortState | undefined;
  /** The object the cursor was on, to put it back there. */
  cursorUid?: string | undefined;
  /**
   * Where the cursor starts when no object is remembered: on the row with the most DESIRED
   * replicas (a Deployment's current ReplicaSet rather than the scaled-down old ones).
   */
  startOn?: 'most-desired' | undefined;
  /** Where the cursor starts when no object is remembered: on the row with this name (a pod's node, found by name). */
  cursorName?: string | undefined;
  /** Two or more kubeconfig contexts shown in one table (`:po @prod,staging`), each row tagged with its own. */
  contexts?: readonly string[] | undefined;
  /** The triage view: the namespace it reads a kind in when listing that kind across namespaces is forbidden. */
  triageNamespace?: string | undefined;
}

/** A new view of `resource`; cluster-scoped resources ignore the namespace. */
export function viewOf(resource: ResourceInfo, namespace: string | undefined, extra: Partial<ViewEntry> = {}): ViewEntry {
  const namespaces = resource.namespaced && extra.namespaces && extra.namespaces.length > 1 ? extra.namespaces : undefined;
  return { filter: '', ...extra, resource, namespace: resource.namespaced && !namespaces ? namespace : undefined, namespaces };
}

/** Whether two entries show the same thing (history does not repeat the current view). */
export function sameView(a: ViewEntry, b: ViewEntry): boolean {
  return (
    resourceKey(a.resource) === resourceKey(b.resource) &&
    a.namespace === b.namespace &&
    (a.namespaces ?? []).join() === (b.namespaces ?? []).join() &&
    (a.contexts ?? []).join() === (b.contexts ?? []).join() &&
    scopeId(a.scope) === scopeId(b.scope)
  );
}

function scopeId(scope: DrillScope | undefined): string {
  if (!scope) return '';
  switch (scope.kind) {
    case 'owner':
    case 'grandchildren':
      return `${scope.kind}:${scope.uid}`;
    case 'selector':
      return `selector:${JSON.stringify(scope.selector)}`;
    case 'node':
      return `node:${scope.node}`;
    case 'uses':
      return `uses:${scope.ref}`;
    case 'containers':
      return `containers:${scope.podUid}`;
    default: {
      const never: never = scope;
      return never;
    }
  }
}

/** The title of a view: 'pods', 'pods of replicaset web-5d8f', 'replicasets of deployment web', 'pods using configmap app', 'containers of pod api-7d9f'. */
export function viewTitle(entry: ViewEntry): string {
  if (!entry.scope) return entry.resource.plural;
  if (entry.scope.kind === 'containers') return `containers of ${entry.scope.label}`;
  return `${entry.resource.plural} ${entry.scope.kind === 'uses' ? 'using' : 'of'} ${entry.scope.label}`;
}

/** The namespace part of a title: '(shop)', '(shop,web)', '(all namespaces)' or '' for cluster-scoped resources. */
export function namespaceLabel(entry: ViewEntry): string {
  if (entry.scope?.kind === 'containers') return `(${entry.scope.podNamespace})`;
  if (!entry.resource.namespaced || entry.scope?.kind === 'node') return entry.scope?.kind === 'node' ? '(all namespaces)' : '';
  return `(${entry.namespace ?? entry.namespaces?.join(',') ?? 'all namespaces'})`;
}
