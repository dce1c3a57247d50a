/**
 * Every name a `:` command can start with: kx's own commands, each discovered resource by the
 * names kubectl accepts, and k9s's default resource aliases (`:dp`, `:jo`, `:sec`, …) for users
 * coming from k9s. Built once per discovery result.
 */
import type { DiscoveryResult } from '../../kube/discovery.ts';
import { resourceKey, type ResourceInfo } from '../../kube/resource-info.ts';
import { findResource } from '../../kube/resource-resolver.ts';

/** kx's own commands (not resources). */
export type BuiltinCommand = 'context' | 'quit' | 'help' | 'forwards' | 'helm' | 'changes' | 'triage';

/** What a command name stands for. */
export type CommandTarget = { kind: 'resource'; resource: ResourceInfo } | { kind: 'builtin'; command: BuiltinCommand };

/** How a name relates to its target; also the order in which completion prefers a target's names. */
export type NameSource = 'builtin' | 'plural' | 'singular' | 'short' | 'alias' | 'kind' | 'qualified';

/** One name a command may start with. */
export interface CommandName {
  /** Lower-case, as typed after ':'. */
  name: string;
  source: NameSource;
  target: CommandTarget;
  /** Stable id of the target ('pods', 'deployments.apps', 'builtin:quit', 'alias:pp'), for grouping names. */
  targetId: string;
  /** What completion shows beside the name, when not the target's id (a user alias: what it expands to). */
  detail?: string;
}

/** kx's own commands; the first name of each is the one completion offers. */
export const builtinNames: Readonly<Record<BuiltinCommand, readonly string[]>> = {
  // k9s: contexts/context/ctx, quit/q/Q, help/h/?.
  context: ['ctx', 'context', 'contexts'],
  quit: ['quit', 'q'],
  help: ['help', 'h', '?'],
  // k9s: pf/portforward lists the port-forwards.
  forwards: ['pf', 'port-forwards', 'portforwards'],
  // k9s: helm/hm lists the Helm releases.
  helm: ['helm', 'hm', 'charts'],
  // kx's own: the changes seen on the watches.
  changes: ['changes'],
  // kx's own: what is wrong now, across the cluster.
  triage: ['triage'],
};

/** k9s's default aliases for resources without a kubectl short name (k9s internal/config/alias.go). */
export const k9sAliases: Readonly<Record<string, { group: string; plural: string }>> = {
  dp: { group: 'apps', plural: 'deployments' },
  sec: { group: '', plural: 'secrets' },
  jo: { group: 'batch', plural: 'jobs' },
  cr: { group: 'rbac.authorization.k8s.io', plural: 'clusterroles' },
  crb: { group: 'rbac.authorization.k8s.io', plural: 'clusterrolebindings' },
  ro: { group: 'rbac.authorization.k8s.io', plural: 'roles' },
  rb: { group: 'rbac.authorization.k8s.io', plural: 'rolebindings' },
  np: { group: 'networking.k8s.io', plural: 'networkpolicies' },
};

const cache = new WeakMap<DiscoveryResult, readonly CommandName[]>();

/** The builtin a name stands for, if any (builtins win over resources, as in k9s). */
export function builtinFor(name: string): BuiltinCommand | undefined {
  const lower = name.toLowerCase();
  for (const [command, names] of Object.entries(builtinNames) as [BuiltinCommand, readonly string[]][]) {
    if (names.includes(lower)) return command;
  }
  return undefined;
}

/** The resource a k9s alias names, when discovery serves it and kubectl does not already use the name. */
export function aliasFor(discovery: DiscoveryResult, name: string): ResourceInfo | undefined {
  const alias = k9sAliases[name.toLowerCase()];
  if (!alias) return undefined;
  return discovery.resources.find((r) => r.group === alias.group && r.plural === alias.plural);
}

/**
 * All command names for a discovery result. A resource's name is listed only when it really
 * resolves to that resource (the core `events` shadows events.k8s.io's, which is then reachable
 * as `events.events.k8s.io`), so a completion never leads somewhere else.
 */
export function commandNames(discovery: DiscoveryResult): readonly CommandName[] {
  const cached = cache.get(discovery);
  if (cached) return cached;
  const out: CommandName[] = [];
  const seen = new Set<string>();
  const add = (name: string, source: NameSource, target: CommandTarget, targetId: string): void => {
    if (name === '' || seen.has(name)) return;
    seen.add(name);
    out.push({ name, source, target, targetId });
  };
  for (const [command, names] of Object.entries(builtinNames) as [BuiltinCommand, readonly string[]][]) {
    for (const name of names) add(name, 'builtin', { kind: 'builtin', command }, `builtin:${command}`);
  }
  for (const resource of discovery.resources) {
    const id = resourceKey(resource);
    const target: CommandTarget = { kind: 'resource', resource };
    const names: [string, NameSource][] = [
      [resource.plural, 'plural'],
      [resource.singular, 'singular'],
      ...resource.shortNames.map((s): [string, NameSource] => [s, 'short']),
      [resource.kind.toLowerCase(), 'kind'],
    ];
    if (resource.group !== '') names.push([id, 'qualified']);
    for (const [name, source] of names) {
      const hit = findResource(discovery, name);
      if (hit && resourceKey(hit) === id && builtinFor(name) === undefined) add(name, source, target, id);
    }
  }
  for (const alias of Object.keys(k9sAliases)) {
    const resource = aliasFor(discovery, alias);
    if (resource && !findResource(discovery, alias)) add(alias, 'alias', { kind: 'resource', resource }, resourceKey(resource));
  }
  cache.set(discovery, out);
  return out;
}
