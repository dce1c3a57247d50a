/** Shapes stored objects for the wire: the apiVersion of the requested version, list wrappers. */
import type { KubeObject } from '../../kube/object.ts';
import { fromStorage } from './conversion.ts';
import type { ResourceDef } from './resource-def.ts';

/** 'v1' or 'apps/v1' for a resource in a version. */
export function groupVersion(def: Pick<ResourceDef, 'group'>, version: string): string {
  return def.group === '' ? version : `${def.group}/${version}`;
}

/** The object as the requested version names and shapes it (conversion.ts, where versions differ in shape). */
export function presentObject(obj: KubeObject, def: ResourceDef, version: string): KubeObject {
  const apiVersion = groupVersion(def, version);
  const shaped = fromStorage(def, version, obj);
  if (shaped.apiVersion === apiVersion && shaped.kind === def.kind) return shaped;
  return { ...shaped, apiVersion, kind: def.kind };
}

/**
 * A list item: built-in lists carry no apiVersion/kind per item (the real server's typed lists
 * omit them); custom resources keep them (unstructured lists do).
 */
export function presentItem(obj: KubeObject, def: ResourceDef, version: string): KubeObject {
  if (def.custom) return presentObject(obj, def, version);
  const { apiVersion: _a, kind: _k, ...rest } = fromStorage(def, version, obj);
  return rest as KubeObject;
}

/** ListMeta as the server writes it. */
export interface ListMeta {
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

/** A list response body. */
export function presentList(def: ResourceDef, version: string, items: KubeObject[], meta: ListMeta): object {
  return {
    kind: `${def.kind}List`,
    apiVersion: groupVersion(def, version),
    metadata: meta,
    items: items.map((o) => presentItem(o, def, version)),
  };
}
