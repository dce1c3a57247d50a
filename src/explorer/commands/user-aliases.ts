/**
 * What the head of a user's alias names: k9s writes a resource as group/version/resource
 * (`apps/v1/deployments`, `v1/pods` for the core group), or as any name `:` takes.
 */
import { findResource } from '../../kube/resource-resolver.ts';
import type { ResourceInfo } from '../../kube/resource-info.ts';
import { aliasFor, builtinFor, type CommandName, type CommandTarget } from './command-names.ts';
import type { CommandContext } from './parse-command.ts';

/**
 * The resource `head` names; undefined when it is another alias or a kx command (the caller
 * expands again); a sentence (after `alias "x" (where)`) when it names nothing the server serves.
 */
export function resolveAliasHead(ctx: Pick<CommandContext, 'discovery' | 'aliases'>, head: string): { resource: ResourceInfo } | { message: string } | undefined {
  if (head.includes('/')) {
    const parts = head.split('/');
    const plural = parts[parts.length - 1]!.toLowerCase();
    const version = parts[parts.length - 2]!;
    const group = parts.slice(0, -2).join('/');
    const found = ctx.discovery.resources.find((r) => r.group === group && r.plural === plural);
    if (!found) return { message: `names ${head}, which the server does not serve.` };
    if (found.versions.length > 0 && !found.versions.includes(version)) {
      return { message: `names ${head}, but the server serves ${found.plural} as ${found.versions.map((v) => (group ? `${group}/${v}` : v)).join(', ')}.` };
    }
    return { resource: found };
  }
  if (builtinFor(head) !== undefined || ctx.aliases?.has(head)) return undefined;
  const resource = findResource(ctx.discovery, head) ?? aliasFor(ctx.discovery, head);
  return resource ? { resource } : { message: `names "${head}", which is neither a resource the server serves nor a kx command.` };
}

/** Where a user's alias leads after following aliases to aliases: a resource, a kx command, or nowhere. */
export function aliasTarget(ctx: Pick<CommandContext, 'discovery' | 'aliases'>, name: string): CommandTarget | undefined {
  let alias = ctx.aliases?.get(name);
  for (let depth = 0; alias && depth < 8; depth++) {
    const head = alias.value.split(/\s+/)[0] ?? '';
    const builtin = builtinFor(head);
    if (builtin) return { kind: 'builtin', command: builtin };
    const resolved = resolveAliasHead(ctx, head);
    if (resolved !== undefined) return 'resource' in resolved ? { kind: 'resource', resource: resolved.resource } : undefined;
    alias = ctx.aliases?.get(head);
  }
  return undefined;
}

/** The user's aliases as `:` names, each its own completion (`pp` → v1/pods), those that lead nowhere left out. */
export function userAliasNames(ctx: Pick<CommandContext, 'discovery' | 'aliases'>): CommandName[] {
  const out: CommandName[] = [];
  for (const alias of ctx.aliases?.values() ?? []) {
    if (builtinFor(alias.name) !== undefined) continue;
    const target = aliasTarget(ctx, alias.name);
    if (target) out.push({ name: alias.name, source: 'alias', target, targetId: `alias:${alias.name}`, detail: alias.value });
  }
  return out;
}
