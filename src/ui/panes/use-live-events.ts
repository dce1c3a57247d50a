/**
 * The events about one object, kept current: a list+watch of core/v1 Events per kubectl's field
 * selector (see eventQueries), merged, published at most a few times a second.
 */
import { useEffect, useState } from 'react';
import type { ApiClient } from '../../kube/api-client.ts';
import { startListWatch } from '../../kube/list-watch.ts';
import type { KubeObject } from '../../kube/object.ts';
import type { StreamSink } from '../../kube/stream-types.ts';
import { eventQueries } from '../../kinds/describe/fetch-related.ts';

const events = { group: '', version: 'v1', plural: 'events', kind: 'Event', namespaced: true };
const publishDelayMs = 200;

/** The object's events (undefined until the first list is in), live while mounted. */
export function useLiveEvents(client: ApiClient, object: KubeObject | undefined): readonly KubeObject[] | undefined {
  const [list, setList] = useState<readonly KubeObject[] | undefined>(undefined);
  // Restart only when the object's identity changes, not on every update of it.
  const identity = object ? `${object.apiVersion}|${object.kind}|${object.metadata.namespace ?? ''}|${object.metadata.name}|${object.metadata.uid}` : '';
  useEffect(() => {
    if (!object) return undefined;
    const queries = eventQueries(object);
    const perQuery = queries.map(() => new Map<string, KubeObject>());
    const synced = queries.map(() => false);
    let timer: NodeJS.Timeout | undefined;
    const publish = (): void => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        if (!synced.every(Boolean)) return;
        const merged = new Map<string, KubeObject>();
        for (const m of perQuery) for (const [uid, e] of m) merged.set(uid, e);
        setList([...merged.values()]);
      }, publishDelayMs);
    };
    const handles = queries.map((q, i) => {
      const byUid = perQuery[i]!;
      let fresh = new Set<string>();
      const sink: StreamSink = {
        beginSync: () => {
          fresh = new Set();
        },
        upsert: (e) => {
          byUid.set(e.metadata.uid, e);
          fresh.add(e.metadata.uid);
          publish();
        },
        remove: (e) => {
          byUid.delete(e.metadata.uid);
          publish();
        },
        endSync: () => {
          // Events that were not listed again (after a re-list) are gone.
          for (const uid of [...byUid.keys()]) if (!fresh.has(uid)) byUid.delete(uid);
          synced[i] = true;
          publish();
        },
        state: (s) => {
          // Events are extras: without permission to list them, describe shows none, as kubectl does.
          if (s.phase === 'forbidden' || s.phase === 'failed') {
            synced[i] = true;
            publish();
          }
        },
      };
      return startListWatch({ client, resource: events, namespace: q.namespace || undefined, fieldSelector: q.fieldSelector }, sink);
    });
    return () => {
      for (const h of handles) h.stop();
      if (timer) clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- restarts on the object's identity, not on every update (above)
  }, [client, identity]);
  return list;
}
