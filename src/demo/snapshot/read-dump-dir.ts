/**
 * Reads the directory `kubectl cluster-info dump --output-directory DIR` writes into a KxSnapshot:
 * DIR/nodes.json, DIR/<namespace>/{events,services,daemonsets,deployments,replicasets,pods}.json
 * (lists) and DIR/<namespace>/<pod>/logs.txt (each container between START and END lines).
 * A file that is missing or broken leaves its kind without objects, with the reason.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { KubeObject } from '../../kube/object.ts';
import { snapshotVersion, type KxSnapshot, type SnapshotList, type SnapshotResource } from '../../kube/snapshot/snapshot-format.ts';
import { builtinResources } from '../server/builtin-resources.ts';

/** What the dump writes per namespace, by the core or apps resource it lists. */
const namespacedFiles: Array<{ group: string; plural: string }> = [
  { group: '', plural: 'events' },
  { group: '', plural: 'services' },
  { group: 'apps', plural: 'daemonsets' },
  { group: 'apps', plural: 'deployments' },
  { group: 'apps', plural: 'replicasets' },
  { group: '', plural: 'pods' },
];

/** Reads a dump directory; throws one sentence when `dir` is not one. */
export function readDumpDir(dir: string): KxSnapshot {
  const namespaces = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && namespacedFiles.some((f) => existsSync(join(dir, e.name, `${f.plural}.json`))))
    .map((e) => e.name)
    .sort();
  const nodesFile = join(dir, 'nodes.json');
  if (!existsSync(nodesFile) && namespaces.length === 0) {
    throw new Error(`${dir} is not a kubectl cluster-info dump directory (no nodes.json, no <namespace>/pods.json)`);
  }
  const lists: SnapshotList[] = [];
  const nodes = readList(nodesFile, dir);
  lists.push({ group: '', version: 'v1', plural: 'nodes', ...nodes });
  for (const f of namespacedFiles) {
    const items: KubeObject[] = [];
    const missing: string[] = [];
    for (const ns of namespaces) {
      const got = readList(join(dir, ns, `${f.plural}.json`), dir);
      if (got.items) items.push(...got.items);
      else missing.push(got.error);
    }
    // A kind missing in some namespaces still shows the others; missing everywhere, it says why.
    const list = items.length > 0 || missing.length < namespaces.length ? { items } : { error: missing[0] ?? `the dump has no ${f.plural}.json` };
    lists.push({ group: f.group, version: 'v1', plural: f.plural, ...list });
  }
  lists.push({ group: '', version: 'v1', plural: 'namespaces', items: namespaces.map(namespaceObject) });
  const listed = new Set(lists.map((l) => `${l.group}/${l.plural}`));
  const resources = builtinResources().filter((d) => d.verbs.includes('list'));
  for (const d of resources) {
    if (!listed.has(`${d.group}/${d.plural}`))
      lists.push({ group: d.group, version: d.versions[0] ?? 'v1', plural: d.plural, error: `kubectl cluster-info dump does not save ${d.group ? `${d.plural}.${d.group}` : d.plural}` });
  }
  const kubelet = (nodes.items?.[0]?.status as { nodeInfo?: { kubeletVersion?: string } } | undefined)?.nodeInfo?.kubeletVersion ?? 'unknown';
  const m = /^v(\d+)\.(\d+)/.exec(kubelet);
  return {
    kind: 'KxSnapshot',
    version: snapshotVersion,
    takenAt: statSync(existsSync(nodesFile) ? nodesFile : join(dir, namespaces[0]!)).mtime.toISOString(),
    // Short, for the header: the directory's own name.
    context: `cluster-info dump ${basename(dir)}`,
    serverVersion: { major: m?.[1] ?? '', minor: m?.[2] ?? '', gitVersion: kubelet },
    resources: resources.map((d): SnapshotResource => ({
      group: d.group,
      version: d.versions[0] ?? 'v1',
      versions: d.versions,
      plural: d.plural,
      singular: d.singular,
      kind: d.kind,
      namespaced: d.namespaced,
      shortNames: d.shortNames,
      categories: d.categories,
      verbs: d.verbs,
      subresources: { scale: d.subresources.scale !== undefined, status: d.subresources.status === true, log: d.subresources.log === true, exec: d.subresources.exec === true },
    })),
    lists,
    logs: readLogs(dir, namespaces),
  };
}

function readList(file: string, dir: string): { items: KubeObject[] } | { items?: undefined; error: string } {
  const name = file.slice(dir.length).replace(/^\//, '');
  if (!existsSync(file)) return { error: `the dump has no ${name}` };
  try {
    const list = JSON.parse(readFileSync(file, 'utf8')) as { items?: KubeObject[] };
    if (!Array.isArray(list.items)) return { error: `${name} in the dump is not a list` };
    return { items: list.items };
  } catch {
    return { error: `${name} in the dump is truncated or not JSON` };
  }
}

/** The dump lists no namespaces: each directory stands for one. */
function namespaceObject(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, uid: `cluster-info-dump-namespace-${name}` }, status: { phase: 'Active' } } as KubeObject;
}

const startLine = /^==== START logs for container (\S+) of pod ([^/\s]+)\/(\S+) ====$/;
const endLine = /^==== END logs for container (\S+) of pod ([^/\s]+)\/(\S+) ====$/;

/** Each pod's logs.txt, split by container. */
function readLogs(dir: string, namespaces: string[]): Record<string, string> {
  const logs: Record<string, string> = {};
  for (const ns of namespaces) {
    for (const e of readdirSync(join(dir, ns), { withFileTypes: true })) {
      const file = join(dir, ns, e.name, 'logs.txt');
      if (!e.isDirectory() || !existsSync(file)) continue;
      let current: string | undefined;
      let lines: string[] = [];
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        const start = startLine.exec(line);
        if (start) {
          current = `${start[2]}/${start[3]}/${start[1]}`;
          lines = [];
        } else if (current && endLine.test(line)) {
          logs[current] = lines.length > 0 ? `${lines.join('\n')}\n` : '';
          current = undefined;
        } else if (current) lines.push(line);
      }
    }
  }
  return logs;
}
