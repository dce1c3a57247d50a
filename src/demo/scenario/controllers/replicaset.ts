/** The ReplicaSet controller: creates and deletes pods to match spec.replicas, and reports counts. */
import type { KubeObject } from '../../../kube/object.ts';
import type { ScenarioContext } from '../context.ts';
import { matchesSelector, type LabelSelector } from '../meta.ts';
import { R } from '../refs.ts';
import { canonicalJson } from '../rng.ts';
import { isActive, isReady, podFromTemplate, type PodTemplate } from './pod-factory.ts';
import { slowStartBatch } from './slow-start.ts';

interface RsSpec {
  replicas?: number;
  selector?: LabelSelector;
  template?: PodTemplate;
  minReadySeconds?: number;
}

/** Syncs one ReplicaSet. */
export function syncReplicaSet(ctx: ScenarioContext, namespace: string, name: string): void {
  const rs = ctx.store.get(R.replicasets, namespace, name);
  if (!rs || rs.metadata.deletionTimestamp) return;
  const spec = (rs.spec ?? {}) as RsSpec;
  const want = spec.replicas ?? 1;
  const pods = ctx.dependents(rs, R.pods);
  const active = pods.filter(isActive);
  const component = { component: 'replicaset-controller' };
  if (active.length < want) {
    slowStartBatch(ctx.bursts.take('ReplicaSet', namespace, name, want - active.length), () => {
      const pod = ctx.create(R.pods, podFromTemplate(rs, spec.template ?? {}, ctx.generatedName(R.pods, namespace, name)));
      ctx.events.record(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, component);
    });
  } else if (active.length > want) {
    for (const pod of rankForDeletion(active).slice(0, ctx.bursts.take('ReplicaSet', namespace, name, active.length - want))) {
      ctx.store.delete(R.pods, namespace, pod.metadata.name);
      ctx.events.record(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, component);
    }
  }
  const live = ctx.dependents(rs, R.pods).filter(isActive);
  const ready = live.filter(isReady).length;
  const labelled = live.filter((p) => matchesSelector(spec.selector, p.metadata.labels)).length;
  const status = {
    replicas: live.length,
    fullyLabeledReplicas: labelled,
    readyReplicas: ready,
    availableReplicas: ready,
    observedGeneration: rs.metadata.generation ?? 1,
  };
  // The API omits zero counts except replicas, as omitempty does.
  const next: Record<string, unknown> = { ...status };
  for (const k of ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas']) if (next[k] === 0) delete next[k];
  if (canonicalJson(rs.status ?? {}) === canonicalJson(next)) return;
  ctx.store.mutate(R.replicasets, namespace, name, (d) => {
    d.status = next;
  });
}

/** Pods to delete first: unscheduled, then pending, then not ready, then the newest (like the real ranking). */
export function rankForDeletion(pods: KubeObject[]): KubeObject[] {
  const score = (p: KubeObject): number => {
    if (!(p.spec as { nodeName?: string } | undefined)?.nodeName) return 0;
    if ((p.status as { phase?: string } | undefined)?.phase === 'Pending') return 1;
    if (!isReady(p)) return 2;
    return 3;
  };
  return [...pods].sort((a, b) => score(a) - score(b) || (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? '') || b.metadata.name.localeCompare(a.metadata.name));
}
