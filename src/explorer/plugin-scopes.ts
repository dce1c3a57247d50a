/**
 * Whether a plugin applies to a view. k9s compares a plugin's `scopes` with every name of the
 * view's resource (internal/view/actions.go inScope): plural, singular, short names, kind,
 * group/version/resource, k9s's own aliases and the user's; `all` is every view. A pod's
 * containers view is k9s's `containers` (also `container`, `co`).
 */
import { resourceKey } from '../kube/resource-info.ts';
import { k9sAliases } from './commands/command-names.ts';
import type { UserAlias } from './commands/aliases-file.ts';
import type { ViewEntry } from './view-entry.ts';

/** Every lower-case name a plugin's scope may use for the view `entry`. */
export function viewScopeNames(entry: ViewEntry, aliases: ReadonlyMap<string, UserAlias> = new Map()): ReadonlySet<string> {
  if (entry.scope?.kind === 'containers') return new Set(['containers', 'container', 'co']);
  const r = entry.resource;
  const gvr = r.group === '' ? `${r.version}/${r.plural}` : `${r.group}/${r.version}/${r.plural}`;
  const names = [r.plural, r.singular, r.kind, ...r.shortNames, resourceKey(r), gvr];
  for (const [alias, target] of Object.entries(k9sAliases)) if (target.group === r.group && target.plural === r.plural) names.push(alias);
  for (const alias of aliases.values()) {
    // The user's alias names this resource when its command's first word does (pp: v1/pods, pp: pods).
    const head = (alias.value.split(/\s+/)[0] ?? '').toLowerCase();
    if (head === gvr || head === r.plural || head === r.singular || r.shortNames.includes(head)) names.push(alias.name);
  }
  return new Set(names.filter((n) => n !== '').map((n) => n.toLowerCase()));
}

/** Whether a plugin with `scopes` is offered in a view with `names`. */
export function pluginInScope(scopes: readonly string[], names: ReadonlySet<string>): boolean {
  return scopes.some((s) => s.toLowerCase() === 'all' || names.has(s.toLowerCase()));
}
