/**
 * `kx record`: watches the workloads, pods, nodes, services, config maps and events of a namespace
 * (or all, -A) headless, and appends each change it sees to a file as a JSON line, until ctrl-c.
 * The same streams, cache and change recorder as the explorer's, without a screen.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { parseCommandLine, UsageError } from '../args.ts';
import { discover } from '../../kube/discovery.ts';
import { findResource } from '../../kube/resource-resolver.ts';
import { resourceKey, type ResourceInfo } from '../../kube/resource-info.ts';
import { ChangeRecorder } from '../../store/changes/change-recorder.ts';
import { changeLine } from '../../store/changes/change-log.ts';
import { ObjectCache } from '../../store/object-cache.ts';
import { WatchManager } from '../../store/watch-manager.ts';
import { sessionFromFlags } from '../target.ts';
import type { SubcommandContext } from '../subcommands.ts';

/** The command's own flags (also what completion offers). */
export const options = {
  kinds: { type: 'string' },
  output: { type: 'string', short: 'o' },
} as const;

/** What is recorded unless --kinds says otherwise. */
export const defaultKinds = ['deployments', 'statefulsets', 'daemonsets', 'pods', 'nodes', 'services', 'configmaps', 'events'] as const;

function help(invokedAs: string): string {
  return `Record the changes kx sees on the cluster's watches, as JSON lines, until interrupted.

Usage:
  ${invokedAs} record [-n NS | -A] [--kinds KIND,...] -o FILE

Examples:
  ${invokedAs} record -A -o changes.jsonl
  ${invokedAs} record -n shop --kinds deployments,pods -o shop.jsonl

Kinds default to ${defaultKinds.join(',')}. Objects present at the start are the baseline; what changes after
is appended (image, replicas, readiness, conditions, restarts, labels, annotations, spec; Secrets only "changed").
Read the file with '${invokedAs} changes FILE'.
`;
}

/**
 * Resolves once every stream has listed (its objects are the baseline) or cannot (forbidden,
 * failed: said on stderr), so "Recording" means that changes from now on are recorded.
 */
function listed(cache: ObjectCache, resources: readonly ResourceInfo[], namespace: string | undefined): Promise<void> {
  return new Promise((resolve) => {
    const told = new Set<string>();
    const check = (): void => {
      let waiting = false;
      for (const r of resources) {
        const state = cache.streamState(resourceKey(r), r.namespaced ? namespace : undefined);
        if (state?.phase === 'forbidden' || state?.phase === 'failed') {
          if (!told.has(r.plural)) process.stderr.write(`${r.plural}: ${state.phase === 'forbidden' ? state.message : state.reason}\n`);
          told.add(r.plural);
        } else if (state?.phase !== 'live') waiting = true;
      }
      if (!waiting) {
        unsubscribe();
        resolve();
      }
    };
    const unsubscribe = cache.subscribe(check);
  });
}

/** Runs `kx record`. */
export async function run(argv: string[], ctx: SubcommandContext): Promise<number> {
  const args = parseCommandLine(['record', ...argv], options, { invokedAs: ctx.invokedAs, command: 'record' });
  if (args.flags.help) {
    process.stdout.write(help(ctx.invokedAs));
    return 0;
  }
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}": record takes -o FILE`);
  const file = args.options['output'] as string | undefined;
  if (!file) throw new UsageError(`record needs a file to append to, e.g. '${ctx.invokedAs} record -A -o changes.jsonl'`);
  const names = ((args.options['kinds'] as string | undefined) ?? defaultKinds.join(','))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const session = await sessionFromFlags(args.flags, ctx.invokedAs, 'record');
  const discovery = await discover(session.client);
  const resources: ResourceInfo[] = names.map((name) => {
    const r = findResource(discovery, name);
    if (!r) throw new UsageError(`the server doesn't have a resource type "${name}"`);
    return r;
  });
  // Create the file now, so a wrong path fails before the watches start.
  writeFileSync(file, '', { flag: 'a' });
  const recorder = new ChangeRecorder();
  recorder.subscribe((change) => appendFileSync(file, `${changeLine(change)}\n`));
  const cache = new ObjectCache({ changes: recorder });
  const watches = new WatchManager(session.client, cache);
  const namespace = args.flags.allNamespaces ? undefined : session.namespace;
  for (const resource of resources) watches.watch({ resource, namespace });
  await listed(cache, resources, namespace);
  process.stderr.write(`Recording ${resources.map((r) => r.plural).join(', ')} in ${namespace === undefined ? 'all namespaces' : `namespace ${namespace}`} to ${file}; ctrl-c stops.\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  watches.stopAll();
  cache.dispose();
  await session.close();
  return 0;
}
