/**
 * The usage columns of pods, containers and nodes views, from the metrics API: CPU and MEM in
 * kubectl top's units (millicores rounded up, whole MiB), and k9s's percentages — %CPU/R, %CPU/L,
 * %MEM/R, %MEM/L of a pod's (or container's) requests and limits, %CPU and %MEM of a node's
 * allocatable, truncated like kubectl top's CPU%. Pure: the sample comes from the poller.
 */
import type { NodeMetrics, PodMetrics, ResourceUsage } from '../kube/metrics.ts';
import { addQuantity, milliValue, parseQuantity, wholeValue, zeroQuantity, type Quantity } from '../kube/quantity.ts';
import { column } from '../kinds/row.ts';
import type { ColumnSpec, Row } from '../kinds/types.ts';
import type { ViewEntry } from './view-entry.ts';

/** Usage in millicores and bytes. */
export interface Usage {
  readonly cpu: number;
  readonly memory: number;
}

/** A pod's usage (its containers summed) and each container's. */
export interface PodUsage extends Usage {
  readonly containers: ReadonlyMap<string, Usage>;
}

/** One reading of the metrics API: pods by `namespace/name`, nodes by name. */
export interface UsageSample {
  readonly pods: ReadonlyMap<string, PodUsage>;
  readonly nodes: ReadonlyMap<string, Usage>;
}

/** What a view's usage columns show: the last sample, and why there is none when the API failed. */
export interface ViewUsage {
  readonly kind: UsageKind;
  readonly sample: UsageSample | undefined;
  /** One sentence: the metrics API is unavailable or forbidden (cells show n/a). */
  readonly problem?: string | undefined;
}

/** The views that show usage. */
export type UsageKind = 'pods' | 'nodes' | 'containers';

/** One usage column: its spec (sorts as a number) and its value for a row. */
export interface UsageColumn {
  readonly spec: ColumnSpec;
  /** Percentages give way first on a narrow screen. */
  readonly priority: 0 | 1;
  value(row: Row, sample: UsageSample, podKey: string | undefined): number | undefined;
  text(value: number): string;
}

/** Which usage a view shows: core pods or nodes lists, or a pod's containers; else undefined. */
export function usageKindOf(entry: ViewEntry): UsageKind | undefined {
  if (entry.resource.group !== '') return undefined;
  if (entry.scope?.kind === 'containers') return 'containers';
  return entry.resource.plural === 'pods' || entry.resource.plural === 'nodes' ? entry.resource.plural : undefined;
}

const q = (text: string | undefined): Quantity => parseQuantity(text) ?? zeroQuantity;
const mib = 1024 * 1024;
const cpuText = (m: number): string => `${m}m`;
const memoryText = (bytes: number): string => `${Math.trunc(bytes / mib)}Mi`;
const percentText = (p: number): string => String(p);

/** Whole percent of `part` in `whole`, truncated like kubectl top; undefined (n/a) without a whole. */
function percent(part: number | undefined, whole: number | undefined): number | undefined {
  if (part === undefined || whole === undefined || whole <= 0) return undefined;
  return Math.trunc((part * 100) / whole);
}

/** The usage of a pods or containers row (a container row reads its pod's entry). */
function rowUsage(row: Row, sample: UsageSample, podKey: string | undefined): Usage | undefined {
  if (row.container) return podKey === undefined ? undefined : sample.pods.get(podKey)?.containers.get(row.name);
  return sample.pods.get(`${row.namespace}/${row.name}`);
}

const podColumns: readonly UsageColumn[] = [
  { spec: column('CPU', 6, 'number'), priority: 0, value: (r, s, k) => rowUsage(r, s, k)?.cpu, text: cpuText },
  { spec: column('MEM', 6, 'number'), priority: 0, value: (r, s, k) => rowUsage(r, s, k)?.memory, text: memoryText },
  { spec: column('%CPU/R', 6, 'number'), priority: 1, value: (r, s, k) => percent(rowUsage(r, s, k)?.cpu, r.resources?.cpuRequest), text: percentText },
  { spec: column('%CPU/L', 6, 'number'), priority: 1, value: (r, s, k) => percent(rowUsage(r, s, k)?.cpu, r.resources?.cpuLimit), text: percentText },
  { spec: column('%MEM/R', 6, 'number'), priority: 1, value: (r, s, k) => percent(rowUsage(r, s, k)?.memory, r.resources?.memoryRequest), text: percentText },
  { spec: column('%MEM/L', 6, 'number'), priority: 1, value: (r, s, k) => percent(rowUsage(r, s, k)?.memory, r.resources?.memoryLimit), text: percentText },
];

const nodeColumns: readonly UsageColumn[] = [
  { spec: column('CPU', 6, 'number'), priority: 0, value: (r, s) => s.nodes.get(r.name)?.cpu, text: cpuText },
  { spec: column('%CPU', 4, 'number'), priority: 0, value: (r, s) => percent(s.nodes.get(r.name)?.cpu, r.allocatable?.cpu), text: percentText },
  { spec: column('MEM', 7, 'number'), priority: 0, value: (r, s) => s.nodes.get(r.name)?.memory, text: memoryText },
  { spec: column('%MEM', 4, 'number'), priority: 0, value: (r, s) => percent(s.nodes.get(r.name)?.memory, r.allocatable?.memory), text: percentText },
];

/** The usage columns of a kind of view, in k9s's order. */
export function usageColumnsOf(kind: UsageKind): readonly UsageColumn[] {
  return kind === 'nodes' ? nodeColumns : podColumns;
}

/** The key of the pod whose containers a containers view shows ('' namespace for cluster scope never happens). */
export function podKeyOf(entry: ViewEntry): string | undefined {
  return entry.scope?.kind === 'containers' ? `${entry.scope.podNamespace}/${entry.scope.pod}` : undefined;
}

/**
 * A row's usage cells: blank while its metrics are not in (a pod that just started), `n/a` when
 * the API failed or a percentage has nothing to be a share of (no request, no limit).
 */
export function usageCells(usage: ViewUsage, row: Row, podKey: string | undefined): string[] {
  const columns = usageColumnsOf(usage.kind);
  const sample = usage.sample;
  if (!sample) return columns.map(() => (usage.problem ? 'n/a' : ''));
  const present = row.container
    ? podKey !== undefined && sample.pods.get(podKey)?.containers.has(row.name) === true
    : usage.kind === 'nodes'
      ? sample.nodes.has(row.name)
      : sample.pods.has(`${row.namespace}/${row.name}`);
  if (!present) return columns.map(() => '');
  return columns.map((c) => {
    const v = c.value(row, sample, podKey);
    return v === undefined ? 'n/a' : c.text(v);
  });
}

const parsedUsage = (u: ResourceUsage | undefined): { cpu: Quantity; memory: Quantity } => ({ cpu: q(u?.['cpu']), memory: q(u?.['memory']) });

function sumParsed(list: readonly { cpu: Quantity; memory: Quantity }[]): { cpu: Quantity; memory: Quantity } {
  let cpu = zeroQuantity;
  let memory = zeroQuantity;
  for (const u of list) {
    cpu = addQuantity(cpu, u.cpu);
    memory = addQuantity(memory, u.memory);
  }
  return { cpu, memory };
}

const toUsage = (x: { cpu: Quantity; memory: Quantity }): Usage => ({ cpu: milliValue(x.cpu), memory: wholeValue(x.memory) });

const noContainers: ReadonlyMap<string, Usage> = new Map();

/**
 * A sample's pods: each pod's containers summed as quantities first, as kubectl top sums them.
 * Each container's own figures only when asked (`containers`: the containers view, one pod): a
 * pods view of 10k pods reads the sums alone, and a Map per pod every 15 s was its largest part.
 */
export function podUsages(items: readonly PodMetrics[], opts: { containers: boolean } = { containers: true }): ReadonlyMap<string, PodUsage> {
  const out = new Map<string, PodUsage>();
  for (const m of items) {
    // Each container's figures parsed once: for the pod's sum and, when asked, its own cell.
    const parsed = (m.containers ?? []).map((c) => [c.name, parsedUsage(c.usage)] as const);
    const containers = opts.containers ? new Map(parsed.map(([name, u]) => [name, toUsage(u)] as const)) : noContainers;
    out.set(`${m.metadata.namespace ?? ''}/${m.metadata.name}`, { ...toUsage(sumParsed(parsed.map(([, u]) => u))), containers });
  }
  return out;
}

/** A sample's nodes. */
export function nodeUsages(items: readonly NodeMetrics[]): ReadonlyMap<string, Usage> {
  return new Map(items.map((m) => [m.metadata.name, toUsage(parsedUsage(m.usage))] as const));
}

/** The cluster's usage against its allocatable, for the header. */
export interface ClusterUsage {
  readonly cpu: Usage['cpu'];
  readonly memory: Usage['memory'];
  readonly allocatableCpu: number;
  readonly allocatableMemory: number;
}

/** Sums the nodes' usage and allocatable (nodes without a sample add their allocatable only). */
export function clusterUsage(nodes: ReadonlyMap<string, Usage>, allocatable: readonly { cpu: number; memory: number }[]): ClusterUsage {
  let cpu = 0;
  let memory = 0;
  for (const u of nodes.values()) {
    cpu += u.cpu;
    memory += u.memory;
  }
  return { cpu, memory, allocatableCpu: allocatable.reduce((n, a) => n + a.cpu, 0), allocatableMemory: allocatable.reduce((n, a) => n + a.memory, 0) };
}

/** The header's text: `CPU 1.2/8 (15%)  MEM 3.1Gi/24Gi (13%)`. */
export function clusterUsageText(u: ClusterUsage): { cpu: string; memory: string } {
  const cores = (m: number): string => (m / 1000).toFixed(m % 1000 === 0 ? 0 : 1);
  const gib = (b: number): string => `${(b / 1024 ** 3).toFixed(1)}Gi`;
  const share = (part: number, whole: number): string => (whole > 0 ? ` (${Math.trunc((part * 100) / whole)}%)` : '');
  return { cpu: `${cores(u.cpu)}/${cores(u.allocatableCpu)}${share(u.cpu, u.allocatableCpu)}`, memory: `${gib(u.memory)}/${gib(u.allocatableMemory)}${share(u.memory, u.allocatableMemory)}` };
}
