/**
 * `:triage` as a view: a resource of kx's own (no server serves it) whose rows are computed from
 * the cache, and the jump Enter makes to the object a row is about.
 */
import type { RowTarget } from '../../kinds/types.ts';
import type { DiscoveryResult } from '../../kube/discovery.ts';
import { resourceKey, type ResourceInfo } from '../../kube/resource-info.ts';
import { viewOf, type ViewEntry } from '../view-entry.ts';

/** The triage view's resource: served by no API server, so nothing lists or watches it. */
export const triageResource: ResourceInfo = {
  group: 'kx.triage',
  version: 'v1',
  versions: ['v1'],
  plural: 'triage',
  singular: 'triage',
  kind: 'Triage',
  shortNames: [],
  categories: [],
  namespaced: false,
  verbs: [],
  subresources: { scale: false, status: false, log: false, exec: false },
};

/** Whether a view is the triage view. */
export function isTriage(entry: ViewEntry): boolean {
  return resourceKey(entry.resource) === resourceKey(triageResource);
}

/** The triage view; `namespace` is where kinds go that may not be listed across namespaces. */
export function triageView(namespace: string): ViewEntry {
  return viewOf(triageResource, undefined, { triageNamespace: namespace });
}

/** The view Enter on a triage row opens: the object's kind, in its namespace, the cursor on it; undefined when the server does not serve the kind. */
export function jumpTo(target: RowTarget, discovery: DiscoveryResult): ViewEntry | undefined {
  const resource = discovery.resources.find((r) => resourceKey(r) === target.resourceKey) ?? discovery.resources.find((r) => r.group === target.group && r.kind === target.kind);
  if (!resource) return undefined;
  return viewOf(resource, target.namespace || undefined, { cursorUid: target.uid || undefined, cursorName: target.name });
}
