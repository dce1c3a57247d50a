/** Dependents by owner uid, kept from store changes, so controllers never scan all pods. */
import type { KubeObject } from '../../kube/object.ts';
import type { DemoResourceRef, StoreChange } from '../types.ts';
import { refId } from './refs.ts';

/** A dependent object, by reference. */
export interface DependentRef {
  resource: DemoResourceRef;
  namespace: string | undefined;
  name: string;
}

/** Maps owner uid → dependents (any resource that has ownerReferences). */
export class OwnerIndex {
  private readonly byOwner = new Map<string, Map<string, DependentRef>>();
  private readonly ownersOf = new Map<string, string[]>();

  /** Applies one store change. */
  apply(change: StoreChange): void {
    const { object, resource } = change;
    const key = `${refId(resource)}|${object.metadata.namespace ?? ''}|${object.metadata.name}`;
    const before = this.ownersOf.get(key) ?? [];
    const after = change.type === 'DELETED' ? [] : (object.metadata.ownerReferences ?? []).map((o) => o.uid);
    if (before.length === 0 && after.length === 0) return;
    for (const uid of before) if (!after.includes(uid)) this.byOwner.get(uid)?.delete(key);
    for (const uid of after) {
      let deps = this.byOwner.get(uid);
      if (!deps) {
        deps = new Map();
        this.byOwner.set(uid, deps);
      }
      deps.set(key, { resource, namespace: object.metadata.namespace, name: object.metadata.name });
    }
    for (const uid of before) if (this.byOwner.get(uid)?.size === 0) this.byOwner.delete(uid);
    if (after.length > 0) this.ownersOf.set(key, after);
    else this.ownersOf.delete(key);
  }

  /** Dependents of an owner, optionally of one resource only. */
  dependents(ownerUid: string, resource?: DemoResourceRef): DependentRef[] {
    const deps = this.byOwner.get(ownerUid);
    if (!deps) return [];
    const all = [...deps.values()];
    return resource ? all.filter((d) => d.resource.group === resource.group && d.resource.plural === resource.plural) : all;
  }
}

/** The controller owner reference of an object, if any. */
export function controllerOf(obj: KubeObject): { kind: string; name: string; uid: string } | undefined {
  return obj.metadata.ownerReferences?.find((o) => o.controller);
}
