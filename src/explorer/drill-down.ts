/**
 * Drill-down along the controller pattern: what Enter on a row opens, from its kind module's rule.
 * Deployment → its ReplicaSets → their pods; StatefulSet, DaemonSet, Job → pods; CronJob → the pods
 * of its Jobs; Service → the pods its selector picks; Node → its pods; Namespace → its pods;
 * CRD → its custom resources; Pod → its containers. Anything else has no child view (Enter describes it instead).
 */
import type { Row } from '../kinds/types.ts';
import type { DiscoveryResult } from '../kube/discovery.ts';
import { findResource } from '../kube/resource-resolver.ts';
import { resourceKey, type ResourceInfo } from '../kube/resource-info.ts';
import { moduleFor } from '../kinds/registry.ts';
import { viewOf, type ViewEntry } from './view-entry.ts';

/** Whether rows of `resource` have a child view (their kind module has a drill rule). */
export function canDrill(resource: ResourceInfo): boolean {
  return moduleFor(resourceKey(resource))?.drill !== undefined;
}

/**
 * The view Enter opens on `row` of `resource` (its kind module's drill rule), or undefined when it
 * has none or the child resource is not served. A CRD's resources open in `currentNamespace`.
 */
export function drillDown(resource: ResourceInfo, row: Row, discovery: DiscoveryResult, currentNamespace: string | undefined): ViewEntry | undefined {
  const rule = moduleFor(resourceKey(resource))?.drill;
  if (!rule) return undefined;
  const find = (name: string): ResourceInfo | undefined => findResource(discovery, name);
  const label = `${resource.singular || resource.kind.toLowerCase()} ${row.name}`;
  const pods = find('pods');
  switch (rule.kind) {
    case 'owned': {
      const child = find(rule.child);
      return child && viewOf(child, row.namespace, { scope: { kind: 'owner', uid: row.uid, label }, ...(rule.startOn ? { startOn: rule.startOn } : {}) });
    }
    case 'grandchildren': {
      const via = find(rule.via);
      return pods && via && viewOf(pods, row.namespace, { scope: { kind: 'grandchildren', uid: row.uid, via, label } });
    }
    case 'selected-pods': {
      // A Service without a selector (ExternalName, manual Endpoints) selects no pods: show none, not all.
      const selector = row.selector ?? { matchLabels: { 'kx.invalid/no-selector': 'true' } };
      return pods && viewOf(pods, row.namespace, { scope: { kind: 'selector', selector, label } });
    }
    case 'node-pods':
      return pods && viewOf(pods, undefined, { scope: { kind: 'node', node: row.name, label } });
    case 'namespace-pods':
      return pods && viewOf(pods, row.name);
    case 'defined-resources': {
      // A CRD is named PLURAL.GROUP, which is exactly how discovery resolves its resource.
      const custom = find(row.name);
      return custom && viewOf(custom, custom.namespaced ? currentNamespace : undefined);
    }
    case 'containers': {
      // The rows come from the pod's row: keep watching pods as the explorer does (across
      // namespaces when it does), so the stream the pods view had goes on and nothing re-lists.
      const scope = { kind: 'containers' as const, podUid: row.uid, pod: row.name, podNamespace: row.namespace, label };
      return pods && viewOf(pods, currentNamespace === undefined ? undefined : row.namespace, { scope });
    }
    default: {
      const never: never = rule;
      return never;
    }
  }
}

/** The resource of an owner reference's kind (Deployment → deployments.apps), via discovery. */
export function ownerResource(kind: string, discovery: DiscoveryResult): ResourceInfo | undefined {
  const preferred = discovery.resources.filter((r) => r.kind === kind);
  // Built-in groups first: a CRD that reuses a built-in kind name is the rarer owner.
  return preferred.find((r) => r.group === '' || r.group === 'apps' || r.group === 'batch') ?? preferred[0];
}
