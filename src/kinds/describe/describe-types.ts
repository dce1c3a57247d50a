/** What the describe functions are given: the raw object, the objects kubectl fetches beside it, and the clock. */
import type { KubeObject } from '../../kube/object.ts';

/**
 * Objects kubectl describe fetches besides the object itself. Each is optional: a kind uses only
 * the ones it needs (see relatedNeeds in related-needs.ts), and a missing list reads as empty.
 */
export interface DescribeRelated {
  /** core/v1 Events whose involvedObject is the object. */
  events?: readonly KubeObject[];
  /** Pods: selected by a controller, on a node (not terminated), or using a PVC. */
  pods?: readonly KubeObject[];
  /** ReplicaSets selected by a Deployment (the describe keeps those it controls). */
  replicaSets?: readonly KubeObject[];
  /** discovery.k8s.io/v1 EndpointSlices of a Service, or of every Service an Ingress names. */
  endpointSlices?: readonly KubeObject[];
  /** The core/v1 Endpoints of a Service, used where the cluster serves no v1 EndpointSlices (before 1.21). */
  endpoints?: readonly KubeObject[];
  /** Services an Ingress routes to. */
  services?: readonly KubeObject[];
  /** A Node's Lease in kube-node-lease; `leaseError` says why there is none. */
  lease?: KubeObject;
  leaseError?: string;
  /** A Namespace's ResourceQuotas and LimitRanges. */
  resourceQuotas?: readonly KubeObject[];
  limitRanges?: readonly KubeObject[];
  /** A sentence when the pods could not be listed (kubectl: 'error in fetching pods: …'). */
  podsError?: string;
}

/** Input of every describe function. */
export interface DescribeInput {
  object: KubeObject;
  related: DescribeRelated;
  /** The clock for ages ('5m', '(x3 over 2h)'). */
  now: number;
}

/** A describe function: the object in, kubectl-like lines out (pure, no I/O). */
export type Describer = (input: DescribeInput) => string[];
