/**
 * CPU and MEM columns for pods and nodes views, from the metrics API: which views get them and
 * the cells, in kubectl top's units (millicores rounded up, whole MiB).
 */
import type { NodeMetrics, PodMetrics } from '../kube/metrics.ts';
import { addQuantity, milliValue, parseQuantity, wholeValue, zeroQuantity, type Quantity } from '../kube/quantity.ts';
import type { ViewEntry } from './view-entry.ts';

/** Usage cells by `namespace/name` ('' namespace for nodes). */
export type UsageCells = ReadonlyMap<string, readonly [cpu: string, memory: string]>;

/** The headings of the usage columns. */
export const usageColumnTitles = ['CPU', 'MEM'] as const;

/** Which metrics a view shows usage from: core pods or nodes lists (not a pod's containers), else undefined. */
export function usageKindOf(entry: ViewEntry): 'pods' | 'nodes' | undefined {
  if (entry.resource.group !== '' || entry.scope?.kind === 'containers') return undefined;
  return entry.resource.plural === 'pods' || entry.resource.plural === 'nodes' ? entry.resource.plural : undefined;
}

function cells(cpu: Quantity, memory: Quantity): readonly [string, string] {
  return [`${milliValue(cpu)}m`, `${Math.trunc(wholeValue(memory) / (1024 * 1024))}Mi`];
}

const q = (text: string | undefined): Quantity => parseQuantity(text) ?? zeroQuantity;

/** Cells for each pod: its containers summed, as kubectl top sums them. */
export function podUsageCells(items: readonly PodMetrics[]): UsageCells {
  const out = new Map<string, readonly [string, string]>();
  for (const m of items) {
    let cpu = zeroQuantity;
    let memory = zeroQuantity;
    for (const c of m.containers ?? []) {
      cpu = addQuantity(cpu, q(c.usage?.['cpu']));
      memory = addQuantity(memory, q(c.usage?.['memory']));
    }
    out.set(`${m.metadata.namespace ?? ''}/${m.metadata.name}`, cells(cpu, memory));
  }
  return out;
}

/** Cells for each node. */
export function nodeUsageCells(items: readonly NodeMetrics[]): UsageCells {
  return new Map(items.map((m) => [`/${m.metadata.name}`, cells(q(m.usage?.['cpu']), q(m.usage?.['memory']))]));
}

/** A row's usage cells; blank while its metrics are not in (a new pod, a node without a sample). */
export function usageCellsOf(usage: UsageCells, namespace: string, name: string): readonly [string, string] {
  return usage.get(`${namespace}/${name}`) ?? ['', ''];
}
