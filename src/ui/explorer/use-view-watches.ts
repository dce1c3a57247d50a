/**
 * Keeps the streams a view needs running while it is shown: the view's resource in its
 * namespace or namespaces (with its server-side label selector), and for a CronJob's pods also its Jobs.
 * Streams are shared and ref-counted by the WatchManager, so going back re-uses them.
 */
import { useEffect } from 'react';
import type { ViewEntry } from '../../explorer/view-entry.ts';
import { labelSelectorOf } from '../../explorer/view-rows.ts';
import type { WatchManager } from '../../store/watch-manager.ts';
import { kindFor } from '../../kinds/registry.ts';
import { resourceKey, type ResourceInfo } from '../../kube/resource-info.ts';

/** Starts the view's streams (none while `entry` is undefined); releases them when the view changes or the component goes. */
export function useViewWatches(watches: WatchManager, entry: ViewEntry | undefined, extra: readonly ResourceInfo[] = []): void {
  const selector = entry && labelSelectorOf(entry);
  const via = entry?.scope?.kind === 'grandchildren' ? entry.scope.via : undefined;
  const extraKey = extra.map(resourceKey).join(',');
  useEffect(() => {
    if (!entry) return undefined;
    return startViewWatches(watches, entry, extra);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by resource keys, not object identities, so a re-render does not restart the watches
  }, [watches, entry && resourceKey(entry.resource), entry?.namespace, entry?.namespaces?.join(), selector, via && resourceKey(via), extraKey]);
}

/** Starts the streams `entry` needs in `watches`; returns the function that releases them. */
export function startViewWatches(watches: WatchManager, entry: ViewEntry, extra: readonly ResourceInfo[] = []): () => void {
  const selector = labelSelectorOf(entry);
  const via = entry.scope?.kind === 'grandchildren' ? entry.scope.via : undefined;
  const wanted: { resource: ResourceInfo; labelSelector?: string | undefined }[] = [{ resource: entry.resource, labelSelector: selector }];
  if (via) wanted.push({ resource: via });
  for (const resource of extra) wanted.push({ resource });
  // Several namespaces (`:po ns1,ns2`) are one stream per namespace, merged in the cache, not one
  // all-namespaces stream filtered here: a user whose RBAC grants only some namespaces may list
  // pods in each of them but not across the cluster, and a busy cluster's other namespaces would
  // be listed and watched for nothing.
  const namespaces: readonly (string | undefined)[] = entry.namespaces ?? [entry.namespace];
  const releases = wanted.flatMap(({ resource, labelSelector }) =>
    namespaces.map((namespace) =>
      watches.watch({
        resource,
        namespace,
        // Kinds without built-in columns (custom resources and the rest) use the server's own table.
        table: kindFor(resourceKey(resource)) === undefined,
        labelSelector,
      }),
    ),
  );
  return () => releases.forEach((release) => release());
}
