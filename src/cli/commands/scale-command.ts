/**
 * `kx scale TYPE/NAME --replicas N [--current-replicas M] [--wait] [--timeout D]`, like kubectl
 * scale: the same patch, the same output (`deployment.apps/web scaled`), exit 1 on API errors and
 * 2 on usage errors. Warns on stderr when an HPA targets the object.
 */
import { parseCommandLine, UsageError } from '../args.ts';
import { currentReplicas, hpaFor, hpaWarning, parseReplicas, scaleObject } from '../../kube/mutations/scale.ts';
import { KxError } from '../../kube/errors.ts';
import { resourcePath } from '../../kube/resource-info.ts';
import { sessionFromFlags } from '../target.ts';
import { filesFlag, findTargets, parseTargetArgs, reportErrors } from '../object-targets.ts';
import { dryRunFlag } from '../dry-run-flag.ts';
import type { SubcommandContext } from '../subcommands.ts';
import { parseDuration } from '../duration-flag.ts';
import { writeGateFromFlags } from '../write-gate-from-flags.ts';

/** The command's own flags (also what completion offers). */
export const options = {
  replicas: { type: 'string' },
  'current-replicas': { type: 'string' },
  'resource-version': { type: 'string' },
  wait: { type: 'boolean' },
  timeout: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'dry-run': { type: 'string' },
  all: { type: 'boolean' },
  selector: { type: 'string', short: 'l' },
  filename: { type: 'string', short: 'f', multiple: true },
  recursive: { type: 'boolean', short: 'R' },
} as const;

function help(invokedAs: string): string {
  return `Set a new size for a deployment, replica set, stateful set or custom resource with a scale subresource.

Usage:
  ${invokedAs} scale (TYPE/NAME… | TYPE NAME… | TYPE --all | TYPE -l SELECTOR | -f FILE|DIR|- [-R]) --replicas N
      [--current-replicas M] [--resource-version RV] [--dry-run=client|server] [--wait] [--timeout 2m] [-o name]

Examples:
  ${invokedAs} scale deployment/web --replicas 3 -n shop
  ${invokedAs} scale sts/redis --replicas 5 --current-replicas 3
  ${invokedAs} scale deploy web --replicas 0 --wait --timeout 1m
  ${invokedAs} scale deploy -l tier=cache --replicas 2 --dry-run=server

Like kubectl: a merge patch of spec.replicas on the /scale subresource; --current-replicas (or
--resource-version) makes it fail when the count (or version) is not what you expect. --wait waits until the status shows the new size.
Exit codes: 0 done, 1 the API refused or it timed out, 2 usage.
`;
}

/** Runs `kx scale`. */
export async function run(argv: string[], ctx: SubcommandContext): Promise<number> {
  // parseCommandLine takes `--replicas -1` as the value -1, so the count check below can say what is wrong with it.
  const args = parseCommandLine(['scale', ...argv], options, { invokedAs: ctx.invokedAs, command: 'scale' });
  if (args.flags.help) {
    process.stdout.write(help(ctx.invokedAs));
    return 0;
  }
  const replicasText = args.options['replicas'] as string | undefined;
  if (replicasText === undefined) throw new UsageError(`--replicas is required (see '${ctx.invokedAs} scale --help')`);
  const replicas = parseReplicas(replicasText);
  if (!replicas.ok) throw new UsageError(replicas.message);
  const expectText = args.options['current-replicas'] as string | undefined;
  const expect = expectText === undefined ? undefined : parseReplicas(expectText);
  if (expect && !expect.ok) throw new UsageError(`--current-replicas: ${expect.message}`);
  const output = args.options['output'] as string | undefined;
  if (output !== undefined && output !== 'name') throw new UsageError(`unable to match a printer suitable for the output format "${output}", allowed formats are: name`);
  const timeoutMs = parseDuration(args.options['timeout'] as string | undefined, '--timeout') ?? 0;
  const dryRun = dryRunFlag(args.options['dry-run'] as string | undefined);
  const selector = args.options['selector'] as string | undefined;
  const files = filesFlag(args.options['filename'] as string[] | undefined, args.options['recursive'] === true, args.flags.namespace !== undefined);
  const targetArgs = parseTargetArgs(args.positionals, { all: args.options['all'] === true, selector, bareTypeIsAll: false, files }, ctx.invokedAs, 'scale');
  const session = await sessionFromFlags(args.flags, ctx.invokedAs, 'scale');
  try {
    writeGateFromFlags(args.flags, session).enter('scale');
    const { targets, errors } = await findTargets(session, targetArgs, { readFiles: dryRun !== 'client' });
    if (targets.length === 0) {
      // kubectl says "no objects passed to scale" before the reasons; kx gives the reasons alone.
      if (errors.length === 1) throw errors[0];
      if (errors.length > 1) return reportErrors(errors);
      throw new KxError('notFound', 'no objects passed to scale');
    }
    const expectResourceVersion = (args.options['resource-version'] as string | undefined) || undefined;
    if (expectResourceVersion !== undefined && targets.length > 1) throw new KxError('invalid', 'cannot use --resource-version with multiple resources');
    for (const target of targets) {
      // The autoscaler lookup only adds a warning: asked beside the scale, not before it (one round trip less).
      const hpaLookup = hpaFor(session.client, target);
      // As in kubectl, a failed scale stops here: the objects after it are left alone.
      const said = await scaleObject(session.client, target, replicas.replicas, { expectCurrent: expect?.ok ? expect.replicas : undefined, expectResourceVersion, dryRun });
      const hpa = await hpaLookup;
      if (hpa && !dryRun) process.stderr.write(`Warning: ${hpaWarning(hpa)}\n`);
      // -o name prints the object's name, as kubectl does; otherwise kubectl's sentence.
      process.stdout.write(output === 'name' ? `${said.replace(/ scaled( \((server )?dry run\))?$/, '')}\n` : `${said}\n`);
      if (args.options['wait'] === true && !dryRun) await waitForSize(session, target, replicas.replicas, timeoutMs || 5 * 60_000);
    }
    // The objects that could not be read are reported last, as kubectl does.
    return reportErrors(errors);
  } finally {
    await session.close();
  }
}

/** Polls the Scale until status.replicas equals the wanted count (kubectl's --timeout wait). */
async function waitForSize(session: Awaited<ReturnType<typeof sessionFromFlags>>, target: Parameters<typeof currentReplicas>[1], replicas: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const scale = await session.client.get<{ status?: { replicas?: number } }>(resourcePath(target.resource, target.namespace, target.name, 'scale'));
    if ((scale.status?.replicas ?? 0) === replicas) return;
    if (Date.now() > deadline) throw new KxError('timeout', `timed out waiting for ${target.name} to have ${replicas} replicas`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
