/** The DaemonSet controller: one pod per node it tolerates, ControllerRevisions, rolling replacement, status. */
import type { KubeObject } from '../../../kube/object.ts';
import type { ScenarioContext } from '../context.ts';
import { R } from '../refs.ts';
import { canonicalJson } from '../rng.ts';
import { isReady, podFromTemplate, type PodTemplate } from './pod-factory.ts';
import { ensureRevision } from './revisions.ts';
import { slowStartBatch } from './slow-start.ts';
import { unfit } from './scheduler.ts';

const source = { component: 'daemonset-controller' };

/** Tolerations the DaemonSet controller adds to every daemon pod. */
const daemonTolerations = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];

/** The node a daemon pod is pinned to (nodeName, or its matchFields affinity). */
function nodeOf(pod: KubeObject): string | undefined {
  const spec = (pod.spec ?? {}) as {
    nodeName?: string;
    affinity?: { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: { matchFields?: { values?: string[] }[] }[] } } };
  };
  return spec.nodeName ?? spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0]?.matchFields?.[0]?.values?.[0];
}

/** Syncs one DaemonSet. */
export function syncDaemonSet(ctx: ScenarioContext, namespace: string, name: string): void {
  const ds = ctx.store.get(R.daemonsets, namespace, name);
  if (!ds || ds.metadata.deletionTimestamp) return;
  const spec = (ds.spec ?? {}) as { template?: PodTemplate; revisionHistoryLimit?: number; selector?: { matchLabels?: Record<string, string> } };
  const template = spec.template ?? {};
  const podSpec = (template.spec ?? {}) as { tolerations?: object[]; nodeSelector?: Record<string, string> };
  const tolerations = [...(podSpec.tolerations ?? []), ...daemonTolerations];
  const eligible = ctx.store
    .list(R.nodes)
    .filter((n) => !unfit(n, { tolerations, nodeSelector: podSpec.nodeSelector }))
    .map((n) => n.metadata.name);
  const revision = ensureRevision(ctx, ds, spec.selector?.matchLabels ?? {}, spec.revisionHistoryLimit ?? 10);
  const hash = revision.metadata.labels?.['controller.kubernetes.io/hash'] ?? '';
  const generation = String(ds.metadata.generation ?? 1);
  const pods = ctx.dependents(ds, R.pods).filter((p) => !p.metadata.deletionTimestamp);
  const byNode = new Map<string, KubeObject[]>();
  for (const p of pods) {
    const n = nodeOf(p) ?? '';
    byNode.set(n, [...(byNode.get(n) ?? []), p]);
  }
  const missing = eligible.filter((node) => !byNode.has(node));
  slowStartBatch(ctx.bursts.take('DaemonSet', namespace, name, missing.length), (i) => {
    const node = missing[i] as string;
    const pod = podFromTemplate(ds, template, ctx.generatedName(R.pods, namespace, name), {
      labels: { 'controller-revision-hash': hash, 'pod-template-generation': generation },
      spec: {
        tolerations,
        affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] } } },
      },
    });
    const created = ctx.create(R.pods, pod);
    ctx.events.record(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`, source);
  });
  for (const [node, list] of byNode) {
    const doomed = eligible.includes(node) ? list.slice(1) : list;
    for (const p of doomed) {
      ctx.store.delete(R.pods, namespace, p.metadata.name);
      ctx.events.record(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, source);
    }
  }
  // Rolling update with maxUnavailable 1: replace one outdated pod once all are ready.
  const outdated = pods.filter((p) => p.metadata.labels?.['controller-revision-hash'] !== hash);
  const first = outdated[0];
  if (first && pods.every(isReady)) ctx.store.delete(R.pods, namespace, first.metadata.name);
  const live = ctx.dependents(ds, R.pods).filter((p) => !p.metadata.deletionTimestamp);
  const ready = live.filter(isReady).length;
  const next: Record<string, unknown> = {
    currentNumberScheduled: live.filter((p) => eligible.includes(nodeOf(p) ?? '')).length,
    desiredNumberScheduled: eligible.length,
    numberAvailable: ready,
    numberMisscheduled: 0,
    numberReady: ready,
    observedGeneration: ds.metadata.generation ?? 1,
    updatedNumberScheduled: live.filter((p) => p.metadata.labels?.['controller-revision-hash'] === hash).length,
    numberUnavailable: Math.max(0, eligible.length - ready),
  };
  for (const k of ['numberAvailable', 'updatedNumberScheduled', 'numberUnavailable']) if (next[k] === 0) delete next[k];
  if (canonicalJson(ds.status ?? {}) === canonicalJson(next)) return;
  ctx.store.mutate(R.daemonsets, namespace, name, (d) => {
    d.status = next;
  });
}
