/** Tracks open watch streams so tests can stall them (write nothing) or they can all be closed. */
import type { ServerResponse } from 'node:http';

/** One open watch response. */
export class WatchStream {
  private buffered: string[] = [];
  private closed = false;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly res: ServerResponse,
    private readonly hub: WatchHub,
  ) {
    hub.add(this);
    res.on('close', () => this.close());
  }

  /** True once the stream ended (by the server or the client). */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Writes one event line (held back while watches are stalled). */
  send(event: unknown): void {
    if (this.closed) return;
    const line = `${JSON.stringify(event)}\n`;
    if (this.hub.stalled) this.buffered.push(line);
    else this.res.write(line);
  }

  /** Writes what was held back during a stall. */
  flush(): void {
    if (this.closed || this.buffered.length === 0) return;
    const lines = this.buffered.join('');
    this.buffered = [];
    this.res.write(lines);
  }

  /** Runs `fn` when the stream closes (unsubscribe, clear timers). */
  onClose(fn: () => void): void {
    if (this.closed) fn();
    else this.cleanups.push(fn);
  }

  /** Ends the response cleanly (timeoutSeconds, 410, server shutdown). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.hub.remove(this);
    for (const fn of this.cleanups.splice(0)) fn();
    if (!this.res.writableEnded) this.res.end();
  }
}

/** All open watches of one server. */
export class WatchHub {
  stalled = false;
  private readonly streams = new Set<WatchStream>();

  add(s: WatchStream): void {
    this.streams.add(s);
  }

  remove(s: WatchStream): void {
    this.streams.delete(s);
  }

  /** Stalls or resumes every watch; resuming writes what was held back. */
  setStalled(stalled: boolean): void {
    this.stalled = stalled;
    if (!stalled) for (const s of this.streams) s.flush();
  }

  /** Closes every watch (server shutdown). */
  closeAll(): void {
    for (const s of [...this.streams]) s.close();
  }
}
