import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { WebSocketServer } from 'ws';
import { runAttachSession } from './attach-session.ts';
import { chooseProtocol } from './exec-protocol.ts';
import { runExecSession } from './exec-session.ts';
import { serveLogs } from './logs-handler.ts';
import { findContainer, type PodRun } from './pod-runtime.ts';
import { closePortForwards, handlePortForward } from './portforward-handler.ts';
import type { TlsPair } from './tls-cert.ts';

/** The kubelet's HTTPS endpoint as the API server's proxy sees it. */
export interface KubeletServer {
  port: number;
  close(): Promise<void>;
}

function route(url: string | undefined): { kind: string; parts: string[]; params: URLSearchParams } {
  const u = new URL(url ?? '/', 'https://kubelet');
  const [kind = '', ...parts] = u.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  return { kind, parts, params: u.searchParams };
}

/**
 * Serves /containerLogs (plain HTTPS), /exec and /attach (WebSocket upgrade) and /portForward
 * (SPDY or WebSocket) for pods on the fake nodes, on 127.0.0.1 with a self-signed certificate.
 * Exec runs a real process in `workRoot/ns/pod/container`.
 */
export async function startKubeletServer(tls: TlsPair, workRoot: string, find: (ns: string, pod: string) => PodRun | undefined): Promise<KubeletServer> {
  const server: Server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const { kind, parts } = route(req.url);
    if (req.method === 'GET' && kind === 'containerLogs') return serveLogs(req, res, parts, find);
    if (kind === 'healthz') return void res.end('ok');
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end(`fake kubelet: ${req.method} ${kind} is not supported`);
  });
  const wss = new WebSocketServer({ noServer: true, handleProtocols: (offered) => chooseProtocol(offered) });
  server.on('upgrade', (req, socket, head) => {
    const { kind, parts, params } = route(req.url);
    const [ns = '', podName = '', containerName = ''] = parts;
    const pod = find(ns, podName);
    if (kind === 'portForward') return handlePortForward(req, socket, head, pod, params);
    const run = pod && findContainer(pod, containerName);
    const running = run?.current !== undefined && run.current.finishedAt === undefined;
    if ((kind !== 'exec' && kind !== 'attach') || !pod || !run || !running) {
      const why = kind !== 'exec' && kind !== 'attach' ? `${kind} is not supported` : `container ${containerName} is not running`;
      socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${why}`);
      return;
    }
    const flag = (name: string): boolean => params.get(name) === '1' || params.get(name) === 'true';
    if (kind === 'attach') {
      const attachReq = { stdin: flag('input'), stdout: flag('output'), stderr: flag('error'), tty: flag('tty') };
      return void wss.handleUpgrade(req, socket, head, (ws) => runAttachSession(ws, pod, run, attachReq));
    }
    const cwd = join(workRoot, ns, podName, containerName);
    mkdirSync(cwd, { recursive: true });
    wss.handleUpgrade(req, socket, head, (ws) =>
      runExecSession(ws, {
        command: params.getAll('command'),
        stdin: params.get('input') === '1' || params.get('input') === 'true',
        tty: params.get('tty') === '1' || params.get('tty') === 'true',
        cwd,
        env: {
          PATH: process.env.PATH,
          HOME: cwd,
          HOSTNAME: podName,
          KX_NAMESPACE: ns,
          KX_POD: podName,
          KX_CONTAINER: containerName,
        },
      }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      for (const ws of wss.clients) ws.terminate();
      closePortForwards();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
