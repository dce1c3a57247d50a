/** What discovery knows about one served resource (pods, deployments.apps, crontabs.stable.example.com, …). */
export interface ResourceInfo {
  /** API group; '' for the core group. */
  group: string;
  /** The version kx talks to: the group's preferred version when it serves this resource. */
  version: string;
  /** Every version that serves this resource, preferred first. */
  versions: string[];
  /** Plural resource name used in URLs, e.g. 'deployments'. */
  plural: string;
  singular: string;
  kind: string;
  shortNames: string[];
  categories: string[];
  namespaced: boolean;
  verbs: string[];
  subresources: { scale: boolean; status: boolean; log: boolean; exec: boolean };
}

/** A stable key for a resource: 'pods', 'deployments.apps', 'crontabs.stable.example.com'. */
export function resourceKey(r: Pick<ResourceInfo, 'group' | 'plural'>): string {
  return r.group === '' ? r.plural : `${r.plural}.${r.group}`;
}

/** apiVersion as objects spell it: 'v1' or 'apps/v1'. */
export function apiVersionOf(r: Pick<ResourceInfo, 'group' | 'version'>): string {
  return r.group === '' ? r.version : `${r.group}/${r.version}`;
}

/**
 * The REST path of a resource collection or object: /api/v1/namespaces/ns/pods/name/log.
 * A namespaced resource without a namespace gives the all-namespaces collection.
 */
export function resourcePath(r: Pick<ResourceInfo, 'group' | 'version' | 'plural' | 'namespaced'>, namespace?: string, name?: string, subresource?: string): string {
  let path = r.group === '' ? `/api/${r.version}` : `/apis/${r.group}/${r.version}`;
  if (r.namespaced && namespace) path += `/namespaces/${encodeURIComponent(namespace)}`;
  path += `/${r.plural}`;
  if (name !== undefined) path += `/${encodeURIComponent(name)}`;
  if (subresource !== undefined) path += `/${subresource}`;
  return path;
}
