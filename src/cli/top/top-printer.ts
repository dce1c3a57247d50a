/**
 * kubectl top's tables (kubectl's metricsutil TopCmdPrinter): the same columns, units, sort
 * orders, `--sum` line and Go tabwriter layout (minwidth 6, padding 3, every cell tab-ended).
 */
import { alignTabs } from '../../kinds/describe/tabwriter.ts';
import type { NodeMetrics, PodMetrics, ResourceUsage } from '../../kube/metrics.ts';
import { addQuantity, milliValue, parseQuantity, wholeValue, zeroQuantity, type Quantity } from '../../kube/quantity.ts';
import { goSort } from './go-sort.ts';

/** What `--sort-by` accepts ('' keeps name order). */
export type TopSortBy = '' | 'cpu' | 'memory';

/** The flags that shape `top pods` output. */
export interface PodTableOptions {
  containers: boolean;
  withNamespace: boolean;
  noHeaders: boolean;
  sortBy: TopSortBy;
  sum: boolean;
}

interface Totals {
  cpu: Quantity;
  memory: Quantity;
}

const measured = ['cpu', 'memory'] as const;

function quantity(usage: ResourceUsage | undefined, name: string): Quantity {
  return parseQuantity(usage?.[name]) ?? zeroQuantity;
}

function totals(usage: ResourceUsage | undefined): Totals {
  return { cpu: quantity(usage, 'cpu'), memory: quantity(usage, 'memory') };
}

function podTotals(m: PodMetrics): Totals {
  let cpu = zeroQuantity;
  let memory = zeroQuantity;
  for (const c of m.containers ?? []) {
    cpu = addQuantity(cpu, quantity(c.usage, 'cpu'));
    memory = addQuantity(memory, quantity(c.usage, 'memory'));
  }
  return { cpu, memory };
}

/** kubectl's units: CPU in millicores, memory in whole MiB (truncated). */
function usageCells(t: Totals): string {
  return `${milliValue(t.cpu)}m\t${Math.trunc(wholeValue(t.memory) / (1024 * 1024))}Mi\t`;
}

/** True when a sorts before b: the larger usage first, else by (namespace and) name. */
function lessBy(sortBy: TopSortBy, a: Totals, b: Totals, byName: () => boolean): boolean {
  if (sortBy === 'cpu') return milliValue(a.cpu) > milliValue(b.cpu);
  if (sortBy === 'memory') return wholeValue(a.memory) > wholeValue(b.memory);
  return byName();
}

/** `kubectl top pods` output ('' when there are no metrics, as kubectl prints nothing then). */
export function formatPodMetrics(input: PodMetrics[], o: PodTableOptions): string {
  if (input.length === 0) return '';
  const rows = input.map((m) => ({ m, t: podTotals(m) }));
  let out = '';
  let columns = 3;
  if (!o.noHeaders) {
    if (o.withNamespace) {
      out += 'NAMESPACE\t';
      columns++;
    }
    if (o.containers) {
      out += 'POD\t';
      columns++;
    }
    out += 'NAME\tCPU(cores)\tMEMORY(bytes)\t\n';
  }
  goSort(rows, (a, b) =>
    lessBy(o.sortBy, a.t, b.t, () => {
      if (o.withNamespace && a.m.metadata.namespace !== b.m.metadata.namespace) return (a.m.metadata.namespace ?? '') < (b.m.metadata.namespace ?? '');
      return a.m.metadata.name < b.m.metadata.name;
    }),
  );
  const ns = (m: PodMetrics): string => (o.withNamespace ? `${m.metadata.namespace ?? ''}\t` : '');
  for (const { m, t } of rows) {
    if (!o.containers) {
      out += `${ns(m)}${m.metadata.name}\t${usageCells(t)}\n`;
      continue;
    }
    const containers = (m.containers ?? []).map((c) => ({ c, t: totals(c.usage) }));
    goSort(containers, (a, b) => lessBy(o.sortBy, a.t, b.t, () => a.c.name < b.c.name));
    for (const { c, t: ct } of containers) out += `${ns(m)}${m.metadata.name}\t${c.name}\t${usageCells(ct)}\n`;
  }
  if (o.sum) {
    let sum: Totals = { cpu: zeroQuantity, memory: zeroQuantity };
    for (const { t } of rows) sum = { cpu: addQuantity(sum.cpu, t.cpu), memory: addQuantity(sum.memory, t.memory) };
    // The column count includes the optional columns only when headers were printed (as kubectl counts).
    out += '\t'.repeat(Math.max(0, columns - 2)) + '________\t________\t\n';
    out += '\t'.repeat(Math.max(0, columns - 3)) + `\t${usageCells(sum)}\n`;
  }
  return alignTabs(out, { minWidth: 6, padding: 3 });
}

/** `kubectl top nodes` output: usage and its share of each node's allocatable; nodes without metrics print <unknown>. */
export function formatNodeMetrics(input: NodeMetrics[], allocatable: Map<string, ResourceUsage | undefined>, o: { noHeaders: boolean; sortBy: TopSortBy }): string {
  if (input.length === 0) return '';
  const rows = input.map((m) => ({ m, t: totals(m.usage) }));
  goSort(rows, (a, b) => lessBy(o.sortBy, a.t, b.t, () => a.m.metadata.name < b.m.metadata.name));
  let out = o.noHeaders ? '' : 'NAME\tCPU(cores)\tCPU(%)\tMEMORY(bytes)\tMEMORY(%)\t\n';
  const left = new Map(allocatable);
  for (const { m, t } of rows) {
    const available = allocatable.get(m.metadata.name);
    left.delete(m.metadata.name);
    out += `${m.metadata.name}\t`;
    for (const name of measured) {
      const used = t[name];
      out += name === 'cpu' ? `${milliValue(used)}m\t` : `${Math.trunc(wholeValue(used) / (1024 * 1024))}Mi\t`;
      const cap = available === undefined ? undefined : parseQuantity(available[name]);
      if (cap !== undefined) {
        const capMilli = milliValue(cap);
        out += `${capMilli === 0 ? 0 : Math.trunc((milliValue(used) / capMilli) * 100)}%\t`;
      }
    }
    out += '\n';
  }
  // kubectl walks a Go map here (random order); sorted by name is one of its orders.
  for (const name of [...left.keys()].sort()) out += `${name}\t<unknown>\t<unknown>\t<unknown>\t<unknown>\t\n`;
  return alignTabs(out, { minWidth: 6, padding: 3 });
}
