/**
 * `kx logs`: opens a session from the global flags, turns the target into pods, follows them with
 * the log core and writes whole lines to stdout with back-pressure; notices go to stderr, one
 * sentence each. I/O comes in through LogsIo so tests can run it in-process.
 */
import type { Writable } from 'node:stream';
import { UsageError } from '../args.ts';
import { parseDuration } from '../duration-flag.ts';
import { setDefaultRequestTimeout } from '../../kube/api-client.ts';
import type { KubeSession } from '../../kube/session.ts';
import { startLogFollower } from '../../logs/log-follower.ts';
import { LogTargetTypeError, resolveLogTarget } from '../../logs/log-target.ts';
import type { LogNotice, PodSelection } from '../../logs/log-types.ts';
import { filterLines } from '../../logs/line-filter.ts';
import { OutputWriter } from '../../logs/output-writer.ts';
import { LineFormatter, useColor } from '../../logs/prefixer.ts';
import { logsHelpText } from './logs-help.ts';
import { parseLogsArgs, type LogsRequest } from './logs-args.ts';

/** Where `kx logs` reads and writes. */
export interface LogsIo {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
  env: Record<string, string | undefined>;
  invokedAs: string;
  /** Aborting ends a follow quietly (Ctrl-C): what was read is written, then exit 130. */
  signal?: AbortSignal;
}

/**
 * Runs `kx logs` and resolves with the exit code: 0 all written (or the pipe's reader left),
 * 1 some container's log could not be read. Fatal problems throw: UsageError (exit 2) or the
 * KxError in kubectl's words (exit 1), for the CLI's one error handler.
 */
export async function runLogs(argv: string[], io: LogsIo): Promise<number> {
  const request = parseLogsArgs(argv, io.invokedAs);
  if (request.help) {
    io.stdout.write(logsHelpText(io.invokedAs));
    return 0;
  }
  if (request.flags.demo) throw new UsageError(`kx logs does not start the demo cluster: run '${io.invokedAs} demo' and pass --kubeconfig with the path it prints`);
  // Loaded only now: the session's modules bring @kubernetes/client-node (a third of a second),
  // which --help and usage mistakes do not need.
  const [{ loadKubeconfig }, { openSession }] = await Promise.all([import('../../kube/kubeconfig.ts'), import('../../kube/session.ts')]);
  const timeout = parseDuration(request.flags.requestTimeout, '--request-timeout');
  if (timeout) setDefaultRequestTimeout(timeout);
  const session = await openSession(loadKubeconfig({ kubeconfig: request.flags.kubeconfig, env: io.env }), {
    context: request.flags.context,
    namespace: request.flags.namespace,
  });
  try {
    return await follow(session, request, io);
  } finally {
    await session.close();
  }
}

async function selectionOf(session: KubeSession, request: LogsRequest, namespace: string, signal: AbortSignal, invokedAs: string): Promise<PodSelection> {
  const fieldSelector = request.fieldSelector;
  if (request.podQuery !== undefined) {
    const query = `"${request.podQuery.source}"`;
    return { kind: 'selector', labelSelector: request.selector ?? '', fieldSelector, description: request.selector ? `${query} and ${request.selector}` : query };
  }
  if (request.selector !== undefined) return { kind: 'selector', labelSelector: request.selector, fieldSelector, description: request.selector };
  const target = request.target!;
  if (target.type === undefined) return { kind: 'pod', name: target.name };
  try {
    const selection = await resolveLogTarget(session.client, namespace, target.type, target.name, signal);
    if (fieldSelector === undefined) return selection;
    if (selection.kind === 'pod') throw new UsageError(`--field-selector and --node go with a pod query, TYPE/NAME or -l, not a pod name (see '${invokedAs} logs --help')`);
    return { ...selection, fieldSelector };
  } catch (err) {
    if (err instanceof LogTargetTypeError) throw new UsageError(`${err.message} (see '${invokedAs} logs --help')`);
    throw err;
  }
}

async function follow(session: KubeSession, request: LogsRequest, io: LogsIo): Promise<number> {
  const stop = new AbortController();
  const onAbort = (): void => stop.abort();
  io.signal?.addEventListener('abort', onAbort, { once: true });
  const allNamespaces = request.flags.allNamespaces && request.target === undefined;
  const namespace = session.namespace;
  const selection = await selectionOf(session, request, namespace, stop.signal, io.invokedAs);
  const formatter = new LineFormatter({
    // A workload or selector may grow more pods while following, so it is prefixed from the start.
    prefix: request.prefix === 'on' || (request.prefix === 'auto' && selection.kind === 'selector'),
    prefixStyle: request.prefix === 'on' ? 'kubectl' : 'stern',
    output: request.output,
    // eslint-disable-next-line react-hooks/rules-of-hooks -- useColor is a plain function (colour on or off), not a React hook
    color: useColor(io.stdout, io.env, request.color),
    timestamps: request.timestamps,
    namespace: allNamespaces,
  });
  const say = (sentence: string): void => void io.stderr.write(`${sentence}\n`);
  let timedOut = false;
  const runningTimer =
    request.podRunningTimeoutMs !== undefined && request.query.follow
      ? setTimeout(() => {
          // kubectl's words when no pod became ready to log in time.
          timedOut = true;
          say('error: timed out waiting for the condition');
          follower.stop();
        }, request.podRunningTimeoutMs)
      : undefined;
  const notices = noticePrinter(say, formatter, request.query.follow, selection, request.prefix === 'auto', () => clearTimeout(runningTimer));
  const follower = startLogFollower({
    client: session.client,
    namespace: allNamespaces ? undefined : namespace,
    selection,
    containers: request.containers,
    podName: request.podQuery,
    excludeContainers: request.excludeContainers,
    containerStates: request.containerStates,
    query: request.query,
    maxLogRequests: request.maxLogRequests,
    onNotice: notices,
  });
  const writer = new OutputWriter(io.stdout);
  stop.signal.addEventListener('abort', () => follower.stop(), { once: true });
  try {
    for (;;) {
      const batch = await follower.next();
      if (!batch) break;
      const wait = writer.write(formatter.formatBatch(filterLines(request.lines, batch)));
      if (wait) await wait;
      if (writer.broken) {
        // `kx logs … | head`: the reader has what it wanted; end quietly.
        follower.stop();
        return 0;
      }
    }
    await writer.flush();
  } finally {
    clearTimeout(runningTimer);
    follower.stop();
    writer.detach();
    io.signal?.removeEventListener('abort', onAbort);
  }
  if (io.signal?.aborted) return 130;
  if (timedOut) return 1;
  return follower.stats().failures > 0 && !request.ignoreErrors ? 1 : 0;
}

/** Turns the follower's notices into stderr sentences (and prefixes on for multi-container pods). */
function noticePrinter(say: (s: string) => void, formatter: LineFormatter, following: boolean, selection: PodSelection, autoPrefix: boolean, onStarted: () => void): (n: LogNotice) => void {
  let saidDefaulted = false;
  // One line in all: for a selection it names the first pod with several containers and speaks for all.
  const showing = selection.kind === 'pod' ? 'showing all of them' : 'showing all containers of every pod';
  return (n) => {
    switch (n.type) {
      case 'containers':
        if (n.containers.length > 1 && autoPrefix) formatter.options = { ...formatter.options, prefix: true };
        if (n.defaulted && !saidDefaulted) {
          saidDefaulted = true;
          say(`pod ${n.pod} has ${n.containers.length} containers (${n.containers.join(', ')}): ${showing}; use -c NAME for one`);
        }
        return;
      case 'waiting':
        say(`container "${n.origin.container}" in pod "${n.origin.pod}" is waiting to start: ${n.reason}; waiting for it`);
        return;
      case 'reconnecting':
        if (n.attempt === 1) say(`the log of container "${n.origin.container}" in pod "${n.origin.pod}" broke off (${n.reason}); resuming after the last line`);
        return;
      case 'podDeleted':
        if (following) say(`pod "${n.pod}" was deleted`);
        return;
      case 'error':
        say(/^(error|Error from server)/.test(n.error.message) ? n.error.message : `error: ${n.error.message}`);
        return;
      case 'skipped':
        say(n.message);
        return;
      case 'started':
        onStarted();
        return;
      case 'ended':
        return;
      default: {
        const never: never = n;
        return never;
      }
    }
  };
}
