/**
 * `kubectl rollout undo` with kubectl's exact semantics (pkg/polymorphichelpers/rollback.go):
 * Deployments get one JSON patch replacing the pod template (without pod-template-hash) and the
 * annotations (the Deployment's own bookkeeping kept, the rest from the ReplicaSet); StatefulSets
 * and DaemonSets get a strategic merge patch with the ControllerRevision's data.
 */
import type { ApiClient } from '../../api-client.ts';
import { KxError } from '../../errors.ts';
import { resourcePath } from '../../resource-info.ts';
import { dryRunSuffix, type DryRun } from '../cordon.ts';
import type { History, PodTemplate, Revision } from './history.ts';
import { rolloutHistory } from './history.ts';
import { rolloutName, type RolloutTarget } from './rollout-target.ts';
import { sameTemplate, withoutHash } from './template-diff.ts';

/** Deployment annotations an undo keeps from the Deployment instead of taking the ReplicaSet's. */
const annotationsToSkip = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

/** The revision an undo goes to: `toRevision`, or the previous one (the second highest). */
export function undoRevision(history: History, target: RolloutTarget, toRevision?: number): Revision {
  const sorted = [...history.revisions].sort((a, b) => b.revision - a.revision);
  if (toRevision !== undefined && toRevision !== 0) {
    const found = sorted.find((r) => r.revision === toRevision);
    if (!found) throw new KxError('notFound', `unable to find specified revision ${toRevision} in history`);
    return found;
  }
  const previous = sorted[1];
  // kubectl's StatefulSet and DaemonSet rollbackers say it their own way.
  if (!previous && target.flavour !== 'Deployment') throw new KxError('notFound', 'no last revision to roll back to');
  if (!previous) throw new KxError('notFound', `no rollout history found for ${target.flavour.toLowerCase()} "${target.name}"`);
  return previous;
}

/**
 * Rolls back; resolves with kubectl's sentence (`deployment.apps/web rolled back`, or skipped).
 * `dryRun: 'server'` sends the patch with dryRun=All (kubectl's `(server dry run)`); `'client'`
 * sends nothing and answers with the target revision's pod template drawn by `describeTemplate`
 * (kubectl's printTemplate, which lives with the describe code kube/ may not import).
 */
export async function rolloutUndo(client: ApiClient, target: RolloutTarget, toRevision?: number, dryRun?: DryRun, describeTemplate?: (template: PodTemplate) => string): Promise<string> {
  const kind = target.flavour;
  const history = await rolloutHistory(client, target);
  const chosen = undoRevision(history, target, toRevision);
  const name = rolloutName(target);
  const path = resourcePath(target.resource, target.namespace, target.name);
  const query = dryRun === 'server' ? { query: { dryRun: 'All' } } : {};
  const done = `${name} rolled back${dryRunSuffix(dryRun)}`;
  const spec = history.object['spec'] as { paused?: boolean; template?: Record<string, unknown> };
  if (dryRun === 'client') {
    // kubectl prints before it looks at paused or at the current template.
    const text = describeTemplate ? describeTemplate(chosen.template) : '';
    return `${name} ${kind === 'Deployment' ? '' : 'will roll back to '}${text}${dryRunSuffix(dryRun)}`;
  }
  // kubectl names the revision asked for (0 when none was), not the one found.
  const skipped = `${name} skipped rollback (current template already matches revision ${toRevision ?? 0})`;
  if (kind === 'Deployment') {
    if (spec.paused) {
      throw new KxError('invalid', `you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again`);
    }
    if (sameTemplate(chosen.template, spec.template ?? {})) return skipped;
    const annotations: Record<string, string> = {};
    const own = history.object.metadata.annotations ?? {};
    for (const key of annotationsToSkip) if (own[key] !== undefined) annotations[key] = own[key];
    for (const [key, value] of Object.entries(chosen.source.metadata.annotations ?? {})) if (!annotationsToSkip.has(key)) annotations[key] = value;
    const template = structuredClone(chosen.template);
    if (template.metadata?.labels) delete template.metadata.labels['pod-template-hash'];
    await client.patch(
      path,
      'json',
      [
        { op: 'replace', path: '/spec/template', value: template },
        { op: 'replace', path: '/metadata/annotations', value: annotations },
      ],
      query,
    );
    return done;
  }
  if (sameTemplate(chosen.template, spec.template ?? {})) return skipped;
  // The ControllerRevision's data is itself a strategic merge patch with $patch: replace on the template.
  const data = chosen.source['data'] ?? { spec: { template: { ...withoutHash(chosen.template), $patch: 'replace' } } };
  await client.patch(path, 'strategic', data, query);
  return done;
}
