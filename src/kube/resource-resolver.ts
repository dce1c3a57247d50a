/**
 * Maps what a user types to a resource the way kubectl does: `po`, `pods`, `pod`, `Pod`,
 * `deploy`, `deployments.apps`, `deployment.v1.apps`, `ct`, `crontabs.stable.example.com`.
 * When names collide, the group that comes first in discovery wins (core, then the server's
 * group priority order, which puts apps before extensions-era groups).
 */
import type { DiscoveryResult } from './discovery.ts';
import { KxError } from './errors.ts';
import type { ResourceInfo } from './resource-info.ts';

const versionPattern = /^v\d+(?:(?:alpha|beta)\d+)?$/;

/** The resource `input` names, or undefined. A `name.version.group` form pins that version. */
export function findResource(discovery: DiscoveryResult, input: string): ResourceInfo | undefined {
  const text = input.trim().toLowerCase();
  if (!text) return undefined;
  const parts = text.split('.');
  // resource.version.group (deployment.v1.apps, cronjobs.v1beta1.batch)
  if (parts.length >= 3 && versionPattern.test(parts[1]!)) {
    const group = parts.slice(2).join('.');
    const hit = match(
      discovery.resources.filter((r) => r.group === group),
      parts[0]!,
    );
    if (hit && hit.versions.includes(parts[1]!)) return { ...hit, version: parts[1]! };
  }
  // resource.group (deployments.apps, crontabs.stable.example.com, ct.stable)
  if (parts.length >= 2) {
    const group = parts.slice(1).join('.');
    const exact = match(
      discovery.resources.filter((r) => r.group === group),
      parts[0]!,
    );
    if (exact) return exact;
    const prefixed = match(
      discovery.resources.filter((r) => r.group.startsWith(`${group}.`)),
      parts[0]!,
    );
    if (prefixed) return prefixed;
  }
  return match(discovery.resources, text);
}

/** Like findResource, but throws KxError('notFound') in kubectl's words when nothing matches. */
export function resolveResource(discovery: DiscoveryResult, input: string): ResourceInfo {
  const found = findResource(discovery, input);
  if (!found) throw new KxError('notFound', `the server doesn't have a resource type "${input}"`);
  return found;
}

// Full names beat short names (kubectl stopped expanding a shortcut that is also a real
// resource name); within one kind of match the first resource in discovery order wins.
function match(candidates: ResourceInfo[], name: string): ResourceInfo | undefined {
  return (
    candidates.find((r) => r.plural === name) ??
    candidates.find((r) => r.singular === name) ??
    candidates.find((r) => r.shortNames.includes(name)) ??
    candidates.find((r) => r.kind.toLowerCase() === name)
  );
}
