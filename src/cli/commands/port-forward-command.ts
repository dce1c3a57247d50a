/**
 * `kx port-forward TYPE/NAME [LOCAL:]REMOTE...`, like kubectl port-forward: kubectl's lines
 * (`Forwarding from 127.0.0.1:8080 -> 80`, `Handling connection for 8080`), --address and
 * --pod-running-timeout; Ctrl-C stops it with exit 0. Beyond kubectl, a forward to a Service or
 * workload moves to another running pod when its pod goes away, and says so on stderr.
 */
import { parseCommandLine, UsageError } from '../args.ts';
import { sessionFromFlags } from '../target.ts';
import { parseDuration } from '../duration-flag.ts';
import type { SubcommandContext } from '../subcommands.ts';
import { writeGateFromFlags } from '../write-gate-from-flags.ts';
import { forwardPort, parsePortSpec, parseTarget, podPort, resolveTarget, type PortForwarder } from '../../kube/port-forward/index.ts';

/** The command's own flags (also what completion offers). */
export const options = {
  address: { type: 'string', multiple: true },
  'pod-running-timeout': { type: 'string' },
} as const;

function help(invokedAs: string): string {
  return `Forward one or more local ports to a pod, a Service's pod or a workload's pod.

Usage:
  ${invokedAs} port-forward TYPE/NAME [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]

Examples:
  ${invokedAs} port-forward pod/web-7d9c5 8080:80
  ${invokedAs} port-forward svc/frontend 8080:http
  ${invokedAs} port-forward deployment/api :8080 --address 0.0.0.0

TYPE is pod (the default), service, deployment, replicaset, statefulset or daemonset. A forward to
a Service or workload moves to another running pod when its pod goes away (kubectl's stops).

Flags: --address (default localhost: 127.0.0.1 and ::1), --pod-running-timeout (default 1m),
and the global --kubeconfig, --context, -n. Ctrl-C stops forwarding.
`;
}

/** Runs `kx port-forward`; resolves with 0 when interrupted. */
export async function run(argv: string[], ctx: SubcommandContext): Promise<number> {
  const args = parseCommandLine(['port-forward', ...argv], options, { invokedAs: ctx.invokedAs, command: 'port-forward' });
  if (args.flags.help) {
    process.stdout.write(help(ctx.invokedAs));
    return 0;
  }
  const [targetText, ...portTexts] = args.positionals;
  if (!targetText || portTexts.length === 0) throw new UsageError(`TYPE/NAME and list of ports are required for port-forward (see '${ctx.invokedAs} port-forward --help')`);
  const specs = portTexts.map((p) => {
    try {
      return parsePortSpec(p);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  });
  const address = ((args.options['address'] as string[] | undefined) ?? []).flatMap((a) => a.split(',')).filter((a) => a !== '');
  const podRunningTimeoutMs = parseDuration(args.options['pod-running-timeout'] as string | undefined, '--pod-running-timeout') ?? 60_000;
  if (podRunningTimeoutMs <= 0) throw new UsageError('--pod-running-timeout must be higher than zero');
  const session = await sessionFromFlags(args.flags, ctx.invokedAs, 'port-forward');
  const forwards: PortForwarder[] = [];
  try {
    // A forward opens a session into the pod: refused in read-only mode before any request.
    writeGateFromFlags(args.flags, session).enter('port-forward');
    const target = parseTarget(targetText, session.namespace);
    let stopRefused: (() => void) | undefined;
    let wasRefused = false;
    const refused = (): void => {
      wasRefused = true;
      stopRefused?.();
    };
    for (const spec of specs) {
      // Resolve first, so kubectl's sentences (pod not running, no such named port) come before any listener.
      const resolved = await resolveTarget(session, target, spec.remote, { podRunningTimeoutMs });
      const localPort = spec.local ?? (/^\d+$/.test(spec.remote) ? Number(spec.remote) : podPort(resolved.pod, spec.remote));
      const f = await forwardPort({
        session,
        namespace: target.namespace,
        target,
        remotePort: spec.remote,
        localPort,
        address,
        podRunningTimeoutMs,
        resolved,
        onEvent: (e) => {
          if (e.type === 'connection') process.stdout.write(`Handling connection for ${e.localPort}\n`);
          else if (e.type === 'error') {
            // The server's sentence as it is (it starts "Error from server"), others kubectl's way.
            process.stderr.write(`${/^(error|Error from server)/.test(e.message) ? '' : 'error: '}${e.message}\n`);
            // Refused for this user: every connection would be, so stop as kubectl does (exit 1).
            if (e.fatal) refused();
          } else process.stderr.write(`Forwarding to pod ${e.pod} (port ${e.remotePort}) now: the previous pod went away\n`);
        },
      });
      forwards.push(f);
      const st = f.state();
      for (const where of st.listening) process.stdout.write(`Forwarding from ${where} -> ${st.remotePort}\n`);
    }
    if (wasRefused) return 1;
    const ended = await new Promise<number>((resolve) => {
      process.once('SIGINT', () => resolve(0));
      process.once('SIGTERM', () => resolve(0));
      stopRefused = () => resolve(1);
    });
    return ended;
  } finally {
    await Promise.all(forwards.map((f) => f.stop()));
    await session.close();
  }
}
