/** Helpers for port-forward tests: a free local port, a GET through a forward, a running `kubectl port-forward`. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { stdoutUntil } from './run-process.ts';

/** A TCP port nothing listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** GETs `path` on 127.0.0.1:port (no keep-alive) and resolves with status and body; rejects when the connection fails. */
export function httpGet(port: number, path = '/', host = '127.0.0.1'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = get({ host, port, path, agent: false, timeout: 10_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
  });
}

/** A `kubectl port-forward` (or `kx port-forward`) child, with what it has printed so far. */
export interface ForwardProcess {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/** Starts a forwarding process and resolves once it printed its `Forwarding from` lines (`lines` of them). */
export async function startForward(command: string, args: string[], lines = 1, env: NodeJS.ProcessEnv = process.env): Promise<ForwardProcess> {
  const child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const ready = stdoutUntil(child, (text) => text.split('\n').filter((l) => l.startsWith('Forwarding from')).length >= lines, 30_000);
  const ended = exited.then((code) => Promise.reject(new Error(`exited ${code} before forwarding: ${err}`)));
  await Promise.race([ready, ended]);
  ended.catch(() => undefined);
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Starts `kubectl port-forward ARGS` against a kubeconfig (no KUBECONFIG from the environment). */
export function kubectlForward(kubeconfig: string, args: string[], lines = 1): Promise<ForwardProcess> {
  return startForward('kubectl', [`--kubeconfig=${kubeconfig}`, 'port-forward', ...args], lines, { ...process.env, KUBECONFIG: '' });
}
