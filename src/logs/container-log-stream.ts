/**
 * One container's log: GET pods/NAME/log through ApiClient.stream, split into whole stamped lines.
 * A followed stream that ends while the container still runs (API server restart, dropped
 * connection, kubelet rotation) is resumed with sinceTime = the last line's timestamp, and the
 * lines delivered before are dropped (ResumePoint), so the consumer sees each line once.
 */
import type { ApiClient } from '../kube/api-client.ts';
import { backoffDelay, sleep, type BackoffOptions } from '../kube/backoff.ts';
import { KxError, toKxError } from '../kube/errors.ts';
import type { LineStream } from '../kube/line-stream.ts';
import type { KubeObject } from '../kube/object.ts';
import { logRequestQuery, podLogPath, podPath } from './log-query.ts';
import { ResumePoint, timestampEnd } from './log-timestamp.ts';
import type { LogLine, LogNotice, LogOrigin, LogQuery, StreamEnd } from './log-types.ts';
import { podContainers } from './pod-containers.ts';

/** Whether a container whose followed stream ended is worth resuming. */
export type RunState = 'running' | 'exited' | 'podDeleted';

/** What one container stream needs. */
export interface ContainerStreamOptions {
  client: ApiClient;
  origin: LogOrigin;
  query: LogQuery;
  signal: AbortSignal;
  /** Receives each new line; a returned promise pauses reading until it settles (back-pressure). */
  deliver(line: LogLine): Promise<void> | undefined;
  onNotice?(notice: LogNotice): void;
  /**
   * Where this container's log got to. Pass the same one for a restarted instance and set
   * `resumeFirst`, so its first request continues after the last line instead of using tail/since.
   */
  resume?: ResumePoint;
  resumeFirst?: boolean;
  backoff?: BackoffOptions;
  /** Asked when a followed stream ends; default: GET the pod and look at the container's state. */
  runState?: (signal: AbortSignal) => Promise<RunState>;
}

/**
 * Streams one container until its log is complete (not following), the container exits or the pod
 * is deleted (following), or the signal aborts. The first request's failure (pod not found,
 * container waiting to start, no previous instance) is thrown as the server's KxError.
 */
export async function streamContainerLog(opts: ContainerStreamOptions): Promise<StreamEnd> {
  const { client, origin, query, signal } = opts;
  const resume = opts.resume ?? new ResumePoint();
  const following = query.follow && !query.previous;
  const runState = opts.runState ?? ((s: AbortSignal) => containerRunState(client, origin, s));
  let resuming = opts.resumeFirst === true && resume.lastTimestamp !== '';
  let firstRequest = true;
  let attempt = 0;
  let budget = query.limitBytes ?? Infinity;

  for (;;) {
    if (signal.aborted) return 'aborted';
    let stream: LineStream;
    try {
      if (resuming) resume.beginResume();
      const q = logRequestQuery(origin.container, query, resuming ? resume.lastTimestamp : undefined);
      stream = await client.stream(podLogPath(origin.namespace, origin.pod), { query: q, signal });
    } catch (err) {
      if (signal.aborted) return 'aborted';
      const e = toKxError(err);
      if (firstRequest) throw e;
      if (e.kind === 'notFound') return 'podDeleted';
      // 400 on a reconnect: the container is waiting again (restarting) or gone from the spec.
      if (e.kind === 'invalid') return 'exited';
      if (e.kind === 'unauthorized' || e.kind === 'forbidden') throw e;
      attempt++;
      opts.onNotice?.({ type: 'reconnecting', origin, attempt, reason: e.message });
      await sleep(backoffDelay(attempt, opts.backoff), signal);
      continue;
    }
    firstRequest = false;
    let broken: KxError | undefined;
    let delivered = 0;
    try {
      for await (const batch of stream) {
        for (const raw of batch) {
          // splitTimestamp, inlined: this loop runs once per line, and one object less per line
          // is measurably less garbage at a million lines.
          const cut = timestampEnd(raw);
          const timestamp = cut < 0 ? '' : raw.slice(0, cut);
          if (!resume.accept(timestamp)) continue;
          delivered++;
          let text = cut < 0 ? raw : raw.slice(cut + 1);
          if (budget !== Infinity) {
            // --limit-bytes counts the log as the container wrote it, newline included.
            const size = Buffer.byteLength(text) + 1;
            if (size > budget) text = Buffer.from(text).subarray(0, budget).toString();
            budget -= size;
          }
          const wait = opts.deliver({ origin, timestamp, text });
          if (wait) await wait;
          if (signal.aborted) return 'aborted';
          if (budget <= 0) return following ? 'exited' : 'complete';
        }
      }
    } catch (err) {
      if (signal.aborted) return 'aborted';
      broken = toKxError(err);
    } finally {
      stream.close();
    }
    if (!following) {
      if (broken) throw broken;
      return 'complete';
    }
    const state = await runStateWithRetry(runState, signal, opts.backoff);
    if (state === undefined) return 'aborted';
    if (state !== 'running') return state;
    // Still running: resume after the last line. A stream that delivered something resumes at
    // once; one that keeps ending empty (the status lags behind an exit) backs off.
    attempt = delivered > 0 ? 1 : attempt + 1;
    opts.onNotice?.({ type: 'reconnecting', origin, attempt, reason: broken?.message ?? 'the log stream ended' });
    if (attempt > 1 || broken) await sleep(backoffDelay(attempt, opts.backoff), signal);
    resuming = resume.lastTimestamp !== '';
  }
}

/** GETs the pod: is the container running now, has it exited, or is the pod gone? */
export async function containerRunState(client: ApiClient, origin: LogOrigin, signal: AbortSignal): Promise<RunState> {
  try {
    const pod = await client.get<KubeObject>(podPath(origin.namespace, origin.pod), { signal });
    const container = podContainers(pod).find((c) => c.name === origin.container);
    return container?.running ? 'running' : 'exited';
  } catch (err) {
    if (err instanceof KxError && err.kind === 'notFound') return 'podDeleted';
    throw err;
  }
}

// Asking the API server can fail while it restarts; keep asking (with backoff) until it answers.
async function runStateWithRetry(runState: (signal: AbortSignal) => Promise<RunState>, signal: AbortSignal, backoff: BackoffOptions | undefined): Promise<RunState | undefined> {
  for (let attempt = 1; !signal.aborted; attempt++) {
    try {
      return await runState(signal);
    } catch (err) {
      if (signal.aborted) return undefined;
      const e = toKxError(err);
      if (e.kind === 'unauthorized' || e.kind === 'forbidden') throw e;
      await sleep(backoffDelay(attempt, backoff), signal);
    }
  }
  return undefined;
}
