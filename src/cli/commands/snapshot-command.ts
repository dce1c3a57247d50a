/**
 * `kx snapshot [-A|-n NS] [--kinds pods,deploy,…] [--include-secret-values] -o FILE`: writes the
 * cluster's objects and events to one gzipped JSON file that `kx --snapshot FILE` opens offline.
 * Progress goes to stderr; kinds that cannot be listed (forbidden) are skipped and named at the end.
 */
import { writeFileSync } from 'node:fs';
import { parseCommandLine, UsageError } from '../args.ts';
import { encodeSnapshot } from '../../kube/snapshot/snapshot-format.ts';
import { takeSnapshot } from '../../kube/snapshot/take-snapshot.ts';
import { sessionFromFlags } from '../target.ts';
import type { SubcommandContext } from '../subcommands.ts';

/** The command's own flags (also what completion offers). */
export const options = {
  output: { type: 'string', short: 'o' },
  kinds: { type: 'string' },
  'include-secret-values': { type: 'boolean' },
} as const;

function help(invokedAs: string): string {
  return `Save the cluster's objects and recent events to one file, for an incident review offline.

Usage:
  ${invokedAs} snapshot [-A | -n NAMESPACE] [--kinds pods,deployments,...] [--include-secret-values] -o FILE

Examples:
  ${invokedAs} snapshot -A -o incident.kxsnap
  ${invokedAs} snapshot -n shop --kinds pods,deploy,rs -o shop.kxsnap
  ${invokedAs} --snapshot incident.kxsnap

Every resource discovery lists (CRDs and their objects too), in the namespace (-n, else the
context's) or all of them (-A), cluster-scoped ones always; events always. Secrets keep their keys
with empty values unless --include-secret-values; managedFields are left out. A kind the server
refuses to list is skipped and named at the end. Exit codes: 0 written, 1 error, 2 usage.
`;
}

/** Runs `kx snapshot`. */
export async function run(argv: string[], ctx: SubcommandContext): Promise<number> {
  const args = parseCommandLine(['snapshot', ...argv], options, { invokedAs: ctx.invokedAs, command: 'snapshot' });
  if (args.flags.help) {
    process.stdout.write(help(ctx.invokedAs));
    return 0;
  }
  const output = args.options['output'] as string | undefined;
  if (!output) throw new UsageError(`-o FILE is required (see '${ctx.invokedAs} snapshot --help')`);
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}" (see '${ctx.invokedAs} snapshot --help')`);
  const kindsText = args.options['kinds'] as string | undefined;
  const kinds =
    kindsText === undefined
      ? undefined
      : kindsText
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean);
  if (kinds?.length === 0) throw new UsageError('--kinds needs at least one resource name');
  const session = await sessionFromFlags(args.flags, ctx.invokedAs, 'snapshot');
  try {
    const { snapshot, skipped } = await takeSnapshot({
      client: session.client,
      context: session.context.name,
      ...(args.flags.allNamespaces ? {} : { namespaces: [session.namespace] }),
      ...(kinds ? { kinds } : {}),
      includeSecretValues: args.options['include-secret-values'] === true,
      progress: (line) => process.stderr.write(`${line}\n`),
    });
    const bytes = encodeSnapshot(snapshot);
    writeFileSync(output, bytes);
    const objects = snapshot.lists.reduce((n, l) => n + (l.items?.length ?? 0), 0);
    process.stderr.write(`wrote ${objects} objects of ${snapshot.lists.length - skipped.length} kinds to ${output} (${Math.ceil(bytes.length / 1024)} KiB)\n`);
    if (skipped.length > 0) process.stderr.write(`skipped ${skipped.length} kinds it could not list:\n${skipped.map((s) => `  ${s}\n`).join('')}`);
    return 0;
  } finally {
    await session.close();
  }
}
