/** CustomResourceDefinitions, as `kubectl get crd` prints them (the server's default table). */
import type { KubeObject } from '../kube/object.ts';
import { parseTime } from './duration.ts';
import { caps, column, makeRow, nameColumn } from './row.ts';
import type { KindSpec, Row } from './types.ts';

/** RFC 3339 in UTC to the second, as Go's time.RFC3339 formats a metav1.Time. */
export function rfc3339(ms: number): string {
  return Number.isNaN(ms) ? '<unknown>' : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function toRow(o: KubeObject): Row {
  const cells = [o.metadata.name, rfc3339(parseTime(o.metadata.creationTimestamp))];
  return makeRow(crdsKind.resourceKey, o, cells, []);
}

/** The customresourcedefinitions kind. */
export const crdsKind: KindSpec = {
  resourceKey: 'customresourcedefinitions.apiextensions.k8s.io',
  kind: 'CustomResourceDefinition',
  namespaced: false,
  columns: [nameColumn, column('CREATED AT', 20)],
  toRow,
  tone: (row) => (row.deleting ? 'muted' : 'normal'),
  capabilities: caps({}),
};
