/** The discovery documents (/version, /api, /apis, group and group-version resource lists). */
import type { ResourceCatalogue } from './catalogue.ts';
import type { ResourceDef } from './resource-def.ts';

/** The release the demo cluster reports: a current Kubernetes. */
export const demoVersion = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.2',
  gitCommit: '67a30c0adcf52bd3f56ff0893ce19966be12991f',
  gitTreeState: 'clean',
  buildDate: '2025-02-12T21:19:47Z',
  goVersion: 'go1.23.6',
  compiler: 'gc',
  platform: 'linux/amd64',
};

/** GET /api */
export function coreVersions(serverAddress: string): object {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function groupDoc(name: string, versions: string[]): object {
  const vs = versions.map((version) => ({ groupVersion: `${name}/${version}`, version }));
  return { name, versions: vs, preferredVersion: vs[0] };
}

/** GET /apis */
export function groupList(catalogue: ResourceCatalogue): object {
  const groups = catalogue.groups().filter((g) => g.name !== '');
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map((g) => groupDoc(g.name, g.versions)) };
}

/** GET /apis/GROUP */
export function groupInfo(catalogue: ResourceCatalogue, group: string): object | undefined {
  const g = catalogue.groups().find((x) => x.name === group);
  if (!g) return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...groupDoc(g.name, g.versions) };
}

/** GET /api/v1 or /apis/GROUP/VERSION: the APIResourceList with subresource entries. */
export function resourceList(catalogue: ResourceCatalogue, group: string, version: string): object {
  const defs = catalogue.inGroupVersion(group, version).sort((a, b) => a.plural.localeCompare(b.plural));
  const resources: object[] = [];
  for (const def of defs) resources.push(...entries(def));
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group === '' ? version : `${group}/${version}`,
    resources,
  };
}

function entries(def: ResourceDef): object[] {
  const main: Record<string, unknown> = {
    name: def.plural,
    singularName: def.singular,
    namespaced: def.namespaced,
    kind: def.kind,
    verbs: def.verbs,
  };
  if (def.shortNames.length > 0) main.shortNames = def.shortNames;
  if (def.categories.length > 0) main.categories = def.categories;
  const out: object[] = [main];
  const sub = (name: string, kind: string, verbs: string[], extra: Record<string, string> = {}) =>
    out.push({ name: `${def.plural}/${name}`, singularName: '', namespaced: def.namespaced, ...extra, kind, verbs });
  if (def.subresources.approval) sub('approval', def.kind, ['get', 'patch', 'update']);
  if (def.subresources.attach) sub('attach', 'PodAttachOptions', ['create', 'get']);
  if (def.subresources.eviction) sub('eviction', 'Eviction', ['create'], { group: 'policy', version: 'v1' });
  if (def.subresources.exec) sub('exec', 'PodExecOptions', ['create', 'get']);
  if (def.subresources.log) sub('log', 'Pod', ['get']);
  if (def.subresources.portforward) sub('portforward', 'PodPortForwardOptions', ['create', 'get']);
  if (def.subresources.scale) sub('scale', 'Scale', ['get', 'patch', 'update'], { group: 'autoscaling', version: 'v1' });
  if (def.subresources.status) sub('status', def.kind, ['get', 'patch', 'update']);
  if (def.subresources.token) sub('token', 'TokenRequest', ['create'], { group: 'authentication.k8s.io', version: 'v1' });
  return out;
}
