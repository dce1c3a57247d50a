/**
 * Splits a streaming HTTP body into lines (one watch event or log line each), with an idle timer
 * that ends a connection that has gone silent: a half-open TCP connection never errors by itself.
 */
import type { Readable } from 'node:stream';
import { describeSpan, KxError } from './errors.ts';

/**
 * Lines of a streaming response, a batch per network chunk: iterate once. close() ends the
 * iteration without an error. Batches, not single lines, because a log of a million lines
 * through an async iterator costs a promise and a microtask per line (a sixth of `kx logs`'s time).
 */
export interface LineStream extends AsyncIterable<string[]> {
  close(): void;
}

/**
 * Wraps `body`: yields the complete lines of each chunk (without the newline, empty lines
 * skipped, never an empty batch), throws a KxError when `signal` aborts or when nothing arrives
 * for `idleTimeoutMs`.
 */
export function openLineStream(body: Readable, signal: AbortSignal, idleTimeoutMs?: number, idleReason = 'IdleTimeout'): LineStream {
  const chunks = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let closed = false;
  let idleError: KxError | undefined;
  let timer: NodeJS.Timeout | undefined;

  const armIdle = (): void => {
    if (idleTimeoutMs === undefined) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      idleError = new KxError('timeout', `no data from the server for ${describeSpan(idleTimeoutMs)}`, { reason: idleReason });
      body.destroy(idleError);
    }, idleTimeoutMs);
  };
  const disarm = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  };

  async function* lines(): AsyncGenerator<string[]> {
    const decoder = new TextDecoder();
    let buffered = '';
    armIdle();
    try {
      for (;;) {
        let chunk: IteratorResult<Buffer>;
        try {
          chunk = await chunks.next();
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
        const batch = splitLines(buffered);
        buffered = batch.rest;
        if (batch.lines.length > 0) yield batch.lines;
        if (closed) return;
      }
      buffered += decoder.decode();
      if (buffered.trim() && !closed) yield [buffered.replace(/\r$/, '')];
    } finally {
      disarm();
      if (!closed) {
        closed = true;
        body.destroy();
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
      body.destroy();
    },
  };
}

/** The complete lines of `text` (empty ones skipped, a trailing \r cut) and the unfinished rest. */
export function splitLines(text: string): { lines: string[]; rest: string } {
  const lines: string[] = [];
  let start = 0;
  for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
    const end = newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
    if (end > start) lines.push(text.slice(start, end));
    start = newline + 1;
  }
  return { lines, rest: start === 0 ? text : text.slice(start) };
}

function describe(err: unknown): string {
  if (err && typeof err === 'object') {
    const cause = (err as { cause?: { message?: unknown } }).cause;
    if (cause && typeof cause.message === 'string') return cause.message;
  }
  return err instanceof Error ? err.message : String(err);
}
