/** ControllerRevisions for StatefulSets and DaemonSets: data holds the template patch, like the real controllers. */
import type { KubeObject } from '../../../kube/object.ts';
import type { ScenarioContext } from '../context.ts';
import { ownerRef } from '../meta.ts';
import { R } from '../refs.ts';
import { canonicalJson, stableHash } from '../rng.ts';
import type { PodTemplate } from './pod-factory.ts';

/** The patch a ControllerRevision stores: the whole template, replaced on rollback. */
export function revisionData(template: PodTemplate | undefined): Record<string, unknown> {
  return { spec: { template: { ...structuredClone(template ?? {}), $patch: 'replace' } } };
}

/** Finds or creates the revision for the owner's current template; reusing an old one bumps its number. */
export function ensureRevision(ctx: ScenarioContext, owner: KubeObject, labels: Record<string, string>, limit = 10): KubeObject {
  const template = (owner.spec as { template?: PodTemplate } | undefined)?.template;
  const data = revisionData(template);
  const key = canonicalJson(data);
  const revisions = ctx.dependents(owner, R.controllerrevisions);
  const max = Math.max(0, ...revisions.map((r) => (r.revision as number | undefined) ?? 0));
  let rev = revisions.find((r) => canonicalJson(r.data) === key);
  if (rev) {
    if (((rev.revision as number | undefined) ?? 0) < max) {
      rev =
        ctx.store.mutate(R.controllerrevisions, rev.metadata.namespace, rev.metadata.name, (d) => {
          d.revision = max + 1;
        }) ?? rev;
    }
  } else {
    const hash = stableHash(data);
    rev = ctx.create(R.controllerrevisions, {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: {
        name: `${owner.metadata.name}-${hash}`,
        namespace: owner.metadata.namespace,
        uid: '',
        labels: { ...labels, 'controller.kubernetes.io/hash': hash },
        ownerReferences: [ownerRef(owner)],
      },
      data,
      revision: max + 1,
    });
  }
  const old = revisions.filter((r) => r.metadata.uid !== rev.metadata.uid).sort((a, b) => ((a.revision as number) ?? 0) - ((b.revision as number) ?? 0));
  for (const r of old.slice(0, Math.max(0, old.length - limit))) ctx.store.delete(R.controllerrevisions, r.metadata.namespace, r.metadata.name);
  return rev;
}
