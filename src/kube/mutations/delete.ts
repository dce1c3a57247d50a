/**
 * Deleting an object the way `kubectl delete` does: a DELETE with propagationPolicy=Background
 * (kubectl's default cascade), or for a forced pod deletion gracePeriodSeconds=0 with kubectl's
 * warning. The result text is kubectl's (`deployment.apps "web" deleted`).
 */
import type { ApiClient } from '../api-client.ts';
import type { KubeObject } from '../object.ts';
import { resourcePath, type ResourceInfo } from '../resource-info.ts';

/** What to delete. `namespace` is '' for cluster-scoped objects. */
export interface DeleteTarget {
  resource: ResourceInfo;
  namespace: string;
  name: string;
}

/** kubectl's name for a resource in messages: `deployment.apps`, `pod`. */
export function kubectlKind(resource: Pick<ResourceInfo, 'singular' | 'kind' | 'group'>): string {
  const singular = resource.singular || resource.kind.toLowerCase();
  return resource.group ? `${singular}.${resource.group}` : singular;
}

/** kubectl's warning before a forced deletion. */
export const forceWarning = 'Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.';

/** Deletes `target`; resolves with kubectl's sentence. Failures reject with a KxError (NotFound, Forbidden, …). */
export async function deleteObject(client: ApiClient, target: DeleteTarget, opts: { force?: boolean; signal?: AbortSignal } = {}): Promise<string> {
  const path = resourcePath(target.resource, target.namespace, target.name);
  await client.delete(path, {
    query: { propagationPolicy: 'Background', ...(opts.force ? { gracePeriodSeconds: 0 } : {}) },
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  return `${kubectlKind(target.resource)} "${target.name}" ${opts.force ? 'force deleted' : 'deleted'}`;
}

/** Whether an object is already being deleted and what it waits for. */
export interface Termination {
  terminating: boolean;
  /** metadata.finalizers: what the deletion waits for. */
  finalizers: string[];
  since: string | undefined;
}

/** Reads the termination state from an object fetched raw. */
export function terminationOf(obj: KubeObject): Termination {
  const meta = obj.metadata as { deletionTimestamp?: string; finalizers?: string[] };
  return { terminating: meta.deletionTimestamp !== undefined, finalizers: meta.finalizers ?? [], since: meta.deletionTimestamp };
}
