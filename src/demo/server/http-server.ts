/** The HTTP front: bearer-token check, routing to discovery or resource handlers, WebSocket upgrades. */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { Duplex } from 'node:stream';
import type { ServerContext } from './context.ts';
import { coreVersions, demoVersion, groupInfo, groupList, resourceList } from './discovery.ts';
import { DemoStatusError, statusOf, unknownResource } from './errors.ts';
import { handleAttachUpgrade } from './attach.ts';
import { handleExecUpgrade } from './exec.ts';
import { isIssuedToken, type IssuedTokens } from './token-request.ts';
import { isHealthPath, sendHealth } from './health.ts';
import { handlePortForwardUpgrade } from './portforward.ts';
import { sendError, sendJson } from './http-util.ts';
import { handleMetrics } from './metrics-handler.ts';
import { metricsGroup } from './metrics-resources.ts';
import { sendOpenApi } from './openapi.ts';
import { handleResource } from './resource-handler.ts';
import { route } from './router.ts';

const unauthorized = new DemoStatusError(401, 'Unauthorized', 'Unauthorized');

function authorized(req: IncomingMessage, token: string, issued: IssuedTokens): boolean {
  const header = req.headers.authorization ?? '';
  const m = /^Bearer\s+(.+)$/i.exec(header);
  if (!m) return false;
  const presented = (m[1] as string).trim();
  const given = Buffer.from(presented);
  const want = Buffer.from(token);
  return (given.length === want.length && timingSafeEqual(given, want)) || isIssuedToken(issued, presented);
}

/** Requests the server answered, by kind: what benchmarks read to show that an idle client only watches. */
interface RequestCounts {
  lists: number;
  watches: number;
  gets: number;
  writes: number;
  other: number;
  /** Lists of metrics.k8s.io (also counted in lists): what polling the usage costs. */
  metricsLists: number;
}

const counts = new WeakMap<ServerContext, RequestCounts>();

function countRequest(ctx: ServerContext, req: IncomingMessage, url: URL, r: ReturnType<typeof route>): void {
  let c = counts.get(ctx);
  if (!c) counts.set(ctx, (c = { lists: 0, watches: 0, gets: 0, writes: 0, other: 0, metricsLists: 0 }));
  const watch = url.searchParams.get('watch');
  if (req.method !== 'GET') c.writes++;
  else if (r.kind !== 'resource') c.other++;
  else if (watch === 'true' || watch === '1' || r.watchPath) c.watches++;
  else if (r.name === undefined) {
    c.lists++;
    if (r.def.group === metricsGroup) c.metricsLists++;
  } else c.gets++;
}

async function handle(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://demo');
  // Not a Kubernetes path: the demo's own request counters (GET /kx-demo/requests), for benchmarks.
  if (url.pathname === '/kx-demo/requests') {
    sendJson(res, 200, counts.get(ctx) ?? { lists: 0, watches: 0, gets: 0, writes: 0, other: 0, metricsLists: 0 });
    return;
  }
  const r = route(url.pathname, ctx.catalogue);
  countRequest(ctx, req, url, r);
  if (r.kind !== 'resource' && req.method !== 'GET' && req.method !== 'HEAD') throw unknownResource();
  if (ctx.frozen !== undefined && req.method !== 'GET' && req.method !== 'HEAD') {
    throw new DemoStatusError(405, 'MethodNotAllowed', `this API server serves a ${ctx.frozen}, which cannot change`);
  }
  switch (r.kind) {
    case 'version':
      sendJson(res, 200, ctx.version ?? demoVersion);
      return;
    case 'core-versions':
      sendJson(res, 200, coreVersions(ctx.address));
      return;
    case 'groups':
      sendJson(res, 200, groupList(ctx.catalogue));
      return;
    case 'group': {
      const doc = groupInfo(ctx.catalogue, r.group);
      if (!doc) throw unknownResource();
      sendJson(res, 200, doc);
      return;
    }
    case 'group-version':
      sendJson(res, 200, resourceList(ctx.catalogue, r.group, r.version));
      return;
    case 'openapi':
      sendOpenApi(ctx, req, res, r);
      return;
    case 'unknown':
      throw unknownResource();
    case 'resource':
      // metrics.k8s.io is computed on each read, never stored (metrics-server behind the aggregator).
      if (r.def.group === metricsGroup && ctx.frozen === undefined) handleMetrics(ctx, req.method ?? 'GET', res, r, url.searchParams);
      else await handleResource(ctx, req, res, r, url.searchParams);
      return;
    default: {
      const never: never = r;
      return never;
    }
  }
}

/**
 * Creates the server (not yet listening). One port speaks both plain HTTP and HTTPS: the first
 * byte of a connection (0x16, a TLS handshake) decides. HTTPS is there because kubectl only sends a
 * bearer token over TLS. Raw sockets are tracked so they can all be dropped at once.
 */
export function createDemoHttpServer(ctx: ServerContext, token: string, tls: { key: string; cert: string }): { server: Server; sockets: Set<Socket> } {
  const sockets = new Set<Socket>();
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://demo');
    if (isHealthPath(url.pathname) && (req.method === 'GET' || req.method === 'HEAD')) {
      try {
        sendHealth(res, url.pathname, url.searchParams);
      } catch (err) {
        sendError(res, err);
      }
      return;
    }
    if (!authorized(req, token, ctx.issuedTokens)) {
      sendError(res, unauthorized);
      return;
    }
    handle(ctx, req, res).catch((err: unknown) => sendError(res, err));
  };
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const refuse = (err: unknown): void => {
      const status = statusOf(err);
      const body = JSON.stringify(status);
      socket.end(`HTTP/1.1 ${status.code ?? 500} ${status.reason ?? 'Error'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    };
    if (!authorized(req, token, ctx.issuedTokens)) {
      refuse(unauthorized);
      return;
    }
    const url = new URL(req.url ?? '/', 'http://demo');
    const r = route(url.pathname, ctx.catalogue);
    const exec = r.kind === 'resource' && r.subresource === 'exec' && r.def.subresources.exec;
    const portforward = r.kind === 'resource' && r.subresource === 'portforward' && r.def.subresources.portforward;
    const attach = r.kind === 'resource' && r.subresource === 'attach' && r.def.subresources.attach === true;
    if (r.kind !== 'resource' || !(exec || portforward || attach) || r.name === undefined) {
      refuse(unknownResource());
      return;
    }
    try {
      if (portforward) handlePortForwardUpgrade(ctx, req, socket, head, r, url.searchParams);
      else if (attach) handleAttachUpgrade(ctx, req, socket, head, r, url.searchParams);
      else handleExecUpgrade(ctx, req, socket, head, r, url.searchParams);
    } catch (err) {
      refuse(err);
    }
  };
  const plain = createHttpServer(onRequest);
  const secure = createHttpsServer({ key: tls.key, cert: tls.cert, ALPNProtocols: ['http/1.1'] }, onRequest);
  plain.on('upgrade', onUpgrade);
  secure.on('upgrade', onUpgrade);
  // No Nagle, as a Go API server: otherwise a response written in two parts waits out the client's
  // delayed ACK (40 ms on Linux) before its second part leaves, on every first request.
  const server = createNetServer({ noDelay: true }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.once('data', (first: Buffer) => {
      if (first[0] !== 0x16) {
        socket.pause();
        socket.unshift(first);
        plain.emit('connection', socket);
        socket.resume();
        return;
      }
      // TLS reads a net.Socket's native handle directly, which would lose the byte already read:
      // hand it a plain Duplex over the socket instead.
      secure.emit('connection', duplexOver(socket, first));
    });
  });
  return { server, sockets };
}

/** A Duplex that replays `first` and then relays the socket both ways. */
function duplexOver(socket: Socket, first: Buffer): Duplex {
  const duplex = new Duplex({
    read() {
      socket.resume();
    },
    write(chunk: Buffer, _enc, cb) {
      socket.write(chunk, cb);
    },
    final(cb) {
      socket.end();
      cb();
    },
    destroy(err, cb) {
      socket.destroy();
      cb(err);
    },
  });
  duplex.push(first);
  socket.on('data', (d: Buffer) => {
    if (!duplex.push(d)) socket.pause();
  });
  socket.on('end', () => duplex.push(null));
  socket.on('close', () => duplex.destroy());
  return duplex;
}
