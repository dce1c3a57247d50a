/**
 * Finds the pods to read logs from and keeps the list current: one GET when not following, a
 * list+watch (src/kube startListWatch) when following, so new pods, restarts and deletions arrive.
 */
import type { ApiClient } from '../kube/api-client.ts';
import { KxError } from '../kube/errors.ts';
import type { KubeList, KubeObject } from '../kube/object.ts';
import { startListWatch } from '../kube/list-watch.ts';
import type { StreamSink } from '../kube/stream-types.ts';
import { podPath } from './log-query.ts';
import type { PodSelection } from './log-types.ts';

/** What the tracker reports. */
export interface PodTrackerSink {
  /** The pods that exist when tracking starts (called once, before any upsert). */
  initial(pods: KubeObject[]): void;
  /** A pod appeared or changed (following only). */
  upsert(pod: KubeObject): void;
  /** A pod is gone (following only). */
  remove(pod: KubeObject): void;
  /** The pods cannot be read (not found, forbidden): the follower gives up with this error. */
  failed(error: KxError): void;
}

/** Stops a tracker. */
export interface PodTracker {
  stop(): void;
}

const podsResource = { group: '', version: 'v1', plural: 'pods', kind: 'Pod', namespaced: true } as const;

/** Where to look and how. */
export interface PodTrackerOptions {
  client: ApiClient;
  /** undefined: every namespace (selectors only). */
  namespace: string | undefined;
  selection: PodSelection;
  follow: boolean;
  signal: AbortSignal;
}

/** Starts tracking; the sink hears `initial` once, then (when following) every change. */
export function trackPods(opts: PodTrackerOptions, sink: PodTrackerSink): PodTracker {
  let watch: { stop(): void } | undefined;
  let stopped = false;
  const fail = (err: unknown): void => {
    if (!stopped && !opts.signal.aborted) sink.failed(err instanceof KxError ? err : new KxError('server', String(err)));
  };
  void (async () => {
    // A named pod is read first: a missing one is kubectl's `pods "x" not found`, not an empty watch.
    const initial = await initialPods(opts);
    if (stopped || opts.signal.aborted) return;
    sink.initial(initial);
    // The sink may have given up on what it saw (too many pods): then there is nothing to watch.
    if (!opts.follow || stopped || opts.signal.aborted) return;
    watch = startListWatch(
      {
        client: opts.client,
        resource: podsResource,
        namespace: opts.namespace,
        ...(opts.selection.kind === 'pod' ? { fieldSelector: `metadata.name=${opts.selection.name}` } : selectorQuery(opts.selection)),
      },
      watchSink(sink, fail, initial),
    );
  })().catch(fail);
  const stop = (): void => {
    stopped = true;
    watch?.stop();
  };
  opts.signal.addEventListener('abort', stop, { once: true });
  return { stop };
}

async function initialPods(opts: PodTrackerOptions): Promise<KubeObject[]> {
  const { client, namespace, selection, signal } = opts;
  if (selection.kind === 'pod') {
    if (!namespace) throw new KxError('invalid', 'a pod name needs a namespace');
    return [await client.get<KubeObject>(podPath(namespace, selection.name), { signal })];
  }
  const path = namespace ? `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods` : '/api/v1/pods';
  const list = await client.get<KubeList>(path, { query: selectorQuery(selection), signal });
  return [...list.items].sort((a, b) => (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') || a.metadata.name.localeCompare(b.metadata.name));
}

// Only the selectors there are: an empty one is every pod.
function selectorQuery(selection: Extract<PodSelection, { kind: 'selector' }>): { labelSelector?: string; fieldSelector?: string } {
  return {
    ...(selection.labelSelector ? { labelSelector: selection.labelSelector } : {}),
    ...(selection.fieldSelector ? { fieldSelector: selection.fieldSelector } : {}),
  };
}

// The watch's first sync repeats the pods `initial` already reported; they arrive as upserts,
// which the follower treats as updates. Every sync (the first one, a re-list after 410) removes
// the pods that vanished since they were last seen.
function watchSink(sink: PodTrackerSink, fail: (err: unknown) => void, initial: KubeObject[]): StreamSink {
  let seen: Map<string, KubeObject> | undefined;
  const key = (pod: KubeObject): string => `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;
  const known = new Map(initial.map((pod) => [key(pod), pod]));
  return {
    beginSync: () => {
      seen = new Map();
    },
    upsert: (pod) => {
      seen?.set(key(pod), pod);
      known.set(key(pod), pod);
      sink.upsert(pod);
    },
    remove: (pod) => {
      known.delete(key(pod));
      sink.remove(pod);
    },
    endSync: () => {
      const present = seen;
      seen = undefined;
      if (!present) return;
      for (const [k, pod] of [...known]) {
        if (present.has(k)) continue;
        known.delete(k);
        sink.remove(pod);
      }
    },
    state: (s) => {
      if (s.phase === 'forbidden') fail(new KxError('forbidden', s.message));
      else if (s.phase === 'failed') fail(new KxError('server', s.reason));
    },
  };
}
