/**
 * Cordon and uncordon like `kubectl cordon|uncordon`: read the node, and when spec.unschedulable is
 * not already what is wanted, patch it (a strategic merge patch, as kubectl's cordon helper sends).
 */
import type { ApiClient } from '../api-client.ts';
import type { KubeObject } from '../object.ts';

/** none, or kubectl's --dry-run=client|server. */
export type DryRun = 'client' | 'server' | undefined;

/** kubectl's suffix for a dry run: ` (dry run)` or ` (server dry run)`. */
export function dryRunSuffix(dryRun: DryRun): string {
  return dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
}

/** The path of node `name`. */
export function nodePath(name: string): string {
  return `/api/v1/nodes/${encodeURIComponent(name)}`;
}

/**
 * Marks node `name` unschedulable (`desired` true) or schedulable; resolves with kubectl's line:
 * `node/X cordoned`, `node/X already cordoned`, `node/X uncordoned`. A missing node rejects with
 * the server's `Error from server (NotFound): nodes "X" not found`.
 */
export async function setUnschedulable(client: ApiClient, name: string, desired: boolean, opts: { dryRun?: DryRun } = {}): Promise<string> {
  const node = await client.get<KubeObject>(nodePath(name));
  const now = (node.spec as { unschedulable?: boolean } | undefined)?.unschedulable === true;
  const verb = desired ? 'cordoned' : 'uncordoned';
  if (now === desired) return `node/${name} already ${verb}${dryRunSuffix(opts.dryRun)}`;
  if (opts.dryRun !== 'client') {
    // Uncordon sends null (kubectl's patch drops the field rather than writing false).
    await client.patch(nodePath(name), 'strategic', { spec: { unschedulable: desired ? true : null } }, opts.dryRun === 'server' ? { query: { dryRun: 'All' } } : {});
  }
  return `node/${name} ${verb}${dryRunSuffix(opts.dryRun)}`;
}
