/** pods/exec over WebSocket (v5/v4/v1 channel.k8s.io): a channel byte prefixes every frame. */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import type { ExecSession } from '../types.ts';
import type { ServerContext } from './context.ts';
import { getExisting } from './crud.ts';
import { DemoStatusError, badRequest } from './errors.ts';
import { queryBool } from './http-util.ts';
import { resolveContainer } from './logs.ts';
import type { ResourceRoute } from './router.ts';

/** Subprotocols in order of preference. */
const protocols = ['v5.channel.k8s.io', 'v4.channel.k8s.io', 'channel.k8s.io'];

const enum Channel {
  Stdin = 0,
  Stdout = 1,
  Stderr = 2,
  Error = 3,
  Resize = 4,
  Close = 255,
}

const wss = new WebSocketServer({
  noServer: true,
  perMessageDeflate: false,
  handleProtocols: (offered) => protocols.find((p) => offered.has(p)) ?? false,
});

/** The status frame of a finished command, as the kubelet writes it (v4+). */
export function exitStatus(code: number, command: string[]): object {
  if (code === 0) return { metadata: {}, status: 'Success' };
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${code}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
  };
}

/**
 * What the apiserver checks before it upgrades an exec request (the pod, the container, a pod
 * that can take an exec): a plain request and an upgrade get the same sentence.
 */
export function validateExec(ctx: ServerContext, route: ResourceRoute, query: URLSearchParams): { pod: ReturnType<typeof getExisting>; container: string } {
  const pod = getExisting(ctx, route);
  const container = resolveContainer(pod, query.get('container'));
  ctx.runtime()?.checkExec?.({ namespace: pod.metadata.namespace ?? '', pod: pod.metadata.name, container });
  return { pod, container };
}

/** Validates the request, starts the process, then upgrades the connection; throws before upgrading on errors. */
export function handleExecUpgrade(ctx: ServerContext, req: IncomingMessage, socket: Duplex, head: Buffer, route: ResourceRoute, query: URLSearchParams): void {
  // The pod and container are checked before the protocol, as the apiserver validates the
  // request before it upgrades: kubectl's SPDY fallback then gets the same sentence.
  const { pod, container } = validateExec(ctx, route, query);
  const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  const command = query.getAll('command');
  if (command.length === 0) throw badRequest('you must specify at least one command for the container');
  const tty = queryBool(query, 'tty');
  const wantStdin = queryBool(query, 'stdin') || queryBool(query, 'input');
  const wantStdout = queryBool(query, 'stdout') || queryBool(query, 'output');
  const wantStderr = (queryBool(query, 'stderr') || queryBool(query, 'error')) && !tty;
  if (!wantStdin && !wantStdout && !wantStderr) throw badRequest('you must specify at least 1 of stdin, stdout, stderr');
  const runtime = ctx.runtime();
  if (!runtime) throw new DemoStatusError(400, 'BadRequest', `container ${container} is not valid for pod ${pod.metadata.name}`);
  assertSubprotocol(offered);
  const session = runtime.exec({ namespace: pod.metadata.namespace ?? '', pod: pod.metadata.name, container, command, tty });
  wss.handleUpgrade(req, socket, head, (ws) => serveChannels(ws, session, { wantStdout, wantStderr }, (code) => exitStatus(code, command)));
}

/** Throws the apiserver's refusal when the client offers none of the channel protocols. */
export function assertSubprotocol(offered: string[]): void {
  if (!protocols.some((p) => offered.includes(p))) throw badRequest(`unable to upgrade: no supported subprotocol among: [${offered.join(' ')}]`);
}

/** Completes the WebSocket handshake for a validated exec or attach request. */
export function upgradeChannels(req: IncomingMessage, socket: Duplex, head: Buffer, open: (ws: WebSocket) => void): void {
  wss.handleUpgrade(req, socket, head, open);
}

/**
 * Wires a process to the channels: its output to 1 and 2, 0 and 4 to its stdin and size; when it
 * ends, `status(code)` goes on channel 3 and the socket closes.
 */
export function serveChannels(ws: WebSocket, session: ExecSession, want: { wantStdout: boolean; wantStderr: boolean }, status: (code: number) => object): void {
  let finished = false;
  const send = (channel: Channel, data: Buffer): void => {
    if (ws.readyState === ws.OPEN) ws.send(Buffer.concat([Buffer.from([channel]), data]));
  };
  session.onStdout((data) => {
    if (want.wantStdout) send(Channel.Stdout, data);
  });
  session.onStderr((data) => {
    if (want.wantStderr) send(Channel.Stderr, data);
  });
  session.onExit((code) => {
    if (finished) return;
    finished = true;
    send(Channel.Error, Buffer.from(JSON.stringify(status(code))));
    // Close with 1000 after the status, or kubectl reports "close 1005 (no status)".
    ws.close(1000);
  });
  ws.on('message', (raw: RawData) => {
    const data = Array.isArray(raw) ? Buffer.concat(raw) : Buffer.from(raw as ArrayBuffer);
    if (data.length === 0) return;
    const channel = data[0];
    const payload = data.subarray(1);
    switch (channel) {
      case Channel.Stdin:
        if (payload.length > 0) session.write(payload);
        return;
      case Channel.Resize:
        try {
          const size = JSON.parse(payload.toString('utf8')) as { Width?: number; Height?: number };
          if (size.Width && size.Height) session.resize(size.Width, size.Height);
        } catch {
          // A garbled resize is ignored, as the kubelet does.
        }
        return;
      case Channel.Close:
        if (payload[0] === Channel.Stdin) session.closeStdin?.();
        return;
      default:
        return;
    }
  });
  ws.on('close', () => {
    if (!finished) {
      finished = true;
      session.kill();
    }
  });
  ws.on('error', () => ws.terminate());
}
