/**
 * Which actions the selected object offers, from what the server serves for its resource (verbs,
 * subresources: discovery's word), its kind module (how its pods are found, its rollout), where
 * its pod spec is (set image) and the row itself (an owner to jump to). The hints bar, help and key dispatch all ask this, so a key
 * never does something the object cannot do.
 */
import type { Capability } from '../keys/actions.ts';
import { moduleFor } from '../kinds/registry.ts';
import type { Row } from '../kinds/types.ts';
import { podSpecPathOf } from '../kube/mutations/set-image.ts';
import { forwardKindOf } from '../kube/port-forward/resolve-target.ts';
import { resourceKey, type ResourceInfo } from '../kube/resource-info.ts';
import { canDrill } from './drill-down.ts';
import { hasNode, usedByPods } from './jumps.ts';

/** The capabilities of `row` (or of the resource when no row is selected). */
export function capabilitiesOf(resource: ResourceInfo, row: Row | undefined): ReadonlySet<Capability> {
  const out = new Set<Capability>();
  const module = moduleFor(resourceKey(resource));
  // A triage row stands for the object it names: Enter jumps there, where its own keys are.
  if (row?.target) return new Set<Capability>(['drill']);
  // A container's row (the containers view): its logs (Enter too, as in k9s) and a session in it;
  // deleting, scaling or jumping would act on the whole pod, which is one Esc away.
  if (row?.container) {
    out.add('logs').add('drill');
    if (resource.subresources.exec) out.add('exec');
    return out;
  }
  if (module?.pods) out.add('logs');
  if (module?.pods?.kind === 'self' && resource.subresources.exec) out.add('exec');
  // A pod, or a Service or workload whose pods kx can find and kubectl port-forward can name (not a Job).
  if (module?.pods && forwardKindOf(resource)) out.add('port-forward');
  if (resource.subresources.scale) out.add('scale');
  if (module?.rollout && resource.verbs.includes('patch')) out.add('rollout');
  if (resource.verbs.includes('delete')) out.add('delete');
  // The kinds kubectl set image knows where to find a pod spec in (kube/mutations/set-image.ts).
  if (podSpecPathOf(resource) && resource.verbs.includes('patch')) out.add('image');
  if (canDrill(resource)) out.add('drill');
  // Trigger and suspend: what batch's CronJob controller reads (a Job from the template, spec.suspend).
  if (resourceKey(resource) === 'cronjobs.batch') out.add('cronjob');
  if (row && row.ownerRefs.length > 0) out.add('owner');
  if (hasNode(resource, row)) out.add('node');
  if (resource.group === '' && usedByPods.has(resource.plural)) out.add('used-by');
  // Cordon, uncordon and drain: patches of the node (drain also evicts its pods).
  if (resourceKey(resource) === 'nodes' && resource.verbs.includes('patch')) out.add('node-ops');
  return out;
}
