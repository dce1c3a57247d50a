/**
 * What `kx logs` was pointed at, turned into pods: a pod name, or the label selector of a
 * Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or Service (read from the object itself).
 */
import type { ApiClient } from '../kube/api-client.ts';
import { discover } from '../kube/discovery.ts';
import { KxError } from '../kube/errors.ts';
import type { KubeObject } from '../kube/object.ts';
import { findResource } from '../kube/resource-resolver.ts';
import { resourceKey } from '../kube/resource-info.ts';
import type { LabelSelector } from '../kinds/types.ts';
import type { PodsRule } from '../kinds/kind-module.ts';
import { builtinKinds } from '../kinds/registry.ts';
import type { PodSelection } from './log-types.ts';
import { selectorString as labelSelectorText, mapSelectorText } from '../kube/label-selector.ts';

/** A resource whose logs are its pods' logs. */
interface LoggableResource {
  key: string;
  /** The singular name messages use ('deployment'). */
  singular: string;
  apiPath: string;
  plural: string;
  selectorOf(obj: KubeObject): string | undefined;
}

const workloadSelector = (obj: KubeObject): string | undefined => {
  const selector = (obj['spec'] as { selector?: LabelSelector } | undefined)?.selector;
  return selector ? labelSelectorText(selector) : undefined;
};

const serviceSelector = (obj: KubeObject): string | undefined => {
  const selector = (obj['spec'] as { selector?: Record<string, string> } | undefined)?.selector;
  return selector ? mapSelectorText(selector) : undefined;
};

/** How an object's pods are found, from its kind module's pods rule. */
function selectorFor(rule: PodsRule): (obj: KubeObject) => string | undefined {
  switch (rule.kind) {
    case 'self':
      return () => undefined;
    case 'workload-selector':
      return workloadSelector;
    case 'service-selector':
      return serviceSelector;
    default: {
      const never: never = rule;
      return never;
    }
  }
}

/** The resources with logs: the built-in kinds whose module says how their pods are found. */
const loggable: LoggableResource[] = builtinKinds().flatMap((k) => {
  const rule = k.module.pods;
  if (!rule) return [];
  const [plural = '', ...group] = k.resourceKey.split('.');
  // Every kind with pods is served as v1 of its group (core, apps, batch) by the servers kx supports.
  const apiPath = group.length === 0 ? '/api/v1' : `/apis/${group.join('.')}/v1`;
  return [{ key: k.resourceKey, singular: k.kind.toLowerCase(), apiPath, plural, selectorOf: selectorFor(rule) }];
});

// The names kubectl accepts for these, so the common case needs no discovery round trip.
const aliases: Record<string, string> = {
  po: 'pods',
  pod: 'pods',
  pods: 'pods',
  deploy: 'deployments.apps',
  deployment: 'deployments.apps',
  deployments: 'deployments.apps',
  'deployment.apps': 'deployments.apps',
  'deployments.apps': 'deployments.apps',
  sts: 'statefulsets.apps',
  statefulset: 'statefulsets.apps',
  statefulsets: 'statefulsets.apps',
  'statefulsets.apps': 'statefulsets.apps',
  ds: 'daemonsets.apps',
  daemonset: 'daemonsets.apps',
  daemonsets: 'daemonsets.apps',
  'daemonsets.apps': 'daemonsets.apps',
  rs: 'replicasets.apps',
  replicaset: 'replicasets.apps',
  replicasets: 'replicasets.apps',
  'replicasets.apps': 'replicasets.apps',
  job: 'jobs.batch',
  jobs: 'jobs.batch',
  'jobs.batch': 'jobs.batch',
  svc: 'services',
  service: 'services',
  services: 'services',
};

/** A TYPE the server has but kx logs cannot follow (a config map): the user's mistake (exit 2). */
export class LogTargetTypeError extends Error {}

/**
 * The resource a TYPE names, among those with logs. Unknown names are looked up in discovery so the
 * message can tell "no such resource" (kubectl's KxError, exit 1) from "has no logs" (LogTargetTypeError).
 */
export async function loggableResource(client: ApiClient, type: string): Promise<LoggableResource> {
  const known = aliases[type.toLowerCase()];
  const hit = known ? loggable.find((r) => r.key === known) : undefined;
  if (hit) return hit;
  const found = findResource(await discover(client), type);
  if (!found) throw new KxError('notFound', `the server doesn't have a resource type "${type}"`);
  const key = resourceKey(found);
  const served = loggable.find((r) => r.key === key);
  if (served) return served;
  throw new LogTargetTypeError(`cannot show logs of ${key}: name a pod, deployment, statefulset, daemonset, replicaset, job or service`);
}

/** The pods of TYPE/NAME in `namespace`; throws the server's NotFound (`deployments.apps "x" not found`). */
export async function resolveLogTarget(client: ApiClient, namespace: string, type: string, name: string, signal?: AbortSignal): Promise<PodSelection> {
  const resource = await loggableResource(client, type);
  if (resource.key === 'pods') return { kind: 'pod', name };
  const path = `${resource.apiPath}/namespaces/${encodeURIComponent(namespace)}/${resource.plural}/${encodeURIComponent(name)}`;
  const obj = await client.get<KubeObject>(path, signal ? { signal } : {});
  const selector = resource.selectorOf(obj);
  if (!selector) {
    throw new KxError('invalid', `${resource.singular} "${name}" has no selector, so it has no pods to show logs of`);
  }
  return { kind: 'selector', labelSelector: selector, description: `${resource.singular}/${name}` };
}
