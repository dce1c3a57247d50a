/**
 * Attach to a container's own process (pods/attach), as `kubectl attach` does: its output from
 * now on, stdin forwarded when asked, the terminal raw and its size sent when the container has a
 * tty. Resolves when the container's output ends (status channel) or the user detaches.
 */
import { WebSocketHandler } from '@kubernetes/client-node/dist/web-socket-handler.js';
import type { V1Status } from '@kubernetes/client-node/dist/gen/models/V1Status.js';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import type { KubeObject } from '../object.ts';
import type { KubeSession } from '../session.ts';
import { KxError } from '../errors.ts';
import { exitCodeOf, type ExecResult } from './exec-command.ts';
import type { TerminalStreams } from './shell.ts';
import { upgradeError } from './upgrade-error.ts';

/** Where to attach and which streams to wire. */
export interface AttachRequest {
  session: KubeSession;
  namespace: string;
  pod: string;
  container: string;
  stdin: Readable | null;
  stdout: Writable | null;
  stderr: Writable | null;
  /** The container's tty (attach cannot choose one: the process started with or without it). */
  tty: boolean;
  /** Aborting detaches: the socket closes, the container keeps running. */
  detach?: AbortSignal;
}

/** How an attach ended: the server's status, or the user detached. */
export interface AttachResult extends ExecResult {
  detached: boolean;
}

/** The stdin and tty flags of a container's spec (regular, init or ephemeral). */
export function containerStdio(pod: KubeObject, container: string): { stdin: boolean; tty: boolean } | undefined {
  const spec = (pod['spec'] ?? {}) as Record<string, { name: string; stdin?: boolean; tty?: boolean }[] | undefined>;
  const c = [...(spec['containers'] ?? []), ...(spec['initContainers'] ?? []), ...(spec['ephemeralContainers'] ?? [])].find((x) => x.name === container);
  return c ? { stdin: c.stdin === true, tty: c.tty === true } : undefined;
}

/** kubectl's check before it asks the server: a pod that has finished has nothing to attach to. */
export function assertAttachable(pod: KubeObject): void {
  const phase = (pod['status'] as { phase?: string } | undefined)?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new KxError('invalid', `cannot attach a container in a completed pod; current phase is ${phase}`);
}

/** A terminal whose size can be read and watched. */
function sizedTerminal(stream: Writable | null): NodeJS.WriteStream | undefined {
  const s = stream as Partial<NodeJS.WriteStream> | null;
  return s && s.isTTY === true && typeof s.columns === 'number' && typeof s.rows === 'number' ? (stream as NodeJS.WriteStream) : undefined;
}

/** Attaches; rejects with a KxError when the server refuses (pod gone, container not running, forbidden). */
export async function attachToContainer(req: AttachRequest): Promise<AttachResult> {
  const query = new URLSearchParams({ container: req.container, stdin: String(req.stdin !== null), stdout: String(req.stdout !== null), stderr: String(req.stderr !== null), tty: String(req.tty) });
  const path = `/api/v1/namespaces/${encodeURIComponent(req.namespace)}/pods/${encodeURIComponent(req.pod)}/attach?${query.toString()}`;
  let status: V1Status | undefined;
  const handler = new WebSocketHandler(req.session.kubeConfig);
  let socket;
  try {
    socket = await handler.connect(path, null, (channel, data) => {
      if (channel === WebSocketHandler.StdoutStream) req.stdout?.write(data);
      else if (channel === WebSocketHandler.StderrStream) req.stderr?.write(data);
      else if (channel === WebSocketHandler.StatusStream) {
        status = JSON.parse(data.toString('utf8')) as V1Status;
        return false;
      }
      return true;
    });
  } catch (err) {
    throw await upgradeError(err, { session: req.session, namespace: req.namespace, pod: req.pod, plainPath: path, verb: 'attach to' });
  }
  const ws = socket;
  const send = (channel: number, data: Buffer): void => {
    if (ws.readyState === ws.OPEN) ws.send(Buffer.concat([Buffer.from([channel]), data]));
  };
  if (req.stdin) WebSocketHandler.handleStandardInput(ws, req.stdin, WebSocketHandler.StdinStream);
  const terminal = req.tty ? sizedTerminal(req.stdout) : undefined;
  const sendSize = (width: number, height: number): void => send(WebSocketHandler.ResizeStream, Buffer.from(JSON.stringify({ Width: width, Height: height })));
  const onResize = (): void => {
    if (terminal) sendSize(terminal.columns, terminal.rows);
  };
  if (terminal) {
    // kubectl's trick: one size bigger, then the real one, so a reattached program redraws.
    sendSize(terminal.columns + 1, terminal.rows + 1);
    onResize();
    terminal.on('resize', onResize);
  }
  let detached = false;
  const onDetach = (): void => {
    detached = true;
    ws.close(1000);
  };
  req.detach?.addEventListener('abort', onDetach, { once: true });
  try {
    await new Promise<void>((resolve) => {
      ws.once('close', () => resolve());
      ws.once('error', () => resolve());
      if (req.detach?.aborted) onDetach();
    });
  } finally {
    terminal?.off('resize', onResize);
    req.detach?.removeEventListener('abort', onDetach);
  }
  return { ...exitCodeOf(status), detached };
}

/** Ctrl-P then Ctrl-Q: docker's detach keys (kubectl has none; its users kill it instead). */
const ctrlP = 0x10;
const ctrlQ = 0x11;
const ctrlC = 0x03;

/** Splits keyboard input into what goes to the container and whether the user asked to detach. */
export function detachKeys(forwardCtrlC: boolean): (chunk: Buffer) => { forward: Buffer; detach: boolean } {
  let heldP = false;
  return (chunk) => {
    const out: number[] = [];
    for (const byte of chunk) {
      if (heldP) {
        heldP = false;
        if (byte === ctrlQ) return { forward: Buffer.from(out), detach: true };
        out.push(ctrlP);
      }
      if (byte === ctrlP) heldP = true;
      else if (byte === ctrlC && !forwardCtrlC) return { forward: Buffer.from(out), detach: true };
      else out.push(byte);
    }
    return { forward: Buffer.from(out), detach: false };
  };
}

/**
 * Attaches with the terminal: raw while attached (and always put back), keys forwarded when the
 * container reads stdin, ctrl-p ctrl-q detaches (ctrl-c too when nothing reads the keys).
 */
export async function runAttachSession(
  opts: { session: KubeSession; namespace: string; pod: string; container: string; stdin: boolean; tty: boolean },
  term: TerminalStreams = { stdin: process.stdin, stdout: process.stdout },
): Promise<AttachResult> {
  const { stdin, stdout } = term;
  const wasRaw = stdin.isTTY ? stdin.isRaw : false;
  // Through a PassThrough so that, afterwards, stdin can be let go without ending the real one.
  const input = new PassThrough();
  const detach = new AbortController();
  const split = detachKeys(opts.stdin);
  // Ink sets stdin's encoding, so chunks can arrive as strings: the detach keys look at bytes.
  const forward = (chunk: Buffer | string): void => {
    const { forward: keys, detach: leave } = split(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    if (opts.stdin && keys.length > 0) input.write(keys);
    if (leave) detach.abort();
  };
  try {
    if (stdin.isTTY) stdin.setRawMode(true);
    stdin.on('data', forward);
    stdin.resume();
    return await attachToContainer({
      session: opts.session,
      namespace: opts.namespace,
      pod: opts.pod,
      container: opts.container,
      stdin: opts.stdin ? input : null,
      stdout,
      // A raw terminal shows stderr through the tty; kubectl asks for no stderr then.
      stderr: opts.tty ? null : process.stderr,
      tty: opts.tty,
      detach: detach.signal,
    });
  } finally {
    stdin.off('data', forward);
    input.end();
    if (stdin.isTTY) stdin.setRawMode(wasRaw);
  }
}
