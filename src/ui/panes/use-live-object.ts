/**
 * One object, kept current while a pane is open: a raw GET (no field lost), then a watch on just
 * that object (fieldSelector metadata.name=NAME) that triggers a fresh GET on every change and
 * notices deletion. The watch has list-watch's reconnects, so a dropped connection shows as
 * 'reconnecting' and resumes. Everything stops when the pane closes.
 */
import { useEffect, useState } from 'react';
import type { ApiClient } from '../../kube/api-client.ts';
import { KxError } from '../../kube/errors.ts';
import { startListWatch } from '../../kube/list-watch.ts';
import type { KubeObject } from '../../kube/object.ts';
import type { StreamSink } from '../../kube/stream-types.ts';
import { fetchObject } from '../../kinds/describe/fetch-related.ts';
import type { ObjectTarget } from './pane-types.ts';

/** Where the object stands: being fetched, current, gone, unreachable for now, or failed. */
export type LiveObjectPhase = 'loading' | 'live' | 'deleted' | 'reconnecting' | 'error';

/** The last known object and where it stands. */
export interface LiveObject {
  /** The last object fetched (kept after deletion or errors, so the pane can still show it). */
  object: KubeObject | undefined;
  phase: LiveObjectPhase;
  /** A sentence for 'error' and 'reconnecting'. */
  message?: string | undefined;
}

/** Changes closer together than this cost one GET. */
const refetchDelayMs = 150;

/** Keeps `target` current (see the file comment). */
export function useLiveObject(client: ApiClient, target: ObjectTarget): LiveObject {
  const [state, setState] = useState<LiveObject>({ object: undefined, phase: 'loading' });
  const { resource, namespace, name } = target;
  useEffect(() => {
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    let deleted = false;
    let seen = false;
    // The resourceVersion of the object last fetched: a listed or watched version that differs
    // is a change (this also catches a change between the first GET and the first list).
    let fetchedVersion: string | undefined;

    const fetchNow = async (): Promise<void> => {
      try {
        const object = await fetchObject(client, resource, namespace, name, abort.signal);
        if (abort.signal.aborted) return;
        deleted = false;
        fetchedVersion = object.metadata.resourceVersion;
        setState({ object, phase: 'live' });
      } catch (err) {
        if (abort.signal.aborted) return;
        if (err instanceof KxError && err.kind === 'notFound') {
          deleted = true;
          setState((s) => ({ object: s.object, phase: s.object ? 'deleted' : 'error', message: err.message }));
        } else {
          setState((s) => ({ object: s.object, phase: 'error', message: err instanceof Error ? err.message : String(err) }));
        }
      }
    };
    const refetchSoon = (): void => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void fetchNow(), refetchDelayMs);
    };
    const markDeleted = (): void => {
      deleted = true;
      if (timer) clearTimeout(timer);
      setState((s) => ({ object: s.object, phase: s.object ? 'deleted' : 'error', message: `${resource.plural} "${name}" not found` }));
    };

    const sink: StreamSink = {
      beginSync: () => {
        seen = false;
      },
      upsert: (listed) => {
        seen = true;
        if (deleted || listed.metadata.resourceVersion !== fetchedVersion) refetchSoon();
      },
      remove: markDeleted,
      endSync: () => {
        if (!seen) markDeleted();
      },
      state: (s) => {
        if (s.phase === 'reconnecting') setState((prev) => ({ ...prev, phase: deleted ? 'deleted' : 'reconnecting', message: s.reason }));
        else if (s.phase === 'live') setState((prev) => (prev.phase === 'reconnecting' ? { ...prev, phase: 'live', message: undefined } : prev));
      },
    };

    void fetchNow();
    const handle = startListWatch({ client, resource, namespace: resource.namespaced ? namespace : undefined, fieldSelector: `metadata.name=${name}` }, sink);
    return () => {
      abort.abort();
      handle.stop();
      if (timer) clearTimeout(timer);
    };
  }, [client, resource, namespace, name]);
  return state;
}
