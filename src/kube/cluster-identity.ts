/**
 * Which cluster store answers at an address, told by the uid of namespace `default` (created
 * once per store, like the kube-system uid kubectl plugins use as a cluster id). A server that
 * comes back after a lost connection with another uid holds another store, whose
 * resourceVersions mean nothing to a stream resuming from ours.
 */
import type { ApiClient } from './api-client.ts';

/** The uid of namespace default, or undefined when it cannot be read (RBAC, no such namespace, unreachable). */
export async function clusterIdentity(client: ApiClient): Promise<string | undefined> {
  try {
    const ns = await client.get<{ metadata?: { uid?: string } }>('/api/v1/namespaces/default');
    return ns.metadata?.uid || undefined;
  } catch {
    return undefined;
  }
}
