/**
 * Splits a streaming HTTP body into lines (one watch event or log line each), with an idle timer
 * that ends a connection that has gone silent: a half-open TCP connection never errors by itself.
 */
import type { ReadableStream, ReadableStreamReadResult } from 'node:stream/web';
import { describeSpan, KxError } from './errors.ts';

/** Lines of a streaming response; iterate once. close() ends the iteration without an error. */
export interface LineStream extends AsyncIterable<string> {
  close(): void;
}

/**
 * Wraps `body`: yields each complete line (without the newline, empty lines skipped), throws a
 * KxError when `signal` aborts or when nothing arrives for `idleTimeoutMs`.
 */
export function openLineStream(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal,
  idleTimeoutMs?: number,
  idleReason = 'IdleTimeout',
): LineStream {
  const reader = body.getReader();
  let closed = false;
  let idleError: KxError | undefined;
  let timer: NodeJS.Timeout | undefined;

  const armIdle = (): void => {
    if (idleTimeoutMs === undefined) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      idleError = new KxError('timeout', `no data from the server for ${describeSpan(idleTimeoutMs)}`, { reason: idleReason });
      void reader.cancel(idleError).catch(() => undefined);
    }, idleTimeoutMs);
  };
  const disarm = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  };

  async function* lines(): AsyncGenerator<string> {
    const decoder = new TextDecoder();
    let buffered = '';
    armIdle();
    try {
      for (;;) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (err) {
          if (closed) return;
          if (idleError) throw idleError;
          if (signal.aborted) {
            throw signal.reason instanceof KxError ? signal.reason : new KxError('aborted', 'the request was cancelled');
          }
          throw new KxError('unreachable', `the connection to the server was lost: ${describe(err)}`, { cause: err });
        }
        if (idleError) throw idleError;
        if (chunk.done) break;
        armIdle();
        buffered += decoder.decode(chunk.value, { stream: true });
        let newline = buffered.indexOf('\n');
        while (newline >= 0) {
          const line = buffered.slice(0, newline).replace(/\r$/, '');
          buffered = buffered.slice(newline + 1);
          if (line) yield line;
          if (closed) return;
          newline = buffered.indexOf('\n');
        }
      }
      buffered += decoder.decode();
      if (buffered.trim() && !closed) yield buffered;
    } finally {
      disarm();
      if (!closed) {
        closed = true;
        void reader.cancel().catch(() => undefined);
      }
    }
  }

  const iterator = lines();
  return {
    [Symbol.asyncIterator]: () => iterator,
    close() {
      if (closed) return;
      closed = true;
      disarm();
      void reader.cancel().catch(() => undefined);
    },
  };
}

function describe(err: unknown): string {
  if (err && typeof err === 'object') {
    const cause = (err as { cause?: { message?: unknown } }).cause;
    if (cause && typeof cause.message === 'string') return cause.message;
  }
  return err instanceof Error ? err.message : String(err);
}
