/**
 * Jumps from the selected object to related ones that are not its owner or children: `o` from a
 * pod to its node, `u` from a ConfigMap, Secret, PVC or ServiceAccount to the pods that use it.
 */
import type { Row } from '../kinds/types.ts';
import type { DiscoveryResult } from '../kube/discovery.ts';
import { findResource } from '../kube/resource-resolver.ts';
import { resourceKey, type ResourceInfo } from '../kube/resource-info.ts';
import { viewOf, type ViewEntry } from './view-entry.ts';

/** The resources whose objects pods use (the 'plural/name' references of kinds/pod-uses.ts). */
export const usedByPods: ReadonlySet<string> = new Set(['configmaps', 'secrets', 'persistentvolumeclaims', 'serviceaccounts']);

/** Whether `row` of `resource` is a pod scheduled on a node. */
export function hasNode(resource: ResourceInfo, row: Row | undefined): boolean {
  return resourceKey(resource) === 'pods' && (row?.nodeName ?? '') !== '';
}

/** The nodes view with the cursor on the pod's node (by name: the pod's row knows no node uid), or undefined. */
export function nodeOfPod(row: Row, discovery: DiscoveryResult): ViewEntry | undefined {
  const nodes = findResource(discovery, 'nodes');
  return nodes && row.nodeName ? viewOf(nodes, undefined, { cursorName: row.nodeName }) : undefined;
}

/** The pods in the object's namespace that use `row` of `resource`, or undefined when pods are not served. */
export function podsUsing(resource: ResourceInfo, row: Row, discovery: DiscoveryResult): ViewEntry | undefined {
  const pods = findResource(discovery, 'pods');
  const label = `${resource.singular || resource.kind.toLowerCase()} ${row.name}`;
  return pods && viewOf(pods, row.namespace, { scope: { kind: 'uses', ref: `${resource.plural}/${row.name}`, label } });
}
