/** Keeps the catalogue in step with CustomResourceDefinition objects, so discovery sees CRDs at once. */
import type { KubeObject } from '../../kube/object.ts';
import type { StoreChange } from '../types.ts';
import { sortVersions } from './catalogue.ts';
import type { MemoryStore } from './store.ts';
import { crudVerbs, type PrinterColumn, type ResourceDef, type ScaleSpec } from './resource-def.ts';

interface CrdVersion {
  name: string;
  served?: boolean;
  storage?: boolean;
  subresources?: { status?: object; scale?: ScaleSpec };
  additionalPrinterColumns?: PrinterColumn[];
}

interface CrdSpec {
  group: string;
  scope: 'Namespaced' | 'Cluster';
  names: { plural: string; singular?: string; kind: string; listKind?: string; shortNames?: string[]; categories?: string[] };
  versions: CrdVersion[];
}

const crdRef = { group: 'apiextensions.k8s.io', plural: 'customresourcedefinitions' };

/** Turns a CRD object into the resource it serves (undefined when it serves no version). */
export function resourceFromCrd(crd: KubeObject): ResourceDef | undefined {
  const spec = crd.spec as CrdSpec | undefined;
  if (!spec?.group || !spec.names?.plural || !spec.names.kind || !Array.isArray(spec.versions)) return undefined;
  const served = spec.versions.filter((v) => v.served !== false);
  const versions = sortVersions(served.map((v) => v.name));
  const preferred = served.find((v) => v.name === versions[0]);
  if (!preferred) return undefined;
  const scale = preferred.subresources?.scale;
  return {
    group: spec.group,
    versions,
    plural: spec.names.plural,
    singular: spec.names.singular ?? spec.names.kind.toLowerCase(),
    kind: spec.names.kind,
    namespaced: spec.scope !== 'Cluster',
    shortNames: spec.names.shortNames ?? [],
    categories: spec.names.categories ?? [],
    verbs: [...crudVerbs],
    subresources: {
      ...(preferred.subresources?.status ? { status: true } : {}),
      ...(scale ? { scale } : {}),
    },
    printerColumns: preferred.additionalPrinterColumns ?? [],
    custom: true,
  };
}

/** Registers every CRD already in the store and follows later changes; returns unsubscribe. */
export function watchCrds(store: MemoryStore): () => void {
  const registered = new Map<string, ResourceDef>();
  const apply = (crd: KubeObject, gone: boolean): void => {
    const uid = crd.metadata.uid;
    const before = registered.get(uid);
    const def = gone ? undefined : resourceFromCrd(crd);
    if (before && (!def || before.group !== def.group || before.plural !== def.plural)) {
      const stale = store.catalogue.get(before.group, before.plural);
      if (stale) store.dropResource(stale);
      store.catalogue.unregister(before.group, before.plural);
      registered.delete(uid);
    }
    if (def) {
      store.catalogue.register(def);
      registered.set(uid, def);
      if (!isEstablished(crd)) markEstablished(store, crd);
    }
  };
  for (const crd of store.list(crdRef)) apply(crd, false);
  return store.subscribe((change: StoreChange) => {
    if (change.resource.group !== crdRef.group || change.resource.plural !== crdRef.plural) return;
    apply(change.object, change.type === 'DELETED');
  });
}

function isEstablished(crd: KubeObject): boolean {
  const conditions = (crd.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? [];
  return conditions.some((c) => c.type === 'Established' && c.status === 'True');
}

/** Fills status like the apiextensions controllers do (acceptedNames, NamesAccepted, Established). */
function markEstablished(store: MemoryStore, crd: KubeObject): void {
  const spec = crd.spec as CrdSpec;
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const condition = (type: string, reason: string, message: string) => ({ type, status: 'True', lastTransitionTime: now, reason, message });
  store.mutate(crdRef, undefined, crd.metadata.name, (draft) => {
    draft.status = {
      acceptedNames: { ...spec.names },
      conditions: [condition('NamesAccepted', 'NoConflicts', 'no conflicts found'), condition('Established', 'InitialNamesAccepted', 'the initial names have been accepted')],
      storedVersions: spec.versions.filter((v) => v.storage).map((v) => v.name),
    };
  });
}
