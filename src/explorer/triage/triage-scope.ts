/**
 * What triage watches and where: its kinds across all namespaces, each namespaced kind narrowed to
 * one namespace when listing it across namespaces is forbidden (the forbidden stream is kept, so
 * its state keeps saying so). Pure over the cache's stream states.
 */
import type { Row } from '../../kinds/types.ts';
import type { ObjectCache } from '../../store/object-cache.ts';
import type { TriageSource } from './finding.ts';

/** The resources triage reads, by resource key, with whether each is namespaced. */
export const triageKinds: readonly { key: string; namespaced: boolean }[] = [
  { key: 'pods', namespaced: true },
  { key: 'deployments.apps', namespaced: true },
  { key: 'nodes', namespaced: false },
  { key: 'persistentvolumeclaims', namespaced: true },
  { key: 'jobs.batch', namespaced: true },
  { key: 'horizontalpodautoscalers.autoscaling', namespaced: true },
  { key: 'events', namespaced: true },
  // Not triaged for themselves: watched so a ConfigMap held by a finalizer shows as stuck terminating.
  { key: 'configmaps', namespaced: true },
];

/** Where triage looks: the kinds narrowed to `namespace`, and the cluster-scoped kinds it may not list at all. */
export interface TriageScope {
  namespace: string;
  narrowed: readonly string[];
  forbidden: readonly string[];
}

/** The scope from the streams' states: a kind whose all-namespaces stream is forbidden is read in `namespace`. */
export function triageScope(cache: ObjectCache, namespace: string): TriageScope {
  const forbiddenAcross = triageKinds.filter((k) => cache.streamState(k.key)?.phase === 'forbidden');
  return {
    namespace,
    narrowed: forbiddenAcross.filter((k) => k.namespaced).map((k) => k.key),
    forbidden: forbiddenAcross.filter((k) => !k.namespaced).map((k) => k.key),
  };
}

/** The rules' view of the cache: each kind's rows in the scope. */
export function triageSource(cache: ObjectCache, scope: TriageScope, now: number): TriageSource {
  const narrowed = new Set(scope.narrowed);
  return {
    now,
    rows: (key: string): readonly Row[] => {
      const rows = cache.rows(key);
      return narrowed.has(key) ? rows.filter((row) => row.namespace === scope.namespace) : rows;
    },
  };
}

/** The status line's word on the scope: '(all namespaces)', or which kinds are read in one namespace only and why. */
export function scopeLabel(scope: TriageScope): string {
  const short = (keys: readonly string[]): string => keys.map((key) => key.split('.')[0]).join(', ');
  const namespaced = triageKinds.filter((k) => k.namespaced).length;
  let where = 'all namespaces';
  if (scope.narrowed.length === namespaced) where = `namespace ${scope.namespace}: listing across namespaces is forbidden`;
  else if (scope.narrowed.length > 0) where = `all namespaces, ${short(scope.narrowed)} in ${scope.namespace} only: listing them across namespaces is forbidden`;
  return `(${where}${scope.forbidden.length > 0 ? ` · may not list ${short(scope.forbidden)}` : ''})`;
}
