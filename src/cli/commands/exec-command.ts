/**
 * `kx exec POD [-c CONTAINER] [-i] [-t] [-- COMMAND ...]`, like kubectl exec: the remote exit
 * code becomes kx's; `-it` without a command opens a shell (bash, else sh). Loads no UI.
 */
import { parseCommandLine, UsageError } from '../args.ts';
import type { KubeObject } from '../../kube/object.ts';
import { sessionFromFlags } from '../target.ts';
import { checkObjectName } from '../object-name.ts';
import { execInContainer } from '../../kube/exec/exec-command.ts';
import { assertNotCompleted, defaultContainer, runInteractiveShell } from '../../kube/exec/shell.ts';
import type { SubcommandContext } from '../subcommands.ts';
import { writeGateFromFlags } from '../write-gate-from-flags.ts';

/** The command's own flags (also what completion offers). */
export const options = {
  container: { type: 'string', short: 'c' },
  stdin: { type: 'boolean', short: 'i' },
  tty: { type: 'boolean', short: 't' },
} as const;

function help(invokedAs: string): string {
  return `Run a command in a container, or open a shell in it.

Usage:
  ${invokedAs} exec POD [-c CONTAINER] [-i] [-t] -- COMMAND [ARGS...]
  ${invokedAs} exec POD -it            # a shell: bash if the container has it, else sh

Examples:
  ${invokedAs} exec web-7d9c5 -- date
  ${invokedAs} exec web-7d9c5 -c sidecar -it
  echo hi | ${invokedAs} exec web-7d9c5 -i -- cat

Flags: -c/--container, -i/--stdin, -t/--tty, and the global --kubeconfig, --context, -n.
The exit code is the command's.
`;
}

/** kubectl's list of a pod's containers: regular ones, then init containers marked (init). */
function containerList(pod: KubeObject): string[] {
  const spec = (pod['spec'] ?? {}) as { containers?: { name: string }[]; initContainers?: { name: string }[] };
  return [...(spec.containers ?? []).map((c) => c.name), ...(spec.initContainers ?? []).map((c) => `${c.name} (init)`)];
}

/** Runs `kx exec`. */
export async function run(argv: string[], ctx: SubcommandContext): Promise<number> {
  const args = parseCommandLine(['exec', ...argv], options, { invokedAs: ctx.invokedAs, command: 'exec' });
  if (args.flags.help) {
    process.stdout.write(help(ctx.invokedAs));
    return 0;
  }
  const [target, ...command] = args.positionals;
  if (!target) throw new UsageError(`POD is required for exec (see '${ctx.invokedAs} exec --help')`);
  const podName = target.replace(/^(po|pod|pods)\//, '');
  if (podName.includes('/')) throw new UsageError(`exec works on pods: "${target}" is not a pod`);
  checkObjectName(podName);
  const interactive = args.options['stdin'] === true && args.options['tty'] === true;
  if (command.length === 0 && !interactive) {
    throw new UsageError(`you must specify at least one command for the container (or -it for a shell; see '${ctx.invokedAs} exec --help')`);
  }
  const session = await sessionFromFlags(args.flags, ctx.invokedAs, 'exec');
  try {
    writeGateFromFlags(args.flags, session).enter('exec');
    const namespace = session.namespace;
    const pod = await session.client.get<KubeObject>(`/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(podName)}`);
    assertNotCompleted(pod);
    const container = (args.options['container'] as string | undefined) ?? defaultContainer(pod);
    if (!container) throw new Error(`pod "${podName}" has no containers`);
    if (args.options['container'] === undefined) {
      const all = containerList(pod);
      if (all.length > 1) process.stderr.write(`Defaulted container "${container}" out of: ${all.join(', ')}\n`);
    }
    if (command.length === 0) {
      const result = await runInteractiveShell({ session, namespace, pod: podName, container });
      return result.exitCode;
    }
    const tty = args.options['tty'] === true && Boolean(process.stdin.isTTY);
    const wantStdin = args.options['stdin'] === true;
    if (tty && process.stdin.isTTY) process.stdin.setRawMode(true);
    try {
      const result = await execInContainer({
        session,
        namespace,
        pod: podName,
        container,
        command,
        stdin: wantStdin ? process.stdin : null,
        stdout: process.stdout,
        stderr: tty ? null : process.stderr,
        tty,
      });
      // kubectl's words for a failed command.
      if (result.exitCode !== 0) process.stderr.write(`command terminated with exit code ${result.exitCode}\n`);
      return result.exitCode;
    } finally {
      if (tty && process.stdin.isTTY) process.stdin.setRawMode(false);
      if (wantStdin) process.stdin.pause();
    }
  } finally {
    await session.close();
  }
}
