/**
 * `kx attach POD [-c CONTAINER] [-i] [-t] [-q]`, like kubectl attach: the container's own
 * process, its output from now on and, with -i, its stdin. kubectl's messages and exit codes;
 * unlike kubectl, -i on a container that reads no stdin is refused instead of typing into nothing.
 * Loads no UI.
 */
import { parseCommandLine, UsageError } from '../args.ts';
import type { KubeObject } from '../../kube/object.ts';
import { KxError } from '../../kube/errors.ts';
import { sessionFromFlags } from '../target.ts';
import { checkObjectName } from '../object-name.ts';
import { assertAttachable, attachToContainer, containerStdio, runAttachSession, type AttachResult } from '../../kube/exec/attach.ts';
import { defaultContainer } from '../../kube/exec/shell.ts';
import type { SubcommandContext } from '../subcommands.ts';
import { writeGateFromFlags } from '../write-gate-from-flags.ts';
import { defaultedContainerNotice } from '../defaulted-container.ts';

/** The command's own flags (also what completion offers). */
export const options = {
  container: { type: 'string', short: 'c' },
  stdin: { type: 'boolean', short: 'i' },
  tty: { type: 'boolean', short: 't' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

function help(invokedAs: string): string {
  return `Attach to the process already running in a container.

Usage:
  ${invokedAs} attach POD [-c CONTAINER] [-i] [-t] [-q]

Examples:
  ${invokedAs} attach web-7d9c5              # its output from now on
  ${invokedAs} attach debug-shell -it        # type into its shell; ctrl-p ctrl-q detaches

Flags: -c/--container (default: the kubectl.kubernetes.io/default-container annotation, else the
first container), -i/--stdin, -t/--tty, -q/--quiet, and the global --kubeconfig, --context, -n.
`;
}

/** Runs `kx attach`. */
export async function run(argv: string[], ctx: SubcommandContext): Promise<number> {
  const args = parseCommandLine(['attach', ...argv], options, { invokedAs: ctx.invokedAs, command: 'attach' });
  if (args.flags.help) {
    process.stdout.write(help(ctx.invokedAs));
    return 0;
  }
  const [target, ...extra] = args.positionals;
  if (!target) throw new UsageError(`at least 1 argument is required for attach (see '${ctx.invokedAs} attach --help')`);
  if (extra.length > 0) throw new UsageError(`expected POD, saw ${args.positionals.length} arguments: ${args.positionals.join(' ')}`);
  const podName = target.replace(/^(po|pod|pods)\//, '');
  if (podName.includes('/')) throw new UsageError(`attach works on pods: "${target}" is not a pod`);
  checkObjectName(podName);
  const quiet = args.options['quiet'] === true;
  const wantStdin = args.options['stdin'] === true;
  const session = await sessionFromFlags(args.flags, ctx.invokedAs, 'attach');
  try {
    writeGateFromFlags(args.flags, session).enter('attach');
    const namespace = session.namespace;
    const pod = await session.client.get<KubeObject>(`/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(podName)}`);
    assertAttachable(pod);
    const requested = args.options['container'] as string | undefined;
    const container = requested ?? defaultContainer(pod);
    if (!container) throw new KxError('invalid', `pod "${podName}" has no containers`);
    const stdio = containerStdio(pod, container);
    if (!stdio) throw new KxError('invalid', `cannot attach to the container: container ${container} not found in pod ${podName}`);
    if (requested === undefined && !quiet) {
      const notice = defaultedContainerNotice(pod, container);
      if (notice) process.stderr.write(`${notice}\n`);
    }
    if (wantStdin && !stdio.stdin) {
      throw new KxError('invalid', `cannot attach with -i: container "${container}" in pod "${podName}" does not read stdin (its spec has no stdin: true)`);
    }
    // As kubectl: a tty only when the container has one, and only on a terminal with -i.
    let tty = args.options['tty'] === true || stdio.tty;
    if (args.options['tty'] === true && !stdio.tty) {
      tty = false;
      if (!quiet) process.stderr.write(`error: Unable to use a TTY - container ${container} did not allocate one\n`);
    }
    if (tty && !wantStdin) tty = false;
    if (tty && !process.stdin.isTTY) {
      tty = false;
      if (!quiet) process.stderr.write('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    }
    if (!quiet) process.stderr.write("If you don't see a command prompt, try pressing enter.\n");
    let result: AttachResult;
    try {
      result = tty
        ? await runAttachSession({ session, namespace, pod: podName, container, stdin: true, tty: true })
        : await attachToContainer({ session, namespace, pod: podName, container, stdin: wantStdin ? process.stdin : null, stdout: process.stdout, stderr: process.stderr, tty: false });
    } finally {
      // A flowing stdin would keep kx alive after the session.
      if (wantStdin) process.stdin.pause();
    }
    // Detached mid-line (after a prompt): end the line, as docker does.
    if (result.detached && tty) process.stdout.write('\n');
    if (result.exitCode !== 0) throw new KxError('invalid', result.message ?? `attach ended with status ${result.exitCode}`);
    const restartPolicy = (pod['spec'] as { restartPolicy?: string } | undefined)?.restartPolicy;
    if (!quiet && wantStdin && tty && !result.detached && restartPolicy === 'Always') {
      process.stdout.write(`Session ended, resume using '${ctx.invokedAs} attach ${podName} -c ${container} -i -t' command when the pod is running\n`);
    }
    return 0;
  } finally {
    await session.close();
  }
}
