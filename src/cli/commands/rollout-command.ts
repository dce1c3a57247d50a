/**
 * `kx rollout history|undo|restart|pause|resume|status TYPE/NAME`, with kubectl's semantics and
 * output (every subcommand takes several objects, a bare TYPE or `-l`, as kubectl does);
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
import { sessionFromFlags } from '../target.ts';
import { podTemplateText } from '../../kinds/describe/pod-template-text.ts';
import type { SubcommandContext } from '../subcommands.ts';
import { writeGateFromFlags } from '../write-gate-from-flags.ts';
import { dryRunFlag } from '../dry-run-flag.ts';
import { filesFlag, findTargets, parseTargetArgs, reportErrors, type FoundTarget } from '../object-targets.ts';
import type { KubeSession } from '../../kube/session.ts';

/** The command's own flags (also what completion offers). */
export const options = {
  'to-revision': { type: 'string' },
  revision: { type: 'string' },
  diff: { type: 'boolean' },
  watch: { type: 'boolean', short: 'w' },
  timeout: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'dry-run': { type: 'string' },
  selector: { type: 'string', short: 'l' },
  filename: { type: 'string', short: 'f', multiple: true },
  recursive: { type: 'boolean', short: 'R' },
} as const;

const subcommands = ['history', 'undo', 'restart', 'pause', 'resume', 'status'] as const;

type Sub = (typeof subcommands)[number];

function isSub(word: string): word is Sub {
  return (subcommands as readonly string[]).includes(word);
}

function help(invokedAs: string): string {
  return `Manage the rollout of a deployment, stateful set or daemon set.

Usage:
  ${invokedAs} rollout history (TYPE/NAME… | TYPE [NAME…] | TYPE -l SELECTOR) [--revision N [--diff]] [-o yaml|json]
  ${invokedAs} rollout undo (TYPE/NAME… | TYPE [NAME…] | TYPE -l SELECTOR) [--to-revision N] [--dry-run=client|server]
  ${invokedAs} rollout restart (TYPE/NAME… | TYPE [NAME…] | TYPE -l SELECTOR) [--dry-run=client|server]
  ${invokedAs} rollout pause|resume (deployment/NAME… | deployment [NAME…] | deployment -l SELECTOR)
  ${invokedAs} rollout status (TYPE/NAME… | TYPE [NAME…] | TYPE -l SELECTOR) [--watch=false] [--timeout 5m]

Instead of TYPE and names, -f FILE|DIR|- (--filename, repeatable; -R/--recursive walks directories)
acts on the objects the manifests name, as kubectl does.

Examples:
  ${invokedAs} rollout history deployment/web -n shop
  ${invokedAs} rollout history deployment/web --revision 2 --diff   # what changed since revision 2
  ${invokedAs} rollout undo deployment/web --to-revision 2
  ${invokedAs} rollout restart statefulset/redis
  ${invokedAs} rollout restart deployment -n shop          # every deployment in shop
  ${invokedAs} rollout pause deployment web api
  ${invokedAs} rollout status deployment/web
  ${invokedAs} rollout restart -f k8s/ -R                   # every object the manifests under k8s/ name

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
  if (!isSub(sub)) throw new UsageError(`unknown rollout command "${sub}": use one of ${subcommands.join(', ')} (see '${ctx.invokedAs} rollout --help')`);
  const toRevision = revisionFlag(args.options['to-revision'] as string | undefined, '--to-revision');
  const revision = revisionFlag(args.options['revision'] as string | undefined, '--revision');
  const output = args.options['output'] as string | undefined;
  if (output !== undefined && !['yaml', 'json', 'name'].includes(output))
    throw new UsageError(`unable to match a printer suitable for the output format "${output}", allowed formats are: json, name, yaml`);
  if (args.options['diff'] === true && revision === undefined) throw new UsageError('--diff needs --revision N: the revision to compare with the current one');
  const timeoutMs = parseDuration(args.options['timeout'] as string | undefined, '--timeout');
  const dryRun = dryRunFlag(args.options['dry-run'] as string | undefined);
  const selector = args.options['selector'] as string | undefined;
  const files = filesFlag(args.options['filename'] as string[] | undefined, args.options['recursive'] === true, args.flags.namespace !== undefined);
  const targetArgs = parseTargetArgs(rest, { all: false, selector, bareTypeIsAll: true, files }, ctx.invokedAs, `rollout ${sub}`);
  if (sub === 'undo' || sub === 'restart' || sub === 'pause' || sub === 'resume') {
    // kubectl's pause and resume have no --dry-run.
    if (dryRun && (sub === 'pause' || sub === 'resume')) throw new UsageError(`unknown flag: --dry-run (see '${ctx.invokedAs} rollout --help')`);
    const session = await sessionFromFlags(args.flags, ctx.invokedAs, `rollout ${sub}`);
    try {
      writeGateFromFlags(args.flags, session).enter(sub);
      return await forEach(session, sub, targetArgs, (target) => {
        if (sub === 'pause' || sub === 'resume') return rolloutPause(session.client, target, sub === 'pause');
        const rollout = rolloutTargetOf(target);
        return sub === 'undo' ? rolloutUndo(session.client, rollout, toRevision, dryRun, podTemplateText) : rolloutRestart(session.client, rollout, new Date(), dryRun);
      });
    } finally {
      await session.close();
    }
  }
  const session = await sessionFromFlags(args.flags, ctx.invokedAs, `rollout ${sub}`);
  try {
    return await forEach(session, sub, targetArgs, async (found) => {
      const target = rolloutTargetOf(found);
      if (sub === 'history') await history(session.client, target, revision, args.options['diff'] === true, output);
      else await status(session.client, target, !noWatch, timeoutMs);
    });
  } finally {
    await session.close();
  }
}

/**
 * Runs `act` on every object, kubectl's way: each one's line (if it returns one) on stdout, the
 * failures (objects not found first) on stderr at the end, exit 1 if any failed.
 */
async function forEach(session: KubeSession, sub: Sub, targetArgs: Parameters<typeof findTargets>[1], act: (target: FoundTarget) => Promise<string | void>): Promise<number> {
  const { targets, errors } = await findTargets(session, targetArgs);
  if (targets.length === 0 && errors.length === 0) {
    // kubectl's undo and history say nothing; pause, resume, restart and status say so on stderr.
    if (sub !== 'undo' && sub !== 'history') process.stderr.write(`No resources found in ${session.namespace} namespace.\n`);
    return 0;
  }
  for (const target of targets) {
    try {
      const line = await act(target);
      if (line !== undefined) process.stdout.write(`${line}\n`);
    } catch (err) {
      errors.push(err);
    }
  }
  return reportErrors(errors);
}

async function history(client: Parameters<typeof rolloutHistory>[0], target: RolloutTarget, revision: number | undefined, diff: boolean, output: string | undefined): Promise<void> {
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
    return;
  }
  const chosen = h.revisions.find((r) => r.revision === revision);
  if (!chosen) throw new KxError('notFound', `unable to find the specified revision`);
  if (diff) {
    const current = h.revisions.find((r) => r.current) ?? h.revisions.at(-1)!;
    const text = templateDiff(chosen.template, current.template, `${name} revision ${chosen.revision}`, `${name} revision ${current.revision} (current)`);
    process.stdout.write(text === '' ? `revision ${chosen.revision} and the current revision ${current.revision} have the same pod template\n` : text);
    return;
  }
  if (output) {
    process.stdout.write(format([chosen.source], output));
    return;
  }
  // kubectl's printTemplate, then the name printer's newline.
  process.stdout.write(`${name} with revision #${chosen.revision}\n${podTemplateText(chosen.template)}\n`);
}

async function status(client: Parameters<typeof rolloutHistory>[0], target: RolloutTarget, watch: boolean, timeoutMs: number | undefined): Promise<void> {
  const kind = target.flavour;
  const deadline = timeoutMs ? Date.now() + timeoutMs : Infinity;
  let last = '';
  for (;;) {
    const object = await client.get<KubeObject>(resourcePath(target.resource, target.namespace, target.name));
    const s = rolloutStatus(kind, object);
    // A failure is kubectl's error, on stderr only.
    if (s.failed) throw new KxError('server', s.message);
    if (s.message !== last) process.stdout.write(`${s.message}\n`);
    last = s.message;
    if (s.done || !watch) return;
    if (Date.now() > deadline) throw new KxError('timeout', 'timed out waiting for the condition');
    await new Promise((r) => setTimeout(r, 1000));
  }
}

function format(objects: KubeObject[], output: string): string {
  const value = objects.length === 1 ? objects[0] : { apiVersion: 'v1', kind: 'List', items: objects };
  return output === 'json' ? `${JSON.stringify(value, null, 4)}\n` : stringify(value);
}
