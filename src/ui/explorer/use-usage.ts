/**
 * Polls the metrics API when the cluster serves metrics.k8s.io (never otherwise): the nodes'
 * usage and allocatable for the header's cluster figures, and the pods' usage while a pods or
 * containers view is on screen — one list each per 15 s (metrics-server's resolution), so a hidden
 * view costs nothing. A failed read (APIService unavailable, 503, forbidden) keeps its sentence
 * for the status line and shows n/a; the next try waits for the next tick, never sooner.
 */
import { useEffect, useRef, useState } from 'react';
import { clusterUsage, nodeUsages, podUsages, usageKindOf, type ClusterUsage, type PodUsage, type Usage, type ViewUsage } from '../../explorer/usage-columns.ts';
import type { ViewEntry } from '../../explorer/view-entry.ts';
import type { ApiClient } from '../../kube/api-client.ts';
import type { DiscoveryResult } from '../../kube/discovery.ts';
import { toKxError } from '../../kube/errors.ts';
import { listNodeMetrics, listPodMetrics } from '../../kube/metrics.ts';
import type { KubeList, KubeObject } from '../../kube/object.ts';
import { nodeAllocatable, type Allocatable } from '../../kinds/resource-figures.ts';

/** How often usage is read again. */
export const usagePollMs = 15_000;

/** How long the nodes' allocatable is trusted while the same nodes report metrics. */
const allocatableMaxAgeMs = 10 * 60_000;

/** What the explorer shows of the metrics: the view's columns (undefined: none) and the header's figures. */
export interface MetricsState {
  view: ViewUsage | undefined;
  cluster: ClusterUsage | undefined;
}

interface Reading {
  pods?: ReadonlyMap<string, PodUsage>;
  nodes?: ReadonlyMap<string, Usage>;
  cluster?: ClusterUsage;
  problem?: string;
}

/** Which pods to read: the view's namespace (undefined: all), or the one pod whose containers are shown. */
function podQuery(entry: ViewEntry): { namespace: string | undefined; name?: string } {
  return entry.scope?.kind === 'containers' ? { namespace: entry.scope.podNamespace, name: entry.scope.pod } : { namespace: entry.namespace };
}

/** The metrics for `entry` and the header, refreshed while kx runs; `shown` is false while a pane covers the table. */
export function useUsage(client: ApiClient, discovery: DiscoveryResult | undefined, entry: ViewEntry | undefined, shown: boolean): MetricsState {
  const served = discovery?.groups.some((g) => g.name === 'metrics.k8s.io') === true;
  const kind = entry && shown ? usageKindOf(entry) : undefined;
  const wantsPods = kind === 'pods' || kind === 'containers';
  const query = entry && wantsPods ? podQuery(entry) : undefined;
  const namespace = query?.namespace;
  const podName = query?.name;
  const [reading, setReading] = useState<Reading>({});
  const allocatable = useRef<{ names: string; at: number; figures: Allocatable[] } | undefined>(undefined);
  useEffect(() => {
    setReading({});
    allocatable.current = undefined;
    if (!served) return undefined;
    const abort = new AbortController();
    const signal = abort.signal;
    const read = async (): Promise<void> => {
      const next: Reading = {};
      // The header's figures and the view's are read apart: a person who may list pods in one
      // namespace but not nodes still gets the pods' usage.
      const header = async (): Promise<void> => {
        const metrics = await listNodeMetrics(client, { signal });
        next.nodes = nodeUsages(metrics);
        // Allocatable hardly changes: the nodes are listed again only when the set of nodes with
        // metrics changes or every 10 minutes, so a steady screen costs one list per interval here.
        const names = [...next.nodes.keys()].sort().join('\n');
        const known = allocatable.current;
        if (!known || known.names !== names || Date.now() - known.at > allocatableMaxAgeMs) {
          // resourceVersion=0: the API server answers from its watch cache, not etcd.
          const nodes = await client.get<KubeList<KubeObject>>('/api/v1/nodes', { signal, query: { resourceVersion: '0' } });
          allocatable.current = { names, at: Date.now(), figures: (nodes.items ?? []).map((n) => nodeAllocatable((n['status'] ?? {}) as Record<string, unknown>)) };
        }
        next.cluster = clusterUsage(next.nodes, allocatable.current!.figures);
      };
      const pods = async (): Promise<void> => {
        if (wantsPods) next.pods = podUsages(await listPodMetrics(client, { namespace, name: podName, signal }), { containers: podName !== undefined });
      };
      const [h, p] = await Promise.allSettled([header(), pods()]);
      if (signal.aborted) return;
      // The failure that matters to the view on screen: the pods' for a pods view, the nodes' otherwise.
      const failure = wantsPods ? p : h;
      if (failure.status === 'rejected') {
        const err = toKxError(failure.reason);
        // A pod that is gone answers 404: it has no usage, which is not a problem of the API.
        if (err.code === 404 && podName !== undefined) next.pods = new Map();
        else next.problem = `metrics n/a: ${err.message}`;
      }
      setReading(next);
    };
    void read();
    const timer = setInterval(() => void read(), usagePollMs);
    return () => {
      abort.abort();
      clearInterval(timer);
    };
  }, [client, served, wantsPods, namespace, podName]);
  if (!served) return { view: undefined, cluster: undefined };
  let view: ViewUsage | undefined;
  if (kind === 'nodes') view = { kind, sample: reading.nodes ? { nodes: reading.nodes, pods: new Map() } : undefined, problem: reading.problem };
  else if (kind) view = { kind, sample: reading.pods ? { pods: reading.pods, nodes: new Map() } : undefined, problem: reading.problem };
  return { view, cluster: reading.cluster };
}
