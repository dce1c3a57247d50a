/**
 * Reads a cluster into a KxSnapshot: discovery, then a paged list of every listable resource (in
 * the chosen namespaces and kinds, cluster-scoped ones too), Secrets scrubbed. A forbidden or
 * failing list is recorded and skipped, as kubectl cluster-info dump carries on past them.
 */
import type { ApiClient } from '../api-client.ts';
import { discover } from '../discovery.ts';
import { toKxError } from '../errors.ts';
import { listPages } from '../list-pager.ts';
import type { KubeObject } from '../object.ts';
import { resourceKey, resourcePath, type ResourceInfo } from '../resource-info.ts';
import { scrubObject } from './scrub-object.ts';
import { snapshotVersion, type KxSnapshot, type SnapshotList, type SnapshotResource } from './snapshot-format.ts';

/** What to read. */
export interface SnapshotRequest {
  client: ApiClient;
  context: string;
  /** Undefined: every namespace. */
  namespaces?: string[];
  /** Resource names as typed (pods, deploy, deployments.apps); undefined: every kind. Events always come along. */
  kinds?: string[];
  includeSecretValues: boolean;
  /** One line per resource read, for stderr. */
  progress?: (line: string) => void;
  pageSize?: number;
}

/** Reads the snapshot; `skipped` lists the resources that could not be read, with why. */
export async function takeSnapshot(req: SnapshotRequest): Promise<{ snapshot: KxSnapshot; skipped: string[] }> {
  const takenAt = new Date().toISOString();
  const [discovery, serverVersion] = await Promise.all([discover(req.client), req.client.get<Record<string, unknown>>('/version')]);
  const listable = discovery.resources.filter((r) => r.verbs.includes('list') && !(r.group === 'events.k8s.io' && r.plural === 'events'));
  const wanted = req.kinds ? listable.filter((r) => (r.group === '' && r.plural === 'events') || req.kinds!.some((k) => names(r).includes(k.toLowerCase()))) : listable;
  if (req.kinds) {
    const unknown = req.kinds.filter((k) => !listable.some((r) => names(r).includes(k.toLowerCase())));
    if (unknown.length > 0) throw new Error(`the server doesn't have a resource type "${unknown[0]}"`);
  }
  const lists: SnapshotList[] = [];
  const skipped: string[] = [];
  for (const r of wanted) {
    const scopes = r.namespaced && req.namespaces ? req.namespaces : [undefined];
    const items: KubeObject[] = [];
    let error: string | undefined;
    for (const ns of scopes) {
      try {
        await listPages(
          { client: req.client, path: resourcePath(r, ns), resource: r, query: {}, table: false, pageSize: req.pageSize ?? 500, signal: new AbortController().signal, timeoutMs: 60_000 },
          (page) => {
            const secret = r.group === '' && r.plural === 'secrets';
            for (const o of page.objects) items.push(scrubObject(o, { secret, includeSecretValues: req.includeSecretValues }));
          },
        );
      } catch (err) {
        const e = toKxError(err);
        if (e.kind === 'unauthorized' || e.kind === 'unreachable') throw e;
        error = e.message;
        break;
      }
    }
    if (error !== undefined) {
      skipped.push(`${resourceKey(r)}: ${error}`);
      lists.push({ group: r.group, version: r.version, plural: r.plural, error });
      req.progress?.(`${resourceKey(r)}: skipped (${error})`);
    } else {
      lists.push({ group: r.group, version: r.version, plural: r.plural, items });
      req.progress?.(`${resourceKey(r)}: ${items.length}`);
    }
  }
  const snapshot: KxSnapshot = {
    kind: 'KxSnapshot',
    version: snapshotVersion,
    takenAt,
    context: req.context,
    serverVersion,
    ...(req.namespaces ? { namespaces: req.namespaces } : {}),
    resources: listable.map(summary),
    lists,
  };
  return { snapshot, skipped };
}

/** The names kubectl accepts for a resource: plural, singular, short names, plural.group. */
function names(r: ResourceInfo): string[] {
  return [r.plural, r.singular, ...r.shortNames, resourceKey(r), r.kind.toLowerCase()].map((n) => n.toLowerCase());
}

function summary(r: ResourceInfo): SnapshotResource {
  return {
    group: r.group,
    version: r.version,
    versions: r.versions,
    plural: r.plural,
    singular: r.singular,
    kind: r.kind,
    namespaced: r.namespaced,
    shortNames: r.shortNames,
    categories: r.categories,
    verbs: r.verbs,
    subresources: r.subresources,
  };
}
