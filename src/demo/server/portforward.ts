/**
 * pods/portforward: validated like the apiserver (the pod exists and the kubelet runs it), then
 * served in whichever protocol the client asked for: SPDY tunnelled over WebSocket
 * (`SPDY/3.1+portforward.k8s.io`, what kubectl 1.32 tries first), the kubelet's WebSocket
 * channels (`v4.channel.k8s.io`, what client-node speaks) or a plain SPDY upgrade (kubectl's fallback).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, createWebSocketStream } from 'ws';
import type { ServerContext } from './context.ts';
import { getExisting } from './crud.ts';
import { DemoStatusError, badRequest } from './errors.ts';
import { servePortForwardChannels } from './portforward-channels.ts';
import { servePortForwardSpdy, type PortDialer } from './portforward-spdy.ts';
import type { ResourceRoute } from './router.ts';
import type { KubeObject } from '../../kube/object.ts';

const tunnelProtocol = 'SPDY/3.1+portforward.k8s.io';
// `/` is not a token character, so the ws package refuses the tunnel's subprotocol as offered: it
// negotiates this stand-in instead, and the response names the real one again.
const tunnelToken = 'SPDY-3.1-portforward.k8s.io';
const channelProtocols = ['v4.channel.k8s.io', 'v4.base64.channel.k8s.io'];

const wss = new WebSocketServer({
  noServer: true,
  perMessageDeflate: false,
  handleProtocols: (offered) => [tunnelToken, ...channelProtocols].find((p) => offered.has(p)) ?? false,
});
wss.on('headers', (headers) => {
  const at = headers.indexOf(`Sec-WebSocket-Protocol: ${tunnelToken}`);
  if (at >= 0) headers[at] = `Sec-WebSocket-Protocol: ${tunnelProtocol}`;
});

/** What the apiserver and kubelet check before a port-forward upgrades: the pod exists and runs. */
export function validatePortForward(ctx: ServerContext, route: ResourceRoute, _query: URLSearchParams): KubeObject {
  const pod = getExisting(ctx, route);
  ctx.runtime()?.checkPortForward?.({ namespace: pod.metadata.namespace ?? '', pod: pod.metadata.name });
  return pod;
}

/** The ports of a WebSocket channel request (`ports=` from the API, `port=` as the kubelet names it), checked like the kubelet. */
function requestedPorts(query: URLSearchParams): number[] {
  const raw = [...query.getAll('ports'), ...query.getAll('port')];
  if (raw.length === 0) throw badRequest('query parameter "port" is required');
  const out: number[] = [];
  for (const value of raw) {
    if (value === '') throw badRequest('query parameter "port" cannot be empty');
    for (const p of value.split(',')) {
      const n = Number(p);
      if (!/^\d+$/.test(p) || n > 65535) throw badRequest(`unable to parse "${value}" as a port: strconv.ParseUint: parsing "${p}": invalid syntax`);
      if (n < 1) throw badRequest(`port "${value}" must be > 0`);
      out.push(n);
    }
  }
  return out;
}

/** Validates the request, then upgrades it; throws (before upgrading) what the apiserver would answer. */
export function handlePortForwardUpgrade(ctx: ServerContext, req: IncomingMessage, socket: Duplex, head: Buffer, route: ResourceRoute, query: URLSearchParams): void {
  const pod = validatePortForward(ctx, route, query);
  const runtime = ctx.runtime();
  if (!runtime?.connectPort) throw new DemoStatusError(400, 'BadRequest', `unable to upgrade connection: pod not found ("${pod.metadata.name}_${pod.metadata.namespace ?? ''}")`);
  const connect = runtime.connectPort.bind(runtime);
  const dial: PortDialer = (port) => connect({ namespace: pod.metadata.namespace ?? '', pod: pod.metadata.name, uid: pod.metadata.uid, port });
  const upgrade = String(req.headers.upgrade ?? '').toLowerCase();
  if (upgrade === 'spdy/3.1') {
    if (
      !String(req.headers['x-stream-protocol-version'] ?? '')
        .split(',')
        .map((p) => p.trim())
        .includes('portforward.k8s.io')
    ) {
      throw new DemoStatusError(403, 'Forbidden', 'unable to upgrade: unable to negotiate protocol: client supports [], server supports [portforward.k8s.io]');
    }
    socket.write('HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\nX-Stream-Protocol-Version: portforward.k8s.io\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    servePortForwardSpdy(socket, dial);
    return;
  }
  if (upgrade !== 'websocket') throw badRequest('unable to upgrade: unknown upgrade protocol');
  const offered = String(req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim());
  const tunnel = offered.includes(tunnelProtocol);
  if (!tunnel && !channelProtocols.some((p) => offered.includes(p))) throw badRequest(`unable to upgrade: no supported subprotocol among: [${offered.join(' ')}]`);
  const ports = tunnel ? [] : requestedPorts(query);
  if (tunnel) req.headers['sec-websocket-protocol'] = tunnelToken;
  wss.handleUpgrade(req, socket, head, (ws) => {
    if (ws.protocol === tunnelToken) {
      const stream = createWebSocketStream(ws);
      stream.on('error', () => stream.destroy());
      servePortForwardSpdy(stream, dial);
    } else {
      servePortForwardChannels(ws, ports, dial, ws.protocol === 'v4.base64.channel.k8s.io');
    }
  });
}
