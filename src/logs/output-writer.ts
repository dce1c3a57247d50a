/**
 * Writes whole chunks of lines to stdout with back-pressure: a full pipe makes write() return a
 * promise that settles on 'drain', so kx stops reading the streams instead of buffering without
 * bound. A closed pipe (`kx logs … | head`) is noted, not thrown: the command ends quietly.
 */
import type { Writable } from 'node:stream';

/** A back-pressured, broken-pipe-aware writer around one output stream. */
export class OutputWriter {
  readonly #out: Writable;
  #broken = false;
  #waiters: (() => void)[] = [];

  constructor(out: Writable) {
    this.#out = out;
    out.on('error', this.#onError);
    out.on('drain', this.#release);
  }

  /** True once the reader went away (EPIPE): stop producing, exit 0. */
  get broken(): boolean {
    return this.#broken;
  }

  /** Writes `chunk`; returns a promise to await before the next write when the stream is full. */
  write(chunk: string): Promise<void> | undefined {
    if (this.#broken || chunk === '') return undefined;
    let ok: boolean;
    try {
      ok = this.#out.write(chunk);
    } catch (err) {
      this.#onError(err);
      return undefined;
    }
    if (ok || this.#broken) return undefined;
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** Resolves when everything written so far has been handed to the OS (or the pipe broke). */
  flush(): Promise<void> {
    if (this.#broken || this.#out.writableLength === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        this.#out.off('drain', done);
        this.#out.off('error', done);
        resolve();
      };
      this.#out.once('drain', done);
      this.#out.once('error', done);
      // The callback of an empty write runs after everything queued before it.
      this.#out.write('', done);
    });
  }

  /** Stops listening to the stream (the writer must not be used afterwards). */
  detach(): void {
    this.#out.off('error', this.#onError);
    this.#out.off('drain', this.#release);
    this.#release();
  }

  #onError = (err: unknown): void => {
    const code = (err as { code?: unknown } | undefined)?.code;
    // Any write error means nobody reads what follows; a closed pipe is the expected one.
    this.#broken = true;
    if (code !== 'EPIPE' && code !== 'ERR_STREAM_DESTROYED' && process.env['KX_DEBUG']) process.stderr.write(`kx: output failed: ${String(err)}\n`);
    this.#release();
  };

  #release = (): void => {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const w of waiters) w();
  };
}
