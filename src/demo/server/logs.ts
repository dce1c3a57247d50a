/** pods/log: container logs from the PodRuntime as plain text, optionally followed. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LogLine } from '../types.ts';
import type { ServerContext } from './context.ts';
import { getExisting } from './crud.ts';
import { DemoStatusError, badRequest } from './errors.ts';
import { queryBool, queryInt } from './http-util.ts';
import type { ResourceRoute } from './router.ts';
import { arr } from './table/columns.ts';

// The seconds part of the last timestamp formatted: consecutive lines mostly share it, and this
// runs once per line of a million-line log.
let cachedSecond = NaN;
let cachedSecondText = '';

/** Go's RFC3339Nano (trailing zeros of the fraction trimmed). */
export function rfc3339Nano(date: Date): string {
  const ms = date.getTime();
  const second = Math.floor(ms / 1000);
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedSecondText = new Date(second * 1000).toISOString().slice(0, 19);
  }
  const fraction = ms - second * 1000;
  if (fraction === 0) return `${cachedSecondText}Z`;
  return `${cachedSecondText}.${String(fraction).padStart(3, '0').replace(/0+$/, '')}Z`;
}

/** Picks the container a log or exec request means; errors like the real server when it is ambiguous or unknown. */
export function resolveContainer(pod: { metadata: { name: string }; spec?: unknown }, requested: string | null): string {
  const names = arr<{ name: string }>(pod.spec, 'containers').map((c) => c.name);
  const inits = arr<{ name: string }>(pod.spec, 'initContainers').map((c) => c.name);
  const ephemeral = arr<{ name: string }>(pod.spec, 'ephemeralContainers').map((c) => c.name);
  if (requested) {
    if (names.includes(requested) || inits.includes(requested) || ephemeral.includes(requested)) return requested;
    throw badRequest(`container ${requested} is not valid for pod ${pod.metadata.name}`);
  }
  if (names.length === 1) return names[0] as string;
  let message = `a container name must be specified for pod ${pod.metadata.name}, choose one of: [${names.join(' ')}]`;
  if (inits.length > 0) message += ` or one of the init containers: [${inits.join(' ')}]`;
  if (ephemeral.length > 0) message += ` or one of the ephemeral containers: [${ephemeral.join(' ')}]`;
  throw badRequest(message);
}

/** GET pods/NAME/log. */
export async function handleLogs(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, route: ResourceRoute, query: URLSearchParams): Promise<void> {
  const pod = getExisting(ctx, route);
  const container = resolveContainer(pod, query.get('container'));
  const follow = queryBool(query, 'follow');
  const previous = queryBool(query, 'previous');
  const timestamps = queryBool(query, 'timestamps');
  const tailLines = queryInt(query, 'tailLines');
  const sinceSeconds = queryInt(query, 'sinceSeconds');
  const limitBytes = queryInt(query, 'limitBytes');
  const sinceTimeText = query.get('sinceTime');
  if (sinceSeconds !== undefined && sinceTimeText) throw badRequest('at most one of `sinceTime` or `sinceSeconds` may be specified');
  if (sinceSeconds !== undefined && sinceSeconds < 1) throw badRequest('sinceSeconds: Invalid value: must be greater than 0');
  if (tailLines !== undefined && tailLines < 0) throw badRequest('tailLines: Invalid value: must be greater than or equal to 0');
  if (limitBytes !== undefined && limitBytes < 1) throw badRequest('limitBytes: Invalid value: must be greater than 0');
  let since = sinceSeconds !== undefined ? Date.now() - sinceSeconds * 1000 : undefined;
  if (sinceTimeText) {
    since = Date.parse(sinceTimeText);
    if (Number.isNaN(since)) throw badRequest(`sinceTime: Invalid value: "${sinceTimeText}"`);
  }
  const runtime = ctx.runtime();
  if (!runtime) throw new DemoStatusError(400, 'BadRequest', `container "${container}" in pod "${pod.metadata.name}" is waiting to start: ContainerCreating`);
  const source = runtime.logs({ namespace: pod.metadata.namespace ?? '', pod: pod.metadata.name, container, previous });

  let budget = limitBytes ?? Infinity;
  const format = (line: LogLine): string => `${timestamps ? `${rfc3339Nano(line.time)} ` : ''}${line.text}\n`;
  const write = (text: string): boolean => {
    if (budget <= 0) return false;
    const bytes = Buffer.from(text, 'utf8');
    const chunk = bytes.length > budget ? bytes.subarray(0, budget) : bytes;
    budget -= chunk.length;
    res.write(chunk);
    return budget > 0;
  };

  res.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache, private' });
  let lines = source.history();
  if (since !== undefined) lines = lines.filter((l) => l.time.getTime() >= (since as number));
  if (tailLines !== undefined) lines = tailLines === 0 ? [] : lines.slice(-tailLines);
  // History goes out in ~64 KB writes that wait for 'drain' (not one write per line), so a
  // million-line log streams at network speed without piling up in the server's memory.
  let open = true;
  let batch = '';
  for (const l of lines) {
    batch += format(l);
    if (batch.length < 65_536) continue;
    open = write(batch);
    batch = '';
    if (!open) break;
    if (res.writableNeedDrain) await drained(res);
    if (res.destroyed) return;
  }
  if (open && batch) open = write(batch);
  if (!follow || !open || source.ended()) {
    res.end();
    return;
  }
  res.flushHeaders();
  await new Promise<void>((resolve) => {
    // Lines written in one go (a fast container's burst) leave in one chunk, as a kubelet
    // forwards whatever the runtime wrote since the last read, not one chunk per line.
    let pending = '';
    let stopped = false;
    const flush = (): boolean => {
      const text = pending;
      pending = '';
      return !text || res.writableEnded || write(text);
    };
    const stop = (): void => {
      if (stopped) return;
      stopped = true;
      unfollow();
      unend();
      // The container's last words (written just before it ended) still go out.
      flush();
      if (!res.writableEnded) res.end();
      resolve();
    };
    const unfollow = source.follow((line) => {
      if (pending === '') {
        setImmediate(() => {
          if (!stopped && !flush()) stop();
        });
      }
      pending += format(line);
    });
    const unend = source.onEnd(stop);
    res.on('close', stop);
  });
}

/** Resolves on 'drain', or on 'close' when the client went away first. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
