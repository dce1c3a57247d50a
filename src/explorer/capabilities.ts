/**
 * Which actions the selected object offers, from its kind, what the server serves for its
 * resource (verbs, the scale subresource) and the row itself (an owner to jump to). The hints bar,
 * help and key dispatch all ask this, so a key never does something the object cannot do.
 */
import type { Capability } from '../keys/actions.ts';
import type { KindSpec, Row } from '../kinds/types.ts';
import { resourceKey, type ResourceInfo } from '../kube/resource-info.ts';
import { canDrill } from './drill-down.ts';

/** Logs of these come from the pods they select or own (kubectl logs deploy/x, svc/x, job/x). */
const loggableByPods = new Set(['services', 'jobs.batch', 'replicasets.apps', 'deployments.apps', 'statefulsets.apps', 'daemonsets.apps']);

/** The capabilities of `row` (or of the resource when no row is selected). */
export function capabilitiesOf(resource: ResourceInfo, kind: KindSpec, row: Row | undefined): ReadonlySet<Capability> {
  const out = new Set<Capability>();
  const key = resourceKey(resource);
  if (kind.capabilities.loggable || loggableByPods.has(key)) out.add('logs');
  if (kind.capabilities.execable) out.add('exec');
  if (resource.subresources.scale) out.add('scale');
  if (kind.capabilities.rollbackable || kind.capabilities.restartable) out.add('rollout');
  if (resource.verbs.includes('delete')) out.add('delete');
  if (canDrill(resource)) out.add('drill');
  if (row && row.ownerRefs.length > 0) out.add('owner');
  return out;
}
