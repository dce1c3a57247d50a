/**
 * The ContextSet of the view on screen: opened when a view of several contexts is shown, kept
 * while the views (drill-downs, back) show the same contexts, closed when they go.
 */
import { useEffect, useMemo } from 'react';
import type { ViewEntry } from '../../explorer/view-entry.ts';
import type { ClusterConnection } from '../../kube/cluster-connection.ts';
import type { ObjectCache } from '../../store/object-cache.ts';
import { ContextSet } from './context-set.ts';

/** The view's contexts' set (undefined for a view of one context), its streams following the view. */
export function useContextSet(connection: ClusterConnection, entry: ViewEntry, newCache: () => ObjectCache): ContextSet | undefined {
  const key = entry.contexts && entry.contexts.length > 1 ? entry.contexts.join(',') : '';
  const set = useMemo(
    () => (key === '' ? undefined : new ContextSet(key.split(','), (name) => connection.openContext(name), newCache)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one set per list of contexts; a new factory identity does not reopen sessions
    [key, connection],
  );
  useEffect(() => () => set?.close(), [set]);
  // show() compares what the view streams, so calling it after every render restarts nothing.
  useEffect(() => set?.show(entry));
  return set;
}
