/**
 * `kx cordon|uncordon|drain NODE`, like kubectl: the same patch, evictions, filters and lines
 * (`node/X cordoned`, `evicting pod ns/name`, `pod/name evicted`, `node/X drained`), kubectl's
 * error block when a drain stops (the node stays cordoned), exit 1 on API errors and 2 on usage.
 */
import { parseCommandLine, UsageError } from '../args.ts';
import { setUnschedulable } from '../../kube/mutations/cordon.ts';
import { dryRunFlag } from '../dry-run-flag.ts';
import { DrainError, drainEventLine, drainNode } from '../../kube/mutations/drain.ts';
import { sessionFromFlags } from '../target.ts';
import type { SubcommandContext } from '../subcommands.ts';
import { parseDuration } from '../duration-flag.ts';
import { writeGateFromFlags } from '../write-gate-from-flags.ts';

/** cordon's and uncordon's own flags (also what completion offers). */
export const cordonOptions = { 'dry-run': { type: 'string' } } as const;

/** drain's own flags (also what completion offers). */
export const drainOptions = {
  'dry-run': { type: 'string' },
  'ignore-daemonsets': { type: 'boolean' },
  'delete-emptydir-data': { type: 'boolean' },
  force: { type: 'boolean' },
  'grace-period': { type: 'string' },
  timeout: { type: 'string' },
  'pod-selector': { type: 'string' },
} as const;

function cordonHelp(invokedAs: string, word: 'cordon' | 'uncordon'): string {
  return `Mark node as ${word === 'cordon' ? 'unschedulable' : 'schedulable'}.

Usage:
  ${invokedAs} ${word} NODE [--dry-run=client|server]

Like kubectl ${word}: a patch of the node's spec.unschedulable.
Exit codes: 0 done, 1 the API refused, 2 usage.
`;
}

function drainHelp(invokedAs: string): string {
  return `Drain node in preparation for maintenance: cordon it, then evict its pods.

Usage:
  ${invokedAs} drain NODE [--ignore-daemonsets] [--delete-emptydir-data] [--force] [--grace-period N]
      [--timeout 5m] [--pod-selector app=web] [--dry-run=client|server]

Examples:
  ${invokedAs} drain kx-worker --ignore-daemonsets
  ${invokedAs} drain kx-worker --ignore-daemonsets --delete-emptydir-data --force --timeout 2m

Like kubectl drain: DaemonSet pods are refused without --ignore-daemonsets (then left alone),
pods with no controller without --force, pods with emptyDir volumes without --delete-emptydir-data;
mirror pods are skipped. Each pod is evicted through the Eviction API, so PodDisruptionBudgets are
honoured (a refusal is retried every 5s); the node stays cordoned if the drain stops.
Exit codes: 0 drained, 1 refused, failed or timed out, 2 usage.
`;
}

function oneNode(positionals: string[], invokedAs: string, word: string): string {
  if (positionals.length !== 1) throw new UsageError(`USAGE: ${word} NODE [flags] (see '${invokedAs} ${word} --help')`);
  return positionals[0]!;
}

async function cordonOrUncordon(argv: string[], ctx: SubcommandContext, word: 'cordon' | 'uncordon'): Promise<number> {
  const args = parseCommandLine([word, ...argv], cordonOptions, { invokedAs: ctx.invokedAs, command: word });
  if (args.flags.help) {
    process.stdout.write(cordonHelp(ctx.invokedAs, word));
    return 0;
  }
  const node = oneNode(args.positionals, ctx.invokedAs, word);
  const dryRun = dryRunFlag(args.options['dry-run'] as string | undefined);
  const session = await sessionFromFlags(args.flags, ctx.invokedAs, word);
  try {
    writeGateFromFlags(args.flags, session).enter(word);
    process.stdout.write(`${await setUnschedulable(session.client, node, word === 'cordon', { dryRun })}\n`);
    return 0;
  } finally {
    await session.close();
  }
}

/** Runs `kx cordon`. */
export function runCordon(argv: string[], ctx: SubcommandContext): Promise<number> {
  return cordonOrUncordon(argv, ctx, 'cordon');
}

/** Runs `kx uncordon`. */
export function runUncordon(argv: string[], ctx: SubcommandContext): Promise<number> {
  return cordonOrUncordon(argv, ctx, 'uncordon');
}

/** Runs `kx drain`. */
export async function runDrain(argv: string[], ctx: SubcommandContext): Promise<number> {
  const args = parseCommandLine(['drain', ...argv], drainOptions, { invokedAs: ctx.invokedAs, command: 'drain' });
  if (args.flags.help) {
    process.stdout.write(drainHelp(ctx.invokedAs));
    return 0;
  }
  const node = oneNode(args.positionals, ctx.invokedAs, 'drain');
  const dryRun = dryRunFlag(args.options['dry-run'] as string | undefined);
  const graceText = args.options['grace-period'] as string | undefined;
  if (graceText !== undefined && !/^-?\d+$/.test(graceText))
    throw new UsageError(`invalid argument "${graceText}" for "--grace-period" flag: strconv.ParseInt: parsing "${graceText}": invalid syntax`);
  const session = await sessionFromFlags(args.flags, ctx.invokedAs, 'drain');
  try {
    writeGateFromFlags(args.flags, session).enter('drain');
    await drainNode(
      session.client,
      node,
      {
        ignoreDaemonsets: args.options['ignore-daemonsets'] === true,
        deleteEmptydirData: args.options['delete-emptydir-data'] === true,
        force: args.options['force'] === true,
        gracePeriodSeconds: graceText === undefined ? undefined : Number(graceText),
        timeoutMs: parseDuration(args.options['timeout'] as string | undefined, '--timeout') ?? 0,
        podSelector: args.options['pod-selector'] as string | undefined,
        dryRun,
      },
      (event) => {
        const line = drainEventLine(event);
        if (line) (line.stream === 'out' ? process.stdout : process.stderr).write(`${line.text}\n`);
      },
    );
    return 0;
  } catch (err) {
    if (!(err instanceof DrainError)) throw err;
    // kubectl's block: the pods still there, the node left to drain, then each error on its own line.
    if (err.pending && err.pending.length > 0) {
      process.stderr.write(`There are pending pods in node "${node}" when an error occurred: ${err.message}\n${err.pending.map((p) => `pod/${p}\n`).join('')}`);
    }
    process.stderr.write(`error: unable to drain node "${node}" due to error: ${err.message}, continuing command...\nThere are pending nodes to be drained:\n ${node}\n`);
    process.stderr.write(err.errors.map((e) => `${e}\n`).join(''));
    return 1;
  } finally {
    await session.close();
  }
}
