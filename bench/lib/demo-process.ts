/**
 * The demo cluster in its own process (`kx demo`), so that the clients measured (kx, kubectl)
 * and the server do not share an event loop, and the server's counters can be read over HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A running demo cluster. */
export interface DemoProcess {
  kubeconfig: string;
  /** The server's plain-HTTP base URL (the demo serves HTTP and HTTPS on one port). */
  base: string;
  pid: number;
  requests(): Promise<{ lists: number; watches: number; gets: number; writes: number; other: number; metricsLists: number }>;
  stop(): Promise<void>;
}

/** Starts `kx demo --pods extraPods` and waits until it prints its kubeconfig. */
export async function startDemoProcess(root: string, dir: string, opts: { extraPods: number; churn: boolean; logRate?: number }): Promise<DemoProcess> {
  const kubeconfig = join(dir, `demo-${opts.extraPods}${opts.logRate ? `-flood-${opts.logRate}` : ''}.yaml`);
  const args = [
    join(root, 'bin', 'kx'),
    'demo',
    '--pods',
    String(opts.extraPods),
    '--kubeconfig',
    kubeconfig,
    ...(opts.churn ? [] : ['--no-churn']),
    ...(opts.logRate ? ['--log-rate', String(opts.logRate)] : []),
  ];
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kx demo did not start in 120 s:\n${out}`)), 120_000);
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      if (/kubeconfig: /.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    child.once('exit', (code) => reject(new Error(`kx demo exited with ${code}:\n${out}`)));
  });
  const config = readFileSync(kubeconfig, 'utf8');
  const server = /server: (https:\/\/[^\s]+)/.exec(config)?.[1] ?? '';
  const token = /token: (\S+)/.exec(config)?.[1] ?? '';
  const base = server.replace('https://', 'http://');
  return {
    kubeconfig,
    base,
    pid: child.pid!,
    async requests() {
      const res = await fetch(`${base}/kx-demo/requests`, { headers: { authorization: `Bearer ${token}` } });
      return (await res.json()) as { lists: number; watches: number; gets: number; writes: number; other: number; metricsLists: number };
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 300));
    },
  };
}
