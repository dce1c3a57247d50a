/**
 * /portForward/{ns}/{pod} as the 1.20 kubelet serves it, behind the API server's upgrade proxy:
 * SPDY (`portforward.k8s.io`, kubectl's protocol) and the WebSocket channels (`v4.channel.k8s.io`,
 * `v4.base64.channel.k8s.io`, client-node's). The protocol code is the demo server's; only the
 * dialling is the fake kubelet's: the pod's declared containerPorts answer HTTP.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { servePortForwardChannels } from '../../../src/demo/server/portforward-channels.ts';
import { servePortForwardSpdy, type PortDialer } from '../../../src/demo/server/portforward-spdy.ts';
import { podHttpConnection, podListensOn, portClosedMessage } from './pod-http.ts';
import type { PodRun } from './pod-runtime.ts';

const channelProtocols = ['v4.channel.k8s.io', 'v4.base64.channel.k8s.io'];

const wss = new WebSocketServer({
  noServer: true,
  perMessageDeflate: false,
  handleProtocols: (offered) => channelProtocols.find((p) => offered.has(p)) ?? false,
});

/** Upgraded port-forward sockets, so stopping the kubelet can end them. */
const open = new Set<Duplex>();

/** Ends every port-forward connection (the kubelet is stopping). */
export function closePortForwards(): void {
  for (const socket of open) socket.destroy();
  open.clear();
}

function refuse(socket: Duplex, code: string, text: string): void {
  socket.end(`HTTP/1.1 ${code}\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${text}`);
}

/** Upgrades a port-forward request for `pod` (undefined: not on this kubelet) or refuses it like the kubelet. */
export function handlePortForward(req: IncomingMessage, socket: Duplex, head: Buffer, pod: PodRun | undefined, params: URLSearchParams): void {
  if (!pod) return refuse(socket, '404 Not Found', 'pod not found');
  open.add(socket);
  socket.once('close', () => open.delete(socket));
  const dial: PortDialer = (port) => {
    if (!podListensOn(pod, port)) throw new Error(portClosedMessage(pod, port));
    return podHttpConnection(pod, port);
  };
  const upgrade = String(req.headers.upgrade ?? '').toLowerCase();
  if (upgrade === 'spdy/3.1') {
    const versions = String(req.headers['x-stream-protocol-version'] ?? '')
      .split(',')
      .map((p) => p.trim());
    if (!versions.includes('portforward.k8s.io')) {
      return refuse(socket, '403 Forbidden', `unable to upgrade: unable to negotiate protocol: client supports [${versions.join(' ')}], server supports [portforward.k8s.io]`);
    }
    socket.write('HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\nX-Stream-Protocol-Version: portforward.k8s.io\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    return servePortForwardSpdy(socket, dial);
  }
  const offered = String(req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim());
  // A 1.20 kubelet knows no SPDY-over-WebSocket tunnel: refusing it is what makes kubectl 1.32 fall back to SPDY.
  if (upgrade !== 'websocket' || !channelProtocols.some((p) => offered.includes(p))) {
    return refuse(socket, '403 Forbidden', `requested protocol(s) are not supported: [${offered.join(' ')}]; supports [${channelProtocols.join(' ')}]`);
  }
  const ports = params
    .getAll('port')
    .flatMap((p) => p.split(','))
    .map(Number);
  wss.handleUpgrade(req, socket, head, (ws) => servePortForwardChannels(ws, ports, dial, ws.protocol === 'v4.base64.channel.k8s.io'));
}
