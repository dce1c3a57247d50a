/**
 * `kx top pods|nodes [NAME]`, like kubectl top: usage from the metrics API (metrics.k8s.io), the
 * same flags, table and errors ("Metrics API not available", "metrics not available yet").
 */
import { parseCommandLine, UsageError } from '../args.ts';
import { KxError } from '../../kube/errors.ts';
import { listNodeMetrics, listPodMetrics, metricsApiAvailable } from '../../kube/metrics.ts';
import type { KubeList, KubeObject } from '../../kube/object.ts';
import type { KubeSession } from '../../kube/session.ts';
import { sessionFromFlags } from '../target.ts';
import type { SubcommandContext } from '../subcommands.ts';
import { goDuration } from '../top/go-duration.ts';
import { formatNodeMetrics, formatPodMetrics, type TopSortBy } from '../top/top-printer.ts';

/** The command's own flags (also what completion offers). */
export const options = {
  selector: { type: 'string', short: 'l' },
  'field-selector': { type: 'string' },
  'sort-by': { type: 'string' },
  containers: { type: 'boolean' },
  'no-headers': { type: 'boolean' },
  sum: { type: 'boolean' },
  'use-protocol-buffers': { type: 'boolean' },
} as const;

/** kubectl gives new pods this long before missing metrics are an error rather than "not yet". */
const metricsCreationDelayMs = 2 * 60_000;

function help(invokedAs: string): string {
  return `Display resource (CPU/memory) usage of pods or nodes, from the metrics API (metrics-server).

Usage:
  ${invokedAs} top pods [NAME | -l label] [-n NS | -A] [--field-selector S] [--containers] [--sort-by cpu|memory] [--no-headers] [--sum]
  ${invokedAs} top nodes [NAME | -l label] [--sort-by cpu|memory] [--no-headers]

--use-protocol-buffers is accepted and ignored, as kubectl does today (metrics come as JSON).

Examples:
  ${invokedAs} top pods -A --sort-by memory
  ${invokedAs} top pods -n shop --containers
  ${invokedAs} top nodes

The same table, units and errors as kubectl top; CPU(%) and MEMORY(%) are shares of the node's allocatable.
`;
}

type Kind = 'pods' | 'nodes';

function kindOf(word: string | undefined, invokedAs: string): Kind {
  if (word === 'pod' || word === 'pods' || word === 'po') return 'pods';
  if (word === 'node' || word === 'nodes' || word === 'no') return 'nodes';
  throw new UsageError(`top needs pods or nodes, e.g. '${invokedAs} top pods -A'`);
}

/** Runs `kx top`. */
export async function run(argv: string[], ctx: SubcommandContext): Promise<number> {
  const args = parseCommandLine(['top', ...argv], options, { invokedAs: ctx.invokedAs, command: 'top' });
  if (args.flags.help) {
    process.stdout.write(help(ctx.invokedAs));
    return 0;
  }
  const kind = kindOf(args.positionals[0], ctx.invokedAs);
  const [, name, ...extra] = args.positionals;
  if (extra.length > 0) throw new UsageError(`one ${kind === 'pods' ? 'pod' : 'node'} at a time: unexpected "${extra.join(' ')}"`);
  const str = (key: string): string => (args.options[key] as string | undefined) ?? '';
  const sortBy = str('sort-by');
  if (sortBy !== '' && sortBy !== 'cpu' && sortBy !== 'memory') throw new KxError('invalid', '--sort-by accepts only cpu or memory');
  const labelSelector = str('selector');
  const fieldSelector = str('field-selector');
  if (kind === 'nodes') {
    for (const flag of ['field-selector', 'containers', 'sum'] as const) {
      if (args.options[flag] !== undefined) throw new UsageError(`unknown flag: --${flag}`);
    }
    if (name !== undefined && labelSelector) throw new KxError('invalid', 'only one of NAME or --selector can be provided');
  } else if (name !== undefined && (labelSelector || fieldSelector)) {
    throw new KxError('invalid', 'only one of NAME or selector can be provided');
  }
  const session = await sessionFromFlags(args.flags, ctx.invokedAs, 'top');
  try {
    if (!(await metricsApiAvailable(session.client))) throw new KxError('notFound', 'Metrics API not available');
    const noHeaders = args.options['no-headers'] === true;
    if (kind === 'nodes') {
      process.stdout.write(await topNodes(session, name, labelSelector, { noHeaders, sortBy: sortBy as TopSortBy }));
      return 0;
    }
    const all = args.flags.allNamespaces;
    const metrics = await listPodMetrics(session.client, { namespace: all ? undefined : session.namespace, name, labelSelector, fieldSelector });
    if (metrics.length === 0) {
      await explainNoPodMetrics(session, name, labelSelector, fieldSelector);
      process.stderr.write(all ? 'No resources found\n' : `No resources found in ${session.namespace} namespace.\n`);
      return 0;
    }
    const table = formatPodMetrics(metrics, {
      containers: args.options['containers'] === true,
      withNamespace: all,
      noHeaders,
      sortBy: sortBy as TopSortBy,
      sum: args.options['sum'] === true,
    });
    process.stdout.write(table);
    return 0;
  } finally {
    await session.close();
  }
}

async function topNodes(session: KubeSession, name: string | undefined, labelSelector: string, o: { noHeaders: boolean; sortBy: TopSortBy }): Promise<string> {
  const metrics = await listNodeMetrics(session.client, { name, labelSelector });
  if (metrics.length === 0) throw new KxError('notFound', 'metrics not available yet');
  const nodes =
    name !== undefined
      ? [await session.client.get<KubeObject>(`/api/v1/nodes/${encodeURIComponent(name)}`)]
      : ((await session.client.get<KubeList>('/api/v1/nodes', { query: { labelSelector: labelSelector || undefined } })).items ?? []);
  const allocatable = new Map(nodes.map((n) => [n.metadata.name, (n.status as { allocatable?: Record<string, string> } | undefined)?.allocatable]));
  return formatNodeMetrics(metrics, allocatable, o);
}

/**
 * No metrics came back: as kubectl, look at the pods (of the session's namespace, even with -A):
 * none is fine; an old one means metrics are missing; only young ones mean "not yet".
 */
async function explainNoPodMetrics(session: KubeSession, name: string | undefined, labelSelector: string, fieldSelector: string): Promise<void> {
  const ns = encodeURIComponent(session.namespace);
  const pods =
    name !== undefined
      ? [await session.client.get<KubeObject>(`/api/v1/namespaces/${ns}/pods/${encodeURIComponent(name)}`)]
      : ((await session.client.get<KubeList>(`/api/v1/namespaces/${ns}/pods`, { query: { labelSelector: labelSelector || undefined, fieldSelector: fieldSelector || undefined } })).items ?? []);
  if (pods.length === 0) return;
  for (const pod of pods) {
    const age = Date.now() - Date.parse(pod.metadata.creationTimestamp ?? '');
    if (age > metricsCreationDelayMs) throw new KxError('notFound', `Metrics not available for pod ${pod.metadata.namespace ?? session.namespace}/${pod.metadata.name}, age: ${goDuration(age)}`);
  }
  throw new KxError('notFound', 'metrics not available yet');
}
