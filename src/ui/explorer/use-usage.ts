/**
 * Polls the metrics API for the view on screen when it lists pods or nodes and the cluster serves
 * metrics.k8s.io: one list per 15 s (metrics-server's resolution), stopped while the view is hidden.
 */
import { useEffect, useState } from 'react';
import { usageKindOf, nodeUsageCells, podUsageCells, type UsageCells } from '../../explorer/usage-columns.ts';
import type { ViewEntry } from '../../explorer/view-entry.ts';
import type { ApiClient } from '../../kube/api-client.ts';
import type { DiscoveryResult } from '../../kube/discovery.ts';
import { listNodeMetrics, listPodMetrics } from '../../kube/metrics.ts';

/** How often usage is read again. */
export const usagePollMs = 15_000;

/** The usage cells for `entry` (undefined: no usage columns), refreshed while `shown`. */
export function useUsage(client: ApiClient, discovery: DiscoveryResult | undefined, entry: ViewEntry | undefined, shown: boolean): UsageCells | undefined {
  const kind = entry ? usageKindOf(entry) : undefined;
  const served = discovery?.groups.some((g) => g.name === 'metrics.k8s.io') === true;
  const enabled = shown && served && kind !== undefined;
  const namespace = entry?.namespace;
  const [usage, setUsage] = useState<UsageCells | undefined>(undefined);
  useEffect(() => {
    setUsage(undefined);
    if (!enabled) return undefined;
    const abort = new AbortController();
    const read = async (): Promise<void> => {
      try {
        const cells = kind === 'nodes' ? nodeUsageCells(await listNodeMetrics(client, { signal: abort.signal })) : podUsageCells(await listPodMetrics(client, { namespace, signal: abort.signal }));
        if (!abort.signal.aborted) setUsage(cells);
      } catch {
        // A metrics server that is down leaves the last numbers (or blank cells); the next poll retries.
      }
    };
    void read();
    const timer = setInterval(() => void read(), usagePollMs);
    return () => {
      abort.abort();
      clearInterval(timer);
    };
  }, [client, enabled, kind, namespace]);
  return enabled ? (usage ?? new Map()) : undefined;
}
