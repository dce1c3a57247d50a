/** What the describe functions are given: the raw object, the objects kubectl fetches beside it, and the clock. */
import type { KubeObject } from '../../kube/object.ts';

export type { DescribeRelated } from '../../kube/related-objects.ts';
import type { DescribeRelated } from '../../kube/related-objects.ts';

/** Input of every describe function. */
export interface DescribeInput {
  object: KubeObject;
  related: DescribeRelated;
  /** The clock for ages ('5m', '(x3 over 2h)'). */
  now: number;
}

/** A describe function: the object in, kubectl-like lines out (pure, no I/O). */
export type Describer = (input: DescribeInput) => string[];
