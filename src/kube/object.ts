/**
 * The raw shapes of Kubernetes API objects as they arrive on the wire (JSON, not client-node's
 * typed models, so no field newer than the generated models is lost).
 */

/** A reference from an object to its owner (metadata.ownerReferences[]). */
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/** Standard object metadata; only the fields kx reads are typed, the rest pass through. */
export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  generateName?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  managedFields?: unknown[];
  [key: string]: unknown;
}

/** Any Kubernetes object: apiVersion, kind and metadata are always there; the rest is per kind. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

/** A list response (`GET .../pods`), including the paging token. */
export interface KubeList<T extends KubeObject = KubeObject> {
  apiVersion: string;
  kind: string;
  metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  items: T[];
}

/** metav1.Status, the body of every API error and of watch ERROR events. */
export interface KubeStatus {
  apiVersion?: string;
  kind: 'Status';
  status?: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  code?: number;
  details?: { name?: string; group?: string; kind?: string; causes?: unknown[] };
}

/** One line of a watch stream. */
export interface WatchEvent<T extends KubeObject = KubeObject> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: T | KubeStatus;
}

/** A server-side Table column (`as=Table`), e.g. a CRD's additionalPrinterColumns. */
export interface TableColumn {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority?: number;
}

/** A server-side Table row; `object` is the row's PartialObjectMetadata by default. */
export interface TableRow {
  cells: unknown[];
  object?: KubeObject;
}

/** meta.k8s.io/v1 Table, returned for `Accept: application/json;as=Table;g=meta.k8s.io;v=v1`. */
export interface KubeTable {
  apiVersion: 'meta.k8s.io/v1';
  kind: 'Table';
  metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  columnDefinitions: TableColumn[];
  rows: TableRow[];
}
