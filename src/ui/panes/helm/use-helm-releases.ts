/**
 * The Helm releases of a namespace (all when undefined), listed from Helm's storage every few
 * seconds and decoded here; a revision is decoded once per resourceVersion, since gunzipping
 * every stored revision on each refresh would cost more than the list.
 */
import { useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../../kube/api-client.ts';
import { toKxError } from '../../../kube/errors.ts';
import { listReleaseStorage } from '../../../kube/helm/list-release-storage.ts';
import type { KubeObject } from '../../../kube/object.ts';
import { groupReleases, releaseRevision, type ReleaseRevision } from '../../../kinds/helm/release-records.ts';

const refreshMs = 5000;

/** What the pane shows: the releases (each its revisions, oldest first) once listed, or why not. */
export interface HelmReleases {
  releases: ReleaseRevision[][] | undefined;
  error: string | undefined;
}

/** Lists and decodes the releases, refreshed on a timer and whenever `reload` changes. */
export function useHelmReleases(client: ApiClient, namespace: string | undefined, reload = 0): HelmReleases {
  const [state, setState] = useState<HelmReleases>({ releases: undefined, error: undefined });
  const decoded = useRef(new Map<string, ReleaseRevision>());

  useEffect(() => {
    const abort = new AbortController();
    const revisionOf = (obj: KubeObject): ReleaseRevision => {
      const key = `${obj.metadata.uid}/${obj.metadata.resourceVersion ?? ''}`;
      const cached = decoded.current.get(key);
      if (cached) return cached;
      const rev = releaseRevision(obj);
      decoded.current.set(key, rev);
      return rev;
    };
    const load = (): void => {
      listReleaseStorage(client, namespace, abort.signal).then(
        (objects) => {
          if (abort.signal.aborted) return;
          const seen = new Set(objects.map((o) => `${o.metadata.uid}/${o.metadata.resourceVersion ?? ''}`));
          for (const key of decoded.current.keys()) if (!seen.has(key)) decoded.current.delete(key);
          setState({ releases: groupReleases(objects, revisionOf), error: undefined });
        },
        (err: unknown) => !abort.signal.aborted && setState((s) => ({ releases: s.releases, error: toKxError(err).message })),
      );
    };
    load();
    const timer = setInterval(load, refreshMs);
    return () => {
      abort.abort();
      clearInterval(timer);
    };
  }, [client, namespace, reload]);

  return state;
}
