/**
 * Discovery of every served resource, CRDs included: /api and /apis for groups and preferred
 * versions, then every group version's resource list, fetched in parallel. Nothing is hard-coded,
 * so a 1.20 server's batch/v1beta1 CronJob shows up as it is.
 */
import type { ApiClient } from './api-client.ts';
import { toKxError } from './errors.ts';
import type { ResourceInfo } from './resource-info.ts';

/** One API group: its versions in the server's order and the preferred one. */
export interface GroupInfo {
  /** '' for the core group. */
  name: string;
  versions: string[];
  preferredVersion: string;
}

/** Everything discovery found, groups in the server's priority order (core first). */
export interface DiscoveryResult {
  groups: GroupInfo[];
  /** One entry per (group, plural), in group priority order, at the group's preferred serving version. */
  resources: ResourceInfo[];
  /** Group versions whose resource list could not be fetched (e.g. an unavailable metrics server). */
  failed: { groupVersion: string; message: string }[];
}

/** One entry of an APIResourceList (`GET /apis/apps/v1`). */
export interface ApiResource {
  name: string;
  singularName?: string;
  namespaced: boolean;
  kind: string;
  verbs?: string[];
  shortNames?: string[];
  categories?: string[];
}

/** The raw answers discovery works from; also what fixtures hold. */
export interface RawDiscovery {
  /** `GET /api` versions, e.g. ['v1']. */
  coreVersions: string[];
  /** `GET /apis` groups. */
  groups: { name: string; versions: { version: string }[]; preferredVersion?: { version: string } }[];
  /** Resource lists by group version ('v1', 'apps/v1'); a string is the error that fetching gave. */
  resourceLists: Record<string, { resources: ApiResource[] } | string>;
}

/** Fetches /api, /apis and every group version (at most `concurrency` at once) and builds the result. */
export async function discover(client: ApiClient, opts: { signal?: AbortSignal; concurrency?: number } = {}): Promise<DiscoveryResult> {
  return buildDiscovery(await fetchRawDiscovery(client, opts));
}

/** Only the fetching half of discover(), for fixtures and tests. */
export async function fetchRawDiscovery(client: ApiClient, opts: { signal?: AbortSignal; concurrency?: number } = {}): Promise<RawDiscovery> {
  const reqOpts = opts.signal ? { signal: opts.signal } : {};
  const [core, apis] = await Promise.all([client.get<{ versions?: string[] }>('/api', reqOpts), client.get<{ groups?: RawDiscovery['groups'] }>('/apis', reqOpts)]);
  const raw: RawDiscovery = { coreVersions: core?.versions ?? [], groups: apis?.groups ?? [], resourceLists: {} };
  const groupVersions = [
    ...raw.coreVersions.map((v) => ({ gv: v, path: `/api/${v}` })),
    ...raw.groups.flatMap((g) => g.versions.map((v) => ({ gv: `${g.name}/${v.version}`, path: `/apis/${g.name}/${v.version}` }))),
  ];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < groupVersions.length) {
      const item = groupVersions[next++]!;
      try {
        raw.resourceLists[item.gv] = await client.get<{ resources: ApiResource[] }>(item.path, reqOpts);
      } catch (err) {
        const e = toKxError(err);
        if (e.kind === 'aborted') throw e;
        raw.resourceLists[item.gv] = e.message;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 16, groupVersions.length) }, worker));
  return raw;
}

/** Builds ResourceInfos from raw discovery: preferred version first, subresources folded in. */
export function buildDiscovery(raw: RawDiscovery): DiscoveryResult {
  const groups: GroupInfo[] = [];
  if (raw.coreVersions.length > 0) groups.push({ name: '', versions: [...raw.coreVersions], preferredVersion: raw.coreVersions[0]! });
  for (const g of raw.groups) {
    const versions = g.versions.map((v) => v.version);
    groups.push({ name: g.name, versions, preferredVersion: g.preferredVersion?.version ?? versions[0] ?? '' });
  }
  const resources: ResourceInfo[] = [];
  const failed: DiscoveryResult['failed'] = [];
  for (const group of groups) {
    // Preferred version first, then the rest in the server's order (its own priority order).
    const order = [group.preferredVersion, ...group.versions.filter((v) => v !== group.preferredVersion)];
    const byPlural = new Map<string, ResourceInfo>();
    for (const version of order) {
      const gv = group.name === '' ? version : `${group.name}/${version}`;
      const list = raw.resourceLists[gv];
      if (list === undefined) continue;
      if (typeof list === 'string') {
        failed.push({ groupVersion: gv, message: list });
        continue;
      }
      // Parents before their subresources, whatever order the server used.
      const entries = [...(list.resources ?? [])].sort((a, b) => Number(a.name.includes('/')) - Number(b.name.includes('/')));
      for (const r of entries) {
        const [plural, sub] = r.name.split('/', 2) as [string, string | undefined];
        const existing = byPlural.get(plural);
        if (sub !== undefined) {
          // Subresources count for the version kx talks to (the first one that serves the parent).
          if (existing && existing.version === version) markSubresource(existing, sub);
          continue;
        }
        if (existing) {
          existing.versions.push(version);
          continue;
        }
        byPlural.set(plural, {
          group: group.name,
          version,
          versions: [version],
          plural,
          // Older servers leave singularName empty; kubectl falls back to the lower-cased kind.
          singular: r.singularName || r.kind.toLowerCase(),
          kind: r.kind,
          shortNames: r.shortNames ?? [],
          categories: r.categories ?? [],
          namespaced: r.namespaced,
          verbs: r.verbs ?? [],
          subresources: { scale: false, status: false, log: false, exec: false },
        });
      }
    }
    resources.push(...byPlural.values());
  }
  return { groups, resources, failed };
}

function markSubresource(info: ResourceInfo, sub: string): void {
  if (sub === 'scale' || sub === 'status' || sub === 'log' || sub === 'exec') info.subresources[sub] = true;
}
