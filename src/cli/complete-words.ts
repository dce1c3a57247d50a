/**
 * What the shell should offer for the word being typed on a kx command line: commands, rollout
 * subcommands, resource types, object names from the cluster, namespaces and contexts. Cluster
 * lookups are best-effort (a slow or unreachable cluster offers nothing, never an error).
 */
import { pickFromDiscovery } from '../kube/discovery-disk-cache.ts';
import { loadKubeconfig } from '../kube/kubeconfig.ts';
import type { KubeList } from '../kube/object.ts';
import { findResource } from '../kube/resource-resolver.ts';
import { resourcePath } from '../kube/resource-info.ts';
import { openSession, type KubeSession } from '../kube/session.ts';
import { flagNames } from './command-flag-names.ts';

const commands = [
  'logs',
  'exec',
  'attach',
  'scale',
  'rollout',
  'set',
  'create',
  'port-forward',
  'edit',
  'top',
  'cordon',
  'uncordon',
  'drain',
  'record',
  'changes',
  'snapshot',
  'completion',
  'demo',
  'version',
];
const rolloutCommands = ['history', 'undo', 'restart', 'status', 'pause', 'resume'];
const workloadTypes = ['deployment/', 'statefulset/', 'daemonset/', 'replicaset/'];
const logTypes = ['pod/', 'deployment/', 'statefulset/', 'daemonset/', 'job/', 'service/'];

/** Completions for `words` (everything after `kx`; the last one is being typed, maybe ''). */
export async function completeWords(words: readonly string[]): Promise<string[]> {
  const current = words.at(-1) ?? '';
  const before = words.slice(0, -1);
  const flag = (name: string, short?: string): string | undefined => {
    const i = before.findIndex((w) => w === `--${name}` || (short !== undefined && w === `-${short}`));
    return i >= 0 ? before[i + 1] : before.find((w) => w.startsWith(`--${name}=`))?.slice(name.length + 3);
  };
  const previous = before.at(-1);
  const loc = { kubeconfig: flag('kubeconfig') };
  if (previous === '--context')
    return prefixed(
      safe(() => loadKubeconfig(loc).contexts.map((c) => c.name)),
      current,
    );
  const positional = before.filter((w, i) => !w.startsWith('-') && !['--kubeconfig', '--context', '-n', '--namespace', '-c', '--container'].includes(before[i - 1] ?? ''));
  const withSession = async (fn: (s: KubeSession) => Promise<string[]>): Promise<string[]> => {
    let session: KubeSession | undefined;
    try {
      session = await openSession(loadKubeconfig(loc), { context: flag('context'), namespace: flag('namespace', 'n') });
      return await fn(session);
    } catch {
      return [];
    } finally {
      await session?.close();
    }
  };
  if (previous === '-n' || previous === '--namespace') return prefixed(await withSession((s) => s.listNamespaces()), current);
  const [command, ...args] = positional;
  if (current.startsWith('-')) return prefixed(await flagNames(command), current);
  if (command === undefined) return prefixed(commands, current);
  if (command === 'completion') return args.length === 0 ? prefixed(['bash', 'zsh', 'fish'], current) : [];
  if (command === 'rollout' && args.length === 0) return prefixed(rolloutCommands, current);
  if (command === 'set' && args.length === 0) return prefixed(['image'], current);
  if (command === 'create' && args.length === 0) return prefixed(['job'], current);
  if (command === 'top' && args.length === 0) return prefixed(['pods', 'nodes'], current);
  if (command === 'cordon' || command === 'uncordon' || command === 'drain') return args.length === 0 ? prefixed(await withSession((s) => namesOf(s, 'nodes', '')), current) : [];
  const objectArgs = command === 'rollout' ? args.slice(1) : args;
  if (!['scale', 'rollout', 'logs', 'exec', 'attach'].includes(command) || objectArgs.length > 0) return [];
  if (!current.includes('/')) {
    if (command === 'exec' || command === 'attach') return prefixed(await withSession((s) => namesOf(s, 'pods', '')), current);
    if (command === 'logs') return prefixed([...logTypes, ...(await withSession((s) => namesOf(s, 'pods', '')))], current);
    return prefixed(workloadTypes, current);
  }
  const [type, partial = ''] = current.split('/', 2) as [string, string?];
  return (await withSession((s) => namesOf(s, type, partial))).map((n) => `${type}/${n}`);
}

async function namesOf(session: KubeSession, type: string, partial: string): Promise<string[]> {
  const resource = await pickFromDiscovery(session.client, session.discoveryCache, (d) => findResource(d, type));
  if (!resource) return [];
  const list = await session.client.get<KubeList>(resourcePath(resource, session.namespace), { query: { limit: 500 }, timeoutMs: 5000 });
  return list.items
    .map((o) => o.metadata.name)
    .filter((n) => n.startsWith(partial))
    .sort();
}

function prefixed(options: readonly string[], current: string): string[] {
  return options.filter((o) => o.startsWith(current));
}

function safe(fn: () => string[]): string[] {
  try {
    return fn();
  } catch {
    return [];
  }
}
