/**
 * Drill-down along the controller pattern, as data: what Enter on a row of each resource opens.
 * Deployment → its ReplicaSets → their pods; StatefulSet, DaemonSet, Job → pods; CronJob → the pods
 * of its Jobs; Service → the pods its selector picks; Node → its pods; Namespace → its pods;
 * CRD → its custom resources. Anything else has no child view (Enter describes it instead).
 */
import type { Row } from '../kinds/types.ts';
import type { DiscoveryResult } from '../kube/discovery.ts';
import { findResource } from '../kube/resource-resolver.ts';
import { resourceKey, type ResourceInfo } from '../kube/resource-info.ts';
import { viewOf, type ViewEntry } from './view-entry.ts';

type Rule = (row: Row, find: (name: string) => ResourceInfo | undefined) => ViewEntry | undefined;

const ownedPods: Rule = (row, find) => {
  const pods = find('pods');
  return pods && viewOf(pods, row.namespace, { scope: { kind: 'owner', uid: row.uid, label: `${singular(row)} ${row.name}` } });
};

const rules: Record<string, Rule> = {
  'deployments.apps': (row, find) => {
    const replicaSets = find('replicasets.apps');
    return replicaSets && viewOf(replicaSets, row.namespace, { scope: { kind: 'owner', uid: row.uid, label: `deployment ${row.name}` }, startOn: 'most-desired' });
  },
  'replicasets.apps': ownedPods,
  'statefulsets.apps': ownedPods,
  'daemonsets.apps': ownedPods,
  'jobs.batch': ownedPods,
  'cronjobs.batch': (row, find) => {
    const pods = find('pods');
    const jobs = find('jobs.batch');
    return pods && jobs && viewOf(pods, row.namespace, { scope: { kind: 'grandchildren', uid: row.uid, via: jobs, label: `cronjob ${row.name}` } });
  },
  services: (row, find) => {
    const pods = find('pods');
    // A Service without a selector (ExternalName, manual Endpoints) selects no pods: show none, not all.
    const selector = row.selector ?? { matchLabels: { 'kx.invalid/no-selector': 'true' } };
    return pods && viewOf(pods, row.namespace, { scope: { kind: 'selector', selector, label: `service ${row.name}` } });
  },
  nodes: (row, find) => {
    const pods = find('pods');
    return pods && viewOf(pods, undefined, { scope: { kind: 'node', node: row.name, label: `node ${row.name}` } });
  },
  namespaces: (row, find) => {
    const pods = find('pods');
    return pods && viewOf(pods, row.name);
  },
  'customresourcedefinitions.apiextensions.k8s.io': (row, find) => {
    // A CRD is named PLURAL.GROUP, which is exactly how discovery resolves its resource.
    const custom = find(row.name);
    return custom && viewOf(custom, row.namespace || undefined);
  },
};

/** Whether rows of `resource` have a child view. */
export function canDrill(resource: ResourceInfo): boolean {
  return resourceKey(resource) in rules;
}

/**
 * The view Enter opens on `row` of `resource`, or undefined when it has none or the child
 * resource is not served. A CRD's resources open in `currentNamespace` when namespaced.
 */
export function drillDown(resource: ResourceInfo, row: Row, discovery: DiscoveryResult, currentNamespace: string | undefined): ViewEntry | undefined {
  const rule = rules[resourceKey(resource)];
  if (!rule) return undefined;
  const entry = rule(row, (name) => findResource(discovery, name));
  if (entry && resourceKey(resource) === 'customresourcedefinitions.apiextensions.k8s.io' && entry.resource.namespaced) {
    return { ...entry, namespace: currentNamespace };
  }
  return entry;
}

/** The resource of an owner reference's kind (Deployment → deployments.apps), via discovery. */
export function ownerResource(kind: string, discovery: DiscoveryResult): ResourceInfo | undefined {
  const preferred = discovery.resources.filter((r) => r.kind === kind);
  // Built-in groups first: a CRD that reuses a built-in kind name is the rarer owner.
  return preferred.find((r) => r.group === '' || r.group === 'apps' || r.group === 'batch') ?? preferred[0];
}

function singular(row: Row): string {
  const key = row.resourceKey;
  return key.startsWith('replicasets') ? 'replicaset' : key.startsWith('statefulsets') ? 'statefulset' : key.startsWith('daemonsets') ? 'daemonset' : key.startsWith('jobs') ? 'job' : key.split('.')[0]!;
}
