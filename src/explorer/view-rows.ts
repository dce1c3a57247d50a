/**
 * The rows a view shows, read from the cache: the resource's rows in the view's namespace, cut
 * down to the drill-down's subset and ordered by the view's sort. Pure over the cache's selectors.
 */
import { containerColumns, containerRows, containerTone } from '../kinds/container-rows.ts';
import { compareRowsBy } from '../kinds/sort.ts';
import type { ColumnSpec, Row, Tone } from '../kinds/types.ts';
import { resourceKey } from '../kube/resource-info.ts';
import { selectorCacheKey, type ObjectCache } from '../store/object-cache.ts';
import { selectorMatches } from '../kinds/selector.ts';
import type { StreamState } from '../kube/stream-types.ts';
import type { SortState, ViewEntry } from './view-entry.ts';
import { parseFilterInput } from './filter/filter-query.ts';
import { triageColumns, triageRows, triageTone } from './triage/triage-rows.ts';
import { triageKinds, triageScope, triageSource } from './triage/triage-scope.ts';
import { isTriage } from './triage/triage-view.ts';

/** The server-side label selector a view's filter asks for (`/-l app=web`), or undefined. */
export function labelSelectorOf(entry: ViewEntry): string | undefined {
  const query = parseFilterInput(entry.filter);
  return query.kind === 'labels' ? query.selector.text : undefined;
}

/** Where the view's rows live in the cache ('pods', or 'pods|app=web' for a selector stream). */
export function cacheKeyOf(entry: ViewEntry): string {
  return selectorCacheKey(resourceKey(entry.resource), labelSelectorOf(entry));
}

/** The columns a view shows and how its rows are toned: its kind's, or the containers view's own. */
export function viewTable(cache: ObjectCache, entry: ViewEntry): { columns: readonly ColumnSpec[]; tone: (row: Row) => Tone } {
  if (entry.scope?.kind === 'containers') return { columns: containerColumns, tone: containerTone };
  if (isTriage(entry)) return { columns: triageColumns, tone: triageTone };
  const kind = cache.kindOf(cacheKeyOf(entry));
  return { columns: kind.columns, tone: (row) => kind.tone(row) };
}

/** The view's sort: its own, else the one views.yaml starts its kind with. */
export function viewSort(cache: ObjectCache, entry: ViewEntry): SortState | undefined {
  if (entry.sort || entry.scope?.kind === 'containers' || isTriage(entry)) return entry.sort;
  return cache.kindOf(cacheKeyOf(entry)).defaultSort;
}

/**
 * Where the view's streams stand: its one stream's state, or for several namespaces the one most
 * in need of attention (failed, forbidden, reconnecting, loading), else live since the latest.
 */
export function viewStreamState(cache: ObjectCache, entry: ViewEntry): StreamState | undefined {
  const key = cacheKeyOf(entry);
  if (isTriage(entry)) return worstState(triageStreamStates(cache, entry));
  if (!entry.namespaces) return cache.streamState(key, entry.namespace);
  return worstState(entry.namespaces.map((ns) => cache.streamState(key, ns) ?? { phase: 'connecting' as const }));
}

/** The states of the streams triage reads from: across namespaces, or in its namespace where listing across them is forbidden (the title says so). */
function triageStreamStates(cache: ObjectCache, entry: ViewEntry): StreamState[] {
  const scope = triageScope(cache, entry.triageNamespace ?? '');
  const forbidden = new Set(scope.forbidden);
  // A kind the server does not serve is not watched, and has no state.
  const states = triageKinds.filter((k) => !forbidden.has(k.key)).flatMap((k) => cache.streamState(k.key, scope.narrowed.includes(k.key) ? scope.namespace : undefined) ?? []);
  return states.length > 0 ? states : [{ phase: 'connecting' }];
}

/** The state most in need of attention (failed, forbidden, reconnecting, loading), else live since the latest. */
export function worstState(states: readonly StreamState[]): StreamState {
  for (const phase of ['failed', 'forbidden', 'reconnecting', 'syncing', 'connecting'] as const) {
    const hit = states.find((s) => s.phase === phase);
    if (hit) return hit;
  }
  return { phase: 'live', since: Math.max(...states.map((s) => (s.phase === 'live' ? s.since : 0))) };
}

/** The view's rows before the `/` text filter, in its sort order. */
export function viewRows(cache: ObjectCache, entry: ViewEntry, now: number = Date.now()): readonly Row[] {
  const key = cacheKeyOf(entry);
  if (isTriage(entry)) {
    // Not API objects: computed from the cache's rows of the kinds triage watches, worst first.
    const rows = triageRows(triageSource(cache, triageScope(cache, entry.triageNamespace ?? ''), now));
    return entry.sort ? rows.sort(compareRowsBy(triageColumns, entry.sort.column, entry.sort.descending)) : rows;
  }
  if (entry.scope?.kind === 'containers') {
    // Not API objects: projected from the pod's row, in the pod's order unless sorted.
    const pod = cache.row(entry.scope.podUid);
    const rows = pod ? containerRows(pod, now) : [];
    return entry.sort ? rows.sort(compareRowsBy(containerColumns, entry.sort.column, entry.sort.descending)) : rows;
  }
  const sort = viewSort(cache, entry);
  const sorted = cache.rows(key, {
    namespace: entry.namespace,
    sortBy: sort?.column,
    descending: sort?.descending,
  });
  // Several namespaces: the cache may also hold rows of others (an all-namespaces stream elsewhere).
  const wanted = entry.namespaces && new Set(entry.namespaces);
  const all = wanted ? sorted.filter((row) => wanted.has(row.namespace)) : sorted;
  const scope = entry.scope;
  if (!scope) return all;
  switch (scope.kind) {
    case 'owner':
      return all.filter((row) => row.ownerRefs.some((o) => o.uid === scope.uid));
    case 'grandchildren': {
      const middle = new Set(cache.childrenOf(scope.uid).map((r) => r.uid));
      return all.filter((row) => row.ownerRefs.some((o) => middle.has(o.uid)));
    }
    case 'selector':
      return all.filter((row) => selectorMatches(row.labels, scope.selector));
    case 'node':
      return all.filter((row) => row.nodeName === scope.node);
    case 'uses':
      return all.filter((row) => row.uses?.includes(scope.ref) === true);
    default: {
      const never: never = scope;
      return never;
    }
  }
}
