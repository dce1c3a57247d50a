/**
 * Describe's inputs for an object, as its kind declares them: the kind module's `related` says
 * what kube/related-objects.ts fetches beside the object (events always).
 */
import type { ApiClient } from '../../kube/api-client.ts';
import type { KubeObject } from '../../kube/object.ts';
import * as related from '../../kube/related-objects.ts';
import { groupOf, type DescribeRelated, type RelatedNeed } from '../../kube/related-objects.ts';
import { kindByGroupKind } from '../registry.ts';

export { eventQueries, fetchEvents, fetchObject, type EventQuery } from '../../kube/related-objects.ts';

/** What describe fetches beside an object of this group and Kind (nothing for kinds kx has no module for). */
export function relatedNeedsOf(object: KubeObject): readonly RelatedNeed[] {
  return kindByGroupKind(groupOf(object.apiVersion), object.kind)?.module.related ?? [];
}

/** Everything but the events that the object's describe needs. */
export function fetchRelatedObjects(client: ApiClient, object: KubeObject, signal: AbortSignal): Promise<DescribeRelated> {
  return related.fetchRelatedObjects(client, object, relatedNeedsOf(object), signal);
}

/** The object's describe inputs in one go (events included), for one-shot use and tests. */
export function fetchRelated(client: ApiClient, object: KubeObject, signal: AbortSignal): Promise<DescribeRelated> {
  return related.fetchRelated(client, object, relatedNeedsOf(object), signal);
}
