/**
 * `kx create job NAME --from=cronjob/X [--dry-run=client|server] [-o name]`, like kubectl create
 * job --from: the Job kubectl builds from the cron job's template, the same output
 * (`job.batch/NAME created`). Only --from: a Job from an image is kubectl's to make.
 * Exit 1 on API errors, 2 on usage errors.
 */
import { parseCommandLine, UsageError } from '../args.ts';
import { checkObjectName, splitResourceName } from '../object-name.ts';
import { KxError } from '../../kube/errors.ts';
import { resourceKey } from '../../kube/resource-info.ts';
import { triggerCronJob } from '../../kube/mutations/trigger-cronjob.ts';
import { resolveTarget, sessionFromFlags } from '../target.ts';
import type { SubcommandContext } from '../subcommands.ts';
import { writeGateFromFlags } from '../write-gate-from-flags.ts';

/** The command's own flags (also what completion offers). */
export const options = {
  from: { type: 'string' },
  image: { type: 'string' },
  'dry-run': { type: 'string' },
  output: { type: 'string', short: 'o' },
} as const;

function help(invokedAs: string): string {
  return `Create a job from a cron job's template: run the cron job now.

Usage:
  ${invokedAs} create job NAME --from=cronjob/CRONJOB [--dry-run=client|server] [-o name]

--image (kubectl's job from an image) is refused: kx makes jobs from cron jobs only.

Examples:
  ${invokedAs} create job backup-now --from=cronjob/backup -n ops
  ${invokedAs} create job test-run --from=cronjob/report --dry-run=server

Like kubectl: the job template's spec, labels and annotations, the annotation
cronjob.kubernetes.io/instantiate=manual, and the cron job as its controller owner.
Exit codes: 0 done, 1 the API refused, 2 usage.
`;
}

function dryRunFlag(value: string | undefined): 'client' | 'server' | undefined {
  if (value === undefined || value === 'none') return undefined;
  if (value === 'client' || value === 'server') return value;
  throw new UsageError(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
}

/** Runs `kx create …`. */
export async function run(argv: string[], ctx: SubcommandContext): Promise<number> {
  const args = parseCommandLine(['create', ...argv], options, { invokedAs: ctx.invokedAs, command: 'create' });
  const [sub, ...names] = args.positionals;
  if (args.flags.help || sub === undefined) {
    process.stdout.write(help(ctx.invokedAs));
    return sub === undefined && !args.flags.help ? 2 : 0;
  }
  if (sub !== 'job') throw new UsageError(`unknown create command "${sub}": kx creates only jobs from cron jobs (see '${ctx.invokedAs} create --help')`);
  if (names.length !== 1) throw new UsageError(`exactly one NAME is required, got ${names.length}`);
  const name = names[0]!;
  checkObjectName(name);
  const from = args.options['from'] as string | undefined;
  if (args.options['image'] !== undefined) throw new UsageError(`kx creates jobs only from cron jobs: use --from=cronjob/NAME (kubectl create job makes one from an image)`);
  if (from === undefined) throw new UsageError('--from=cronjob/NAME is required');
  const split = splitResourceName(from);
  if (!split?.type || !split.name) throw new UsageError(`from must be an existing cronjob: "${from}" is not TYPE/NAME (e.g. cronjob/backup)`);
  checkObjectName(split.name);
  const dryRun = dryRunFlag(args.options['dry-run'] as string | undefined);
  const output = args.options['output'] as string | undefined;
  if (output !== undefined && output !== 'name') throw new UsageError(`unable to match a printer suitable for the output format "${output}", allowed formats are: name`);
  const session = await sessionFromFlags(args.flags, ctx.invokedAs, 'create job');
  try {
    writeGateFromFlags(args.flags, session).enter('create job');
    const { resource } = await resolveTarget(session, split.type, split.name);
    // kubectl's words for a --from that is not a cron job (it prints the Go type).
    if (resourceKey(resource) !== 'cronjobs.batch') throw new KxError('invalid', `unknown object type *${resource.version}.${resource.kind}`);
    const said = await triggerCronJob(session.client, { namespace: session.namespace, cronJob: split.name, job: name }, { dryRun });
    process.stdout.write(output === 'name' ? `${said.replace(/ created.*$/, '')}\n` : `${said}\n`);
    return 0;
  } finally {
    await session.close();
  }
}
