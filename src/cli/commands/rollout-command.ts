/**
 * `kx rollout history|undo|restart|pause|resume|status TYPE/NAME`, with kubectl's semantics and
 * output (undo, restart, pause and resume take several objects, a bare TYPE or `-l`, as kubectl does);
 * `kx rollout history TYPE/NAME --revision N --diff` shows what changed against the current
 * revision as a unified diff of the pod templates (kubectl cannot).
 */
import { stringify } from 'yaml';
import { parseCommandLine, UsageError } from '../args.ts';
import { historyText, rolloutHistory } from '../../kube/mutations/rollout/history.ts';
import { rolloutPause } from '../../kube/mutations/rollout/pause.ts';
import { rolloutRestart } from '../../kube/mutations/rollout/restart.ts';
import { rolloutName, type RolloutTarget } from '../../kube/mutations/rollout/rollout-target.ts';
import { rolloutTargetOf } from '../../kinds/registry.ts';
import { rolloutStatus } from '../../kube/mutations/rollout/status.ts';
import { templateDiff } from '../../kube/mutations/rollout/template-diff.ts';
import { rolloutUndo } from '../../kube/mutations/rollout/undo.ts';
import { KxError } from '../../kube/errors.ts';
import type { KubeObject } from '../../kube/object.ts';
import { resourcePath } from '../../kube/resource-info.ts';
import { parseDuration } from '../duration-flag.ts';
import { resolveTarget, sessionFromFlags, splitTarget } from '../target.ts';
import type { SubcommandContext } from '../subcommands.ts';
import { writeGateFromFlags } from '../write-gate-from-flags.ts';
import { dryRunFlag } from '../dry-run-flag.ts';
import { findTargets, parseTargetArgs, reportErrors, type FoundTarget } from '../object-targets.ts';
import type { KubeSession } from '../../kube/session.ts';

const options = {
  'to-revision': { type: 'string' },
  revision: { type: 'string' },
  diff: { type: 'boolean' },
  watch: { type: 'boolean', short: 'w' },
  timeout: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'dry-run': { type: 'string' },
  selector: { type: 'string', short: 'l' },
} as const;

const subcommands = ['history', 'undo', 'restart', 'pause', 'resume', 'status'] as const;

/** The subcommands that write, each over many objects. */
type WriteSub = 'undo' | 'restart' | 'pause' | 'resume';

function help(invokedAs: string): string {
  return `Manage the rollout of a deployment, stateful set or daemon set.

Usage:
  ${invokedAs} rollout history TYPE/NAME [--revision N [--diff]] [-o yaml|json]
  ${invokedAs} rollout undo (TYPE/NAME… | TYPE [NAME…] | TYPE -l SELECTOR) [--to-revision N] [--dry-run=server]
  ${invokedAs} rollout restart (TYPE/NAME… | TYPE [NAME…] | TYPE -l SELECTOR) [--dry-run=client|server]
  ${invokedAs} rollout pause|resume (deployment/NAME… | deployment [NAME…] | deployment -l SELECTOR)
  ${invokedAs} rollout status TYPE/NAME [--watch=false] [--timeout 5m]

Examples:
  ${invokedAs} rollout history deployment/web -n shop
  ${invokedAs} rollout history deployment/web --revision 2 --diff   # what changed since revision 2
  ${invokedAs} rollout undo deployment/web --to-revision 2
  ${invokedAs} rollout restart statefulset/redis
  ${invokedAs} rollout restart deployment -n shop          # every deployment in shop
  ${invokedAs} rollout pause deployment web api
  ${invokedAs} rollout status deployment/web

The same patches and messages as kubectl. Exit codes: 0 done, 1 the API refused, the rollout
failed or timed out, 2 usage.
`;
}

function revisionFlag(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(/^-\d+$/.test(text) ? `revision must be a positive integer: ${text}` : `${flag} must be a non-negative revision number, not "${text}"`);
  return Number(text);
}

/** Runs `kx rollout …`. */
export async function run(argv: string[], ctx: SubcommandContext): Promise<number> {
  // kubectl spells it --watch=false; parseArgs knows booleans only as present or absent.
  const noWatch = argv.some((a) => a === '--watch=false' || a === '-w=false');
  const args = parseCommandLine(['rollout', ...argv.filter((a) => !/^(--watch|-w)=(false|true)$/.test(a))], options, { invokedAs: ctx.invokedAs, command: 'rollout' });
  const [sub, ...rest] = args.positionals;
  if (args.flags.help || sub === undefined) {
    process.stdout.write(help(ctx.invokedAs));
    return sub === undefined && !args.flags.help ? 2 : 0;
  }
  if (!(subcommands as readonly string[]).includes(sub)) {
    throw new UsageError(`unknown rollout command "${sub}": use one of ${subcommands.join(', ')} (see '${ctx.invokedAs} rollout --help')`);
  }
  const toRevision = revisionFlag(args.options['to-revision'] as string | undefined, '--to-revision');
  const revision = revisionFlag(args.options['revision'] as string | undefined, '--revision');
  const output = args.options['output'] as string | undefined;
  if (output !== undefined && !['yaml', 'json', 'name'].includes(output))
    throw new UsageError(`unable to match a printer suitable for the output format "${output}", allowed formats are: json, name, yaml`);
  if (args.options['diff'] === true && revision === undefined) throw new UsageError('--diff needs --revision N: the revision to compare with the current one');
  const timeoutMs = parseDuration(args.options['timeout'] as string | undefined, '--timeout');
  const dryRun = dryRunFlag(args.options['dry-run'] as string | undefined);
  if (sub === 'undo' || sub === 'restart' || sub === 'pause' || sub === 'resume') {
    // kubectl's pause and resume have no --dry-run; undo's client dry run prints a pod template kx does not draw.
    if (dryRun && (sub === 'pause' || sub === 'resume')) throw new UsageError(`unknown flag: --dry-run (see '${ctx.invokedAs} rollout --help')`);
    if (dryRun === 'client' && sub === 'undo') throw new UsageError('rollout undo --dry-run=client is not supported: use --dry-run=server');
    const selector = args.options['selector'] as string | undefined;
    const targetArgs = parseTargetArgs(rest, { all: false, selector, bareTypeIsAll: true }, ctx.invokedAs, `rollout ${sub}`);
    const session = await sessionFromFlags(args.flags, ctx.invokedAs, `rollout ${sub}`);
    try {
      writeGateFromFlags(args.flags, session).enter(sub);
      return await writeEach(session, sub, targetArgs, (target) => {
        if (sub === 'pause' || sub === 'resume') return rolloutPause(session.client, target, sub === 'pause');
        const rollout = rolloutTargetOf(target);
        return sub === 'undo' ? rolloutUndo(session.client, rollout, toRevision, dryRun === 'server' ? 'server' : undefined) : rolloutRestart(session.client, rollout, new Date(), dryRun);
      });
    } finally {
      await session.close();
    }
  }
  const { type, name } = splitTarget(rest, ctx.invokedAs, `rollout ${sub}`);
  const session = await sessionFromFlags(args.flags, ctx.invokedAs, `rollout ${sub}`);
  try {
    const named = await resolveTarget(session, type, name);
    const target: RolloutTarget = rolloutTargetOf({ ...named, namespace: session.namespace });
    switch (sub) {
      case 'history':
        return await history(session.client, target, revision, args.options['diff'] === true, output);
      case 'status':
        return await status(session.client, target, !noWatch, timeoutMs);
      default:
        return 2;
    }
  } finally {
    await session.close();
  }
}

/**
 * Runs `act` on every object, kubectl's way: each one's line on stdout, the failures (objects not
 * found first) on stderr at the end, exit 1 if any failed.
 */
async function writeEach(session: KubeSession, sub: WriteSub, targetArgs: Parameters<typeof findTargets>[1], act: (target: FoundTarget) => Promise<string>): Promise<number> {
  const { targets, errors } = await findTargets(session, targetArgs);
  if (targets.length === 0 && errors.length === 0) {
    // kubectl's undo says nothing; pause, resume and restart say so on stderr.
    if (sub !== 'undo') process.stderr.write(`No resources found in ${session.namespace} namespace.\n`);
    return 0;
  }
  for (const target of targets) {
    try {
      process.stdout.write(`${await act(target)}\n`);
    } catch (err) {
      errors.push(err);
    }
  }
  return reportErrors(errors);
}

async function history(client: Parameters<typeof rolloutHistory>[0], target: RolloutTarget, revision: number | undefined, diff: boolean, output: string | undefined): Promise<number> {
  const h = await rolloutHistory(client, target);
  const name = rolloutName(target);
  if (revision === undefined) {
    if (output === 'name') process.stdout.write(`${name}\n`);
    else if (output)
      process.stdout.write(
        format(
          h.revisions.map((r) => r.source),
          output,
        ),
      );
    else process.stdout.write(historyText(name, h));
    return 0;
  }
  const chosen = h.revisions.find((r) => r.revision === revision);
  if (!chosen) throw new KxError('notFound', `unable to find the specified revision`);
  if (diff) {
    const current = h.revisions.find((r) => r.current) ?? h.revisions.at(-1)!;
    const text = templateDiff(chosen.template, current.template, `${name} revision ${chosen.revision}`, `${name} revision ${current.revision} (current)`);
    process.stdout.write(text === '' ? `revision ${chosen.revision} and the current revision ${current.revision} have the same pod template\n` : text);
    return 0;
  }
  if (output) {
    process.stdout.write(format([chosen.source], output));
    return 0;
  }
  process.stdout.write(`${name} with revision #${chosen.revision}\nPod Template:\n${indent(stringify(chosen.template), '  ')}`);
  return 0;
}

async function status(client: Parameters<typeof rolloutHistory>[0], target: RolloutTarget, watch: boolean, timeoutMs: number | undefined): Promise<number> {
  const kind = target.flavour;
  const deadline = timeoutMs ? Date.now() + timeoutMs : Infinity;
  let last = '';
  for (;;) {
    const object = await client.get<KubeObject>(resourcePath(target.resource, target.namespace, target.name));
    const s = rolloutStatus(kind, object);
    if (s.message !== last) process.stdout.write(`${s.message}\n`);
    last = s.message;
    if (s.failed) throw new KxError('server', `${s.message}`);
    if (s.done || !watch) return 0;
    if (Date.now() > deadline) throw new KxError('timeout', 'timed out waiting for the condition');
    await new Promise((r) => setTimeout(r, 1000));
  }
}

function format(objects: KubeObject[], output: string): string {
  const value = objects.length === 1 ? objects[0] : { apiVersion: 'v1', kind: 'List', items: objects };
  return output === 'json' ? `${JSON.stringify(value, null, 4)}\n` : stringify(value);
}

function indent(text: string, prefix: string): string {
  return text.replace(/^(?=.)/gm, prefix);
}
