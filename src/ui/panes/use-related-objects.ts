/**
 * The objects a describe shows beside the object itself (ReplicaSets, pods, EndpointSlices, …),
 * fetched when the object changes and refreshed every few seconds while the pane is open (the
 * pods of a node or a ReplicaSet change without the object changing).
 */
import { useEffect, useState } from 'react';
import type { ApiClient } from '../../kube/api-client.ts';
import type { KubeObject } from '../../kube/object.ts';
import type { DescribeRelated } from '../../kinds/describe/describe-types.ts';
import { fetchRelatedObjects } from '../../kinds/describe/fetch-related.ts';

/** How often related objects are fetched again while nothing else asks. */
export const relatedRefreshMs = 10_000;

/** Related objects of `object` (undefined until the first fetch is in). */
export function useRelatedObjects(client: ApiClient, object: KubeObject | undefined, refreshMs = relatedRefreshMs): DescribeRelated | undefined {
  const [related, setRelated] = useState<DescribeRelated | undefined>(undefined);
  const version = object ? `${object.metadata.uid}|${object.metadata.resourceVersion ?? ''}` : '';
  useEffect(() => {
    if (!object) return undefined;
    const abort = new AbortController();
    let running = false;
    const load = async (): Promise<void> => {
      if (running) return;
      running = true;
      try {
        const found = await fetchRelatedObjects(client, object, abort.signal);
        if (!abort.signal.aborted) setRelated(found);
      } catch {
        // Related objects are extras: the describe still shows the object itself.
      } finally {
        running = false;
      }
    };
    void load();
    const timer = setInterval(() => void load(), refreshMs);
    return () => {
      abort.abort();
      clearInterval(timer);
    };
    // The object is read through `version`: a new resourceVersion means fetch again.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the object is read through `version` (above)
  }, [client, version, refreshMs]);
  return related;
}
