/**
 * A TCP proxy on loopback that can play a dead network path: while frozen every connection (open
 * or new) stays open but no byte moves in either direction, like a NAT or firewall that dropped
 * the flow without a reset. Bytes held during the freeze are delivered in order on thaw.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

/** A running proxy. */
export interface FreezableProxy {
  /** The port on 127.0.0.1 clients connect to. */
  port: number;
  /** Stops forwarding in both directions; sockets stay open. */
  freeze(): void;
  /** Delivers what was held and forwards again. */
  thaw(): void;
  /** Connections accepted so far. */
  connections(): number;
  /** Closes the listener and every connection. */
  close(): Promise<void>;
}

/** One direction of a connection: queues chunks while frozen. */
class Pipe {
  held: Buffer[] = [];
  constructor(
    readonly to: Socket,
    readonly frozen: () => boolean,
  ) {}
  push(chunk: Buffer): void {
    if (this.frozen() || this.held.length > 0) this.held.push(chunk);
    else if (!this.to.destroyed) this.to.write(chunk);
  }
  flush(): void {
    for (const chunk of this.held.splice(0)) if (!this.to.destroyed) this.to.write(chunk);
  }
}

/** Starts a proxy from 127.0.0.1:random to `target` (host:port). */
export async function startFreezableProxy(target: { host: string; port: number }): Promise<FreezableProxy> {
  let frozen = false;
  let accepted = 0;
  const pipes = new Set<Pipe>();
  const sockets = new Set<Socket>();
  const onThaw: (() => void)[] = [];
  const whenThawed = (fn: () => void): void => void (frozen ? onThaw.push(fn) : fn());
  const server: Server = createServer((client) => {
    accepted++;
    const upstream = connect(target.port, target.host);
    const up = new Pipe(upstream, () => frozen);
    const down = new Pipe(client, () => frozen);
    pipes.add(up).add(down);
    sockets.add(client).add(upstream);
    client.on('data', (c: Buffer) => up.push(c));
    upstream.on('data', (c: Buffer) => down.push(c));
    // An end, error or close on one side reaches the other only when the path works: a dead path
    // carries no FIN or RST either. Held bytes go through first.
    client.on('end', () => whenThawed(() => (up.flush(), upstream.end())));
    upstream.on('end', () => whenThawed(() => (down.flush(), client.end())));
    const drop = (): void => {
      up.flush();
      down.flush();
      client.destroy();
      upstream.destroy();
      pipes.delete(up);
      pipes.delete(down);
      sockets.delete(client);
      sockets.delete(upstream);
    };
    for (const s of [client, upstream]) s.on('error', () => whenThawed(drop)).on('close', () => whenThawed(drop));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The proxy has no TCP address.');
  return {
    port: address.port,
    freeze() {
      frozen = true;
    },
    thaw() {
      frozen = false;
      for (const p of pipes) p.flush();
      for (const fn of onThaw.splice(0)) fn();
    },
    connections: () => accepted,
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
