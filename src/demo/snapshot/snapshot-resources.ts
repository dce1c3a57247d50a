/** The resources a snapshot's API server serves: what discovery said when it was taken, each with why it has no objects when it has none. */
import type { KxSnapshot, SnapshotResource } from '../../kube/snapshot/snapshot-format.ts';
import { builtinResources } from '../server/builtin-resources.ts';
import { crudVerbs, refKey, type ResourceDef } from '../server/resource-def.ts';

const workloadScale = { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas', labelSelectorPath: '.spec.selector' };

/** One ResourceDef per resource of the snapshot; built-in ones keep the demo's subresources (pods/log…). */
export function snapshotResources(doc: KxSnapshot): ResourceDef[] {
  const builtins = new Map(builtinResources().map((d) => [refKey(d.group, d.plural), d]));
  const lists = new Map(doc.lists.map((l) => [refKey(l.group, l.plural), l]));
  return doc.resources.map((r) => {
    const list = lists.get(refKey(r.group, r.plural));
    const def = { ...(builtins.get(refKey(r.group, r.plural)) ?? fromSummary(r)), versions: versionsOf(r) };
    if (!list) return { ...def, unavailable: `this snapshot holds no ${qualified(r)} (it was taken without them)` };
    if (list.items === undefined) return { ...def, unavailable: `this snapshot holds no ${qualified(r)}: ${list.error ?? 'they could not be read'}` };
    return def;
  });
}

function versionsOf(r: SnapshotResource): string[] {
  return [r.version, ...r.versions.filter((v) => v !== r.version)];
}

function qualified(r: SnapshotResource): string {
  return r.group === '' ? r.plural : `${r.plural}.${r.group}`;
}

function fromSummary(r: SnapshotResource): ResourceDef {
  return {
    group: r.group,
    versions: versionsOf(r),
    plural: r.plural,
    singular: r.singular,
    kind: r.kind,
    namespaced: r.namespaced,
    shortNames: r.shortNames,
    categories: r.categories,
    verbs: r.verbs.length > 0 ? r.verbs : [...crudVerbs],
    subresources: { ...(r.subresources.status ? { status: true } : {}), ...(r.subresources.scale ? { scale: workloadScale } : {}) },
  };
}
