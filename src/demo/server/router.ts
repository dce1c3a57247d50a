/** Turns a request path into what it addresses: a discovery document or a resource (object, list, subresource). */
import type { ResourceCatalogue } from './catalogue.ts';
import type { ResourceDef } from './resource-def.ts';

/** A path that addresses a served resource. */
export interface ResourceRoute {
  kind: 'resource';
  def: ResourceDef;
  /** The version in the URL (objects are answered with this apiVersion). */
  version: string;
  namespace?: string;
  name?: string;
  subresource?: string;
  /** The legacy /watch/ path prefix was used. */
  watchPath: boolean;
}

/** What a request path addresses. */
export type Route =
  | { kind: 'version' }
  | { kind: 'core-versions' }
  | { kind: 'groups' }
  | { kind: 'group'; group: string }
  | { kind: 'group-version'; group: string; version: string }
  /** /openapi/v2, /openapi/v3, or /openapi/v3/KEY (KEY as 'api/v1', 'apis/apps/v1'). */
  | { kind: 'openapi'; version: 'v2' | 'v3'; key?: string }
  | ResourceRoute
  | { kind: 'unknown' };

/** Resolves a URL path against the catalogue. */
export function route(pathname: string, catalogue: ResourceCatalogue): Route {
  const parts = pathname
    .split('/')
    .filter((p) => p !== '')
    .map(decodeURIComponent);
  if (parts[0] === 'version' && parts.length === 1) return { kind: 'version' };
  if (parts[0] === 'openapi') {
    if (parts[1] === 'v2' && parts.length === 2) return { kind: 'openapi', version: 'v2' };
    if (parts[1] === 'v3') return parts.length === 2 ? { kind: 'openapi', version: 'v3' } : { kind: 'openapi', version: 'v3', key: parts.slice(2).join('/') };
    return { kind: 'unknown' };
  }
  if (parts[0] === 'api') {
    if (parts.length === 1) return { kind: 'core-versions' };
    if (parts[1] !== 'v1') return { kind: 'unknown' };
    if (parts.length === 2) return { kind: 'group-version', group: '', version: 'v1' };
    return resourceRoute('', 'v1', parts.slice(2), catalogue);
  }
  if (parts[0] === 'apis') {
    if (parts.length === 1) return { kind: 'groups' };
    const group = parts[1] as string;
    if (!catalogue.groups().some((g) => g.name === group)) return { kind: 'unknown' };
    if (parts.length === 2) return { kind: 'group', group };
    const version = parts[2] as string;
    if (catalogue.inGroupVersion(group, version).length === 0) return { kind: 'unknown' };
    if (parts.length === 3) return { kind: 'group-version', group, version };
    return resourceRoute(group, version, parts.slice(3), catalogue);
  }
  return { kind: 'unknown' };
}

function resourceRoute(group: string, version: string, rest: string[], catalogue: ResourceCatalogue): Route {
  let watchPath = false;
  if (rest[0] === 'watch') {
    watchPath = true;
    rest = rest.slice(1);
  }
  const find = (plural: string | undefined) => {
    if (plural === undefined) return undefined;
    const def = catalogue.get(group, plural);
    return def && def.versions.includes(version) ? def : undefined;
  };
  let namespace: string | undefined;
  // /namespaces/NS/PLURAL... addresses a namespaced resource; /namespaces/NAME[/status] is a namespace.
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    const inner = find(rest[2]);
    if (inner?.namespaced) {
      namespace = rest[1];
      rest = rest.slice(2);
    }
  }
  const def = find(rest[0]);
  if (!def || rest.length > 3) return { kind: 'unknown' };
  if (namespace !== undefined && !def.namespaced) return { kind: 'unknown' };
  const r: ResourceRoute = { kind: 'resource', def, version, watchPath };
  if (namespace !== undefined) r.namespace = namespace;
  if (rest[1] !== undefined) r.name = rest[1];
  if (rest[2] !== undefined) r.subresource = rest[2];
  return r;
}
