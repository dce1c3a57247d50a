/**
 * A running port-forward: local listeners (127.0.0.1 and ::1 by default, as kubectl), one stream
 * to the pod per accepted connection, counters, and — beyond kubectl — re-resolution: a forward to
 * a Service or workload moves to another running pod when its pod goes away (a refused upgrade, a
 * stream the kubelet ends with "not found", or the periodic check of the pod).
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { KubeSession } from '../session.ts';
import type { KubeObject } from '../object.ts';
import { KxError, toKxError } from '../errors.ts';
import { openPortStream, type PortStreamEnd } from './port-stream.ts';
import { resolveTarget, targetText, type ForwardTarget, type ResolvedTarget } from './resolve-target.ts';

/** Where a forward stands, for a one-shot's messages and the TUI's list. */
export interface ForwardState {
  state: 'forwarding' | 'resolving' | 'stopped';
  /** What was asked for: `pod/web-abc`, `deployment/web`. */
  target: string;
  namespace: string;
  /** The pod connections go to now. */
  pod: string;
  remotePort: number;
  localPort: number;
  /** Where it listens, as kubectl prints them: `127.0.0.1:8080`, `[::1]:8080`. */
  listening: string[];
  /** How many times it moved to another pod. */
  reresolved: number;
  connections: number;
  active: number;
  bytesIn: number;
  bytesOut: number;
  lastError?: string | undefined;
}

/** What happens while forwarding, for a one-shot to print. */
/** `fatal`: no later connection can succeed either (the server refuses this user the forward), as kubectl exits then. */
export type ForwardEvent = { type: 'connection'; localPort: number } | { type: 'error'; message: string; fatal?: boolean } | { type: 'reresolved'; pod: string; remotePort: number };

/** What to forward: a pod by name, or any target kubectl port-forward accepts. */
export interface ForwardPortOptions {
  session: KubeSession;
  namespace: string;
  /** A pod by name (shorthand for target pod/NAME). */
  pod?: string;
  target?: ForwardTarget;
  /** The remote port: a number or a container (or Service) port name. */
  remotePort: number | string;
  /** 0 or undefined: the OS picks one. */
  localPort?: number | undefined;
  /** Addresses to listen on (kubectl's --address); `localhost` means 127.0.0.1 and ::1. Default ['localhost']. */
  address?: string[] | undefined;
  podRunningTimeoutMs?: number | undefined;
  /** How often the pod is checked for a forward that can re-resolve (ms); 0 turns it off. */
  checkEveryMs?: number | undefined;
  /** An already resolved target (the one-shot resolves first to print kubectl's errors before listening). */
  resolved?: ResolvedTarget | undefined;
  onEvent?: ((e: ForwardEvent) => void) | undefined;
}

/** A listen failure as kubectl words the Go error: `listen tcp4 127.0.0.1:8080: bind: address already in use`. */
function listenError(err: NodeJS.ErrnoException, host: string, port: number): string {
  const v6 = host.includes(':');
  const where = `listen tcp${v6 ? '6' : '4'} ${v6 ? `[${host}]` : host}:${port}`;
  const why: Record<string, string> = { EADDRINUSE: 'bind: address already in use', EACCES: 'bind: permission denied', EADDRNOTAVAIL: 'bind: cannot assign requested address' };
  return `${where}: ${why[err.code ?? ''] ?? err.message}`;
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => reject(new Error(listenError(err, host, port)));
    server.once('error', onError);
    server.listen({ host, port, ipv6Only: host.includes(':') }, () => {
      server.off('error', onError);
      resolve((server.address() as { port: number }).port);
    });
  });
}

function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** A forward that listens and relays until stopped. */
export class PortForwarder {
  private readonly servers: Server[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly target: ForwardTarget;
  private current: ResolvedTarget | undefined;
  private resolving: Promise<ResolvedTarget> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly info: ForwardState;

  private constructor(private readonly opts: ForwardPortOptions) {
    const target = opts.target ?? (opts.pod ? { kind: 'pod' as const, name: opts.pod, namespace: opts.namespace } : undefined);
    if (!target) throw new KxError('invalid', 'a port-forward needs a pod or a target');
    this.target = target;
    this.info = {
      state: 'forwarding',
      target: targetText(target),
      namespace: target.namespace,
      pod: '',
      remotePort: 0,
      localPort: opts.localPort ?? 0,
      listening: [],
      reresolved: 0,
      connections: 0,
      active: 0,
      bytesIn: 0,
      bytesOut: 0,
    };
  }

  /** Resolves the target (unless given), listens, and starts relaying; rejects with one sentence. */
  static async start(opts: ForwardPortOptions): Promise<PortForwarder> {
    const f = new PortForwarder(opts);
    f.use(opts.resolved ?? (await resolveTarget(opts.session, f.target, String(opts.remotePort), { podRunningTimeoutMs: opts.podRunningTimeoutMs })));
    await f.listenAll();
    const every = opts.checkEveryMs ?? 2000;
    if (f.target.kind !== 'pod' && every > 0) {
      f.timer = setInterval(() => void f.check(), every);
      f.timer.unref();
    }
    return f;
  }

  /** A snapshot of the forward's state and counters. */
  state(): ForwardState {
    return { ...this.info, listening: [...this.info.listening] };
  }

  /** Stops listening and drops every connection. */
  async stop(): Promise<void> {
    if (this.info.state === 'stopped') return;
    this.info.state = 'stopped';
    if (this.timer) clearInterval(this.timer);
    for (const s of this.sockets) s.destroy();
    await Promise.all(this.servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
  }

  private use(r: ResolvedTarget): void {
    this.current = r;
    this.info.pod = r.pod.metadata.name;
    this.info.remotePort = r.remotePort;
  }

  private async listenAll(): Promise<void> {
    const wanted = this.opts.address && this.opts.address.length > 0 ? this.opts.address : ['localhost'];
    const hosts: { host: string; mustSucceed: boolean }[] = [];
    for (const a of wanted) {
      // kubectl: localhost is two listeners of which one may fail; a named address must listen.
      if (a === 'localhost') hosts.push({ host: '127.0.0.1', mustSucceed: false }, { host: '::1', mustSucceed: false });
      else hosts.push({ host: a, mustSucceed: true });
    }
    let port = this.opts.localPort ?? this.current?.remotePort ?? 0;
    const failures: string[] = [];
    for (const { host, mustSucceed } of hosts) {
      const server = createServer({ allowHalfOpen: true }, (socket) => void this.accept(socket));
      try {
        port = await listen(server, host, port);
        this.servers.push(server);
        this.info.listening.push(hostPort(host, port));
      } catch (err) {
        failures.push((err as Error).message);
        if (mustSucceed) break;
      }
    }
    this.info.localPort = port;
    const strict = hosts.some((h) => h.mustSucceed);
    if (failures.length > 0 && (strict || this.servers.length === 0)) {
      await this.stop();
      throw new KxError('invalid', `unable to listen on port ${port}: ${failures.join('; ')}`);
    }
  }

  private emit(e: ForwardEvent): void {
    if (e.type === 'error') this.info.lastError = e.message;
    this.opts.onEvent?.(e);
  }

  /** Finds another pod for a Service or workload target (one resolution at a time). */
  private reresolve(gone: string): Promise<ResolvedTarget> {
    this.resolving ??= (async () => {
      this.info.state = 'resolving';
      try {
        const r = await resolveTarget(this.opts.session, this.target, String(this.opts.remotePort), { podRunningTimeoutMs: this.opts.podRunningTimeoutMs, avoidPod: gone });
        this.use(r);
        this.info.reresolved++;
        this.emit({ type: 'reresolved', pod: r.pod.metadata.name, remotePort: r.remotePort });
        return r;
      } finally {
        this.resolving = undefined;
        if (this.info.state === 'resolving') this.info.state = 'forwarding';
      }
    })();
    return this.resolving;
  }

  /** The periodic check: is the pod still there and running? */
  private async check(): Promise<void> {
    const pod = this.current?.pod.metadata.name;
    if (!pod || this.resolving || this.info.state === 'stopped') return;
    let gone: boolean;
    try {
      const now = await this.opts.session.client.get<KubeObject>(`/api/v1/namespaces/${encodeURIComponent(this.target.namespace)}/pods/${encodeURIComponent(pod)}`);
      gone = now.metadata.uid !== this.current?.pod.metadata.uid || Boolean(now.metadata.deletionTimestamp) || (now['status'] as { phase?: string } | undefined)?.phase !== 'Running';
    } catch (err) {
      gone = toKxError(err).code === 404;
    }
    if (gone) await this.reresolve(pod).catch((err: unknown) => this.emit({ type: 'error', message: toKxError(err).message }));
  }

  private async accept(socket: Socket): Promise<void> {
    this.sockets.add(socket);
    this.info.connections++;
    this.info.active++;
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.info.active--;
    });
    // Hold what the client sends until the stream is up.
    socket.pause();
    this.emit({ type: 'connection', localPort: this.info.localPort });
    const canMove = this.target.kind !== 'pod';
    try {
      let target = this.resolving ? await this.resolving : (this.current as ResolvedTarget);
      let ended: { ended: Promise<PortStreamEnd> };
      try {
        ended = await this.open(socket, target);
      } catch (err) {
        const e = toKxError(err);
        // The pod went away (404) or stopped running (400): a Service or workload has others.
        if (!canMove || (e.code !== 404 && e.code !== 400)) throw e;
        target = await this.reresolve(target.pod.metadata.name);
        ended = await this.open(socket, target);
      }
      socket.resume();
      const end = await ended.ended;
      if (end.error) {
        this.emit({ type: 'error', message: `an error occurred forwarding ${this.info.localPort} -> ${target.remotePort}: ${end.error}` });
        if (canMove && /failed to find sandbox|not found/.test(end.error)) void this.reresolve(target.pod.metadata.name).catch(() => undefined);
      }
    } catch (err) {
      const e = toKxError(err);
      this.emit({ type: 'error', message: e.message, fatal: e.kind === 'forbidden' || e.kind === 'unauthorized' });
      socket.destroy();
    }
  }

  private open(socket: Socket, target: ResolvedTarget): Promise<{ ended: Promise<PortStreamEnd> }> {
    return openPortStream({
      session: this.opts.session,
      namespace: this.target.namespace,
      pod: target.pod.metadata.name,
      port: target.remotePort,
      local: socket,
      onBytesIn: (n) => (this.info.bytesIn += n),
      onBytesOut: (n) => (this.info.bytesOut += n),
    });
  }
}

/** Starts a port-forward (kubectl port-forward's behaviour, plus re-resolution for Services and workloads). */
export function forwardPort(opts: ForwardPortOptions): Promise<PortForwarder> {
  return PortForwarder.start(opts);
}
