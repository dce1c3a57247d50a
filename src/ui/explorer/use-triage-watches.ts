/**
 * Keeps the streams `:triage` reads running while it is shown: each kind it triages across all
 * namespaces, and in the current namespace too for a kind whose all-namespaces list is forbidden
 * (that stream is kept, so its state goes on saying so). Returns the status line's word on the scope.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { scopeLabel, triageKinds, triageScope } from '../../explorer/triage/triage-scope.ts';
import { isTriage } from '../../explorer/triage/triage-view.ts';
import type { ViewEntry } from '../../explorer/view-entry.ts';
import type { DiscoveryResult } from '../../kube/discovery.ts';
import { resourceKey, type ResourceInfo } from '../../kube/resource-info.ts';
import type { ObjectCache } from '../../store/object-cache.ts';
import type { WatchManager } from '../../store/watch-manager.ts';

/** Starts triage's streams while `entry` is the triage view; '' for any other view, else '(all namespaces)' or what is narrowed. */
export function useTriageWatches(watches: WatchManager, cache: ObjectCache, discovery: DiscoveryResult | undefined, entry: ViewEntry): string {
  const on = isTriage(entry);
  const namespace = entry.triageNamespace ?? '';
  // A string, so a frame re-renders the explorer only when the scope changes.
  const label = useSyncExternalStore(cache.subscribe, () => (on ? scopeLabel(triageScope(cache, namespace)) : ''));
  const narrowed = on ? triageScope(cache, namespace).narrowed.join() : '';
  const served = (): ResourceInfo[] => triageKinds.flatMap((k) => discovery?.resources.find((r) => resourceKey(r) === k.key) ?? []);
  useEffect(() => {
    if (!on || !discovery) return undefined;
    const releases = served().map((resource) => watches.watch({ resource }));
    return () => releases.forEach((release) => release());
    // eslint-disable-next-line react-hooks/exhaustive-deps -- served() reads discovery, a dependency
  }, [watches, discovery, on]);
  // Apart from the streams above, so narrowing one kind does not restart (and un-forbid) the others.
  useEffect(() => {
    if (!on || !discovery || narrowed === '') return undefined;
    const keys = new Set(narrowed.split(','));
    const releases = served()
      .filter((r) => keys.has(resourceKey(r)))
      .map((resource) => watches.watch({ resource, namespace }));
    return () => releases.forEach((release) => release());
    // eslint-disable-next-line react-hooks/exhaustive-deps -- served() reads discovery, a dependency
  }, [watches, discovery, on, narrowed, namespace]);
  return label;
}
