/** Pure helpers of the Deployment controller: template identity, surge/unavailable, annotations. */
import type { KubeObject } from '../../../kube/object.ts';
import { canonicalJson, stableHash } from '../rng.ts';
import type { PodTemplate } from './pod-factory.ts';

/** Annotation keys the controller manages itself (never copied from the Deployment to a ReplicaSet). */
export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED = 'deployment.kubernetes.io/desired-replicas';
export const MAX = 'deployment.kubernetes.io/max-replicas';
const skipCopy = new Set(['kubectl.kubernetes.io/last-applied-configuration', REVISION, REVISION_HISTORY, DESIRED, MAX, 'deprecated.deployment.rollback.to']);

/** A template with the pod-template-hash label removed, as JSON that ignores key order. */
export function templateKey(template: PodTemplate | undefined): string {
  const t = structuredClone(template ?? {});
  if (t.metadata?.labels) {
    delete t.metadata.labels['pod-template-hash'];
    if (Object.keys(t.metadata.labels).length === 0) delete t.metadata.labels;
  }
  return canonicalJson(prune(t));
}

/** Drops nulls and empty objects: a Go client round-trip adds `creationTimestamp: null` and the like, which mean nothing. */
function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prune);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === null || v === undefined) continue;
    const p = prune(v);
    if (p && typeof p === 'object' && !Array.isArray(p) && Object.keys(p).length === 0) continue;
    out[k] = p;
  }
  return out;
}

/** The pod-template-hash of a template (plus collision count), like the controller's ComputeHash. */
export function podTemplateHash(template: PodTemplate | undefined, collisionCount = 0): string {
  return stableHash({ t: JSON.parse(templateKey(template)) as unknown, c: collisionCount });
}

/** Resolves an int-or-percent against a total (rounding up for surge, down for unavailable). */
export function intOrPercent(value: number | string | undefined, total: number, fallback: string, roundUp: boolean): number {
  const v = value ?? fallback;
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) return Number.parseInt(v, 10) || 0;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** maxSurge and maxUnavailable of a rolling Deployment (both 0 is not allowed: unavailable becomes 1). */
export function surgeAndUnavailable(deploy: KubeObject): { surge: number; unavailable: number } {
  const spec = (deploy.spec ?? {}) as { replicas?: number; strategy?: { type?: string; rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string } } };
  const replicas = spec.replicas ?? 1;
  if (spec.strategy?.type === 'Recreate') return { surge: 0, unavailable: replicas };
  const ru = spec.strategy?.rollingUpdate;
  const surge = intOrPercent(ru?.maxSurge, replicas, '25%', true);
  let unavailable = intOrPercent(ru?.maxUnavailable, replicas, '25%', false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable: Math.min(unavailable, replicas) };
}

/** The revision number of a ReplicaSet (0 when unset). */
export function revisionOf(rs: KubeObject): number {
  return Number(rs.metadata.annotations?.[REVISION] ?? 0) || 0;
}

/** The Deployment annotations a ReplicaSet carries (change-cause and friends). */
export function copiedAnnotations(deploy: KubeObject): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(deploy.metadata.annotations ?? {})) if (!skipCopy.has(k)) out[k] = v;
  return out;
}

/** Replicas of a ReplicaSet's spec. */
export function specReplicas(rs: KubeObject): number {
  return ((rs.spec ?? {}) as { replicas?: number }).replicas ?? 0;
}

/** One count from a ReplicaSet's status. */
export function statusCount(rs: KubeObject, field: 'replicas' | 'readyReplicas' | 'availableReplicas'): number {
  return ((rs.status ?? {}) as Record<string, number | undefined>)[field] ?? 0;
}
