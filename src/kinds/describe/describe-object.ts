/**
 * Which describe function an object gets: its kind module's (registry.ts, by API group and Kind,
 * as kubectl's describerMap), loaded on first use; the generic one for everything else, custom
 * resources included.
 */
import type { KubeObject } from '../../kube/object.ts';
import { groupOf } from '../../kube/related-objects.ts';
import { builtinKinds, kindByGroupKind } from '../registry.ts';
import type { Describer, DescribeRelated } from './describe-types.ts';
import { describeGeneric } from './describe-generic.ts';

export { groupOf };

const loaded = new Map<string, Describer>();

/** The describer kubectl would use for this group and Kind (the generic one when kx has none). */
export async function loadDescriber(group: string, kind: string): Promise<Describer> {
  const key = `${group}/${kind}`;
  const known = loaded.get(key);
  if (known) return known;
  const load = kindByGroupKind(group, kind)?.module.describe;
  const describer = load ? await load() : describeGeneric;
  loaded.set(key, describer);
  return describer;
}

/** Loads every built-in kind's describer, so describeLoaded can run synchronously (tests, benchmarks). */
export async function preloadDescribers(): Promise<void> {
  await Promise.all(builtinKinds().map((k) => loadDescriber(k.module.group, k.module.kind)));
}

/** kubectl-describe-like lines for `object` with a describer already loaded (see preloadDescribers). */
export function describeLoaded(object: KubeObject, related: DescribeRelated, now: number): string[] {
  const group = groupOf(object.apiVersion);
  const describer = loaded.get(`${group}/${object.kind}`) ?? (kindByGroupKind(group, object.kind) ? undefined : describeGeneric);
  if (!describer) throw new Error(`the describer of ${group}/${object.kind} is not loaded`);
  return describer({ object, related, now });
}

/** kubectl-describe-like lines for `object`, given the related objects it needs. */
export async function describeObject(object: KubeObject, related: DescribeRelated, now: number): Promise<string[]> {
  const describer = await loadDescriber(groupOf(object.apiVersion), object.kind);
  return describer({ object, related, now });
}
