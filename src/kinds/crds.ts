/** CustomResourceDefinitions, as `kubectl get crd` prints them (the server's default table). */
import { parseTime } from './duration.ts';
import { defineKind, nameCol } from './kind-module.ts';

/** RFC 3339 in UTC to the second, as Go's time.RFC3339 formats a metav1.Time. */
export function rfc3339(ms: number): string {
  return Number.isNaN(ms) ? '<unknown>' : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The customresourcedefinitions kind. */
export const crdsKind = defineKind<undefined>({
  resourceKey: 'customresourcedefinitions.apiextensions.k8s.io',
  group: 'apiextensions.k8s.io',
  kind: 'CustomResourceDefinition',
  namespaced: false,
  prepare: undefined,
  // CREATED AT is a fixed timestamp, not an age: it never ticks.
  columns: [nameCol, { name: 'CREATED AT', width: 20, value: (o) => rfc3339(parseTime(o.metadata.creationTimestamp)) }],
  extras: undefined,
  tone: (_cells, row) => (row.deleting ? 'muted' : 'normal'),
  describe: undefined,
  related: [],
  drill: { kind: 'defined-resources' },
  pods: undefined,
  rollout: undefined,
});
