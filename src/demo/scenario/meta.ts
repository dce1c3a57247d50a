/** Small helpers for object metadata, labels and times used across the scenario. */
import type { KubeObject, OwnerReference } from '../../kube/object.ts';

/** RFC 3339 with second precision, as metadata timestamps are written. */
export function rfc3339(date: Date = new Date()): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z');
}

/** A date `seconds` ago. */
export function ago(seconds: number): Date {
  return new Date(Date.now() - seconds * 1000);
}

/** How long ago obj was created, in seconds (undefined without a timestamp): what boot dates a dependent by. */
export function secondsSinceCreated(obj: KubeObject): number | undefined {
  const created = Date.parse(obj.metadata.creationTimestamp ?? '');
  return Number.isNaN(created) ? undefined : Math.max(0, (Date.now() - created) / 1000);
}

/** The controller owner reference pointing at obj. */
export function ownerRef(obj: KubeObject): OwnerReference {
  return { apiVersion: obj.apiVersion, kind: obj.kind, name: obj.metadata.name, uid: obj.metadata.uid, controller: true, blockOwnerDeletion: true };
}

/** A label selector as the API writes it. */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** True when labels satisfy the selector (an empty selector matches everything, like the API). */
export function matchesSelector(selector: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector?.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const e of selector?.matchExpressions ?? []) {
    const has = Object.hasOwn(l, e.key);
    const value = l[e.key];
    switch (e.operator) {
      case 'In':
        if (!has || !(e.values ?? []).includes(value as string)) return false;
        break;
      case 'NotIn':
        if (has && (e.values ?? []).includes(value as string)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** True when every key/value of a Service-style selector is in labels (an empty one selects nothing). */
export function matchesMap(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  const entries = Object.entries(selector ?? {});
  if (entries.length === 0) return false;
  return entries.every(([k, v]) => labels?.[k] === v);
}

/** Reads a typed field bag from an object (spec/status are free-form in KubeObject). */
export function spec<T>(obj: KubeObject): T {
  return (obj.spec ?? {}) as T;
}

/** Reads status as a typed bag. */
export function status<T>(obj: KubeObject): T {
  return (obj.status ?? {}) as T;
}

/** True when the object is being deleted. */
export function terminating(obj: KubeObject): boolean {
  return obj.metadata.deletionTimestamp !== undefined;
}

/** Sets or replaces a condition, keeping lastTransitionTime when the status did not change. */
export function setCondition<C extends { type: string; status: string; lastTransitionTime?: string | null }>(conditions: C[], next: C): C[] {
  const old = conditions.find((c) => c.type === next.type);
  const merged = old && old.status === next.status && old.lastTransitionTime ? { ...next, lastTransitionTime: old.lastTransitionTime } : next;
  return old ? conditions.map((c) => (c.type === next.type ? merged : c)) : [...conditions, merged];
}
