/** A scheduler step: binds pending pods to a node that fits (taints, cordons, nodeSelector, DaemonSet affinity). */
import type { KubeObject } from '../../../kube/object.ts';
import type { StoreChange } from '../../types.ts';
import type { ScenarioContext } from '../context.ts';
import { rfc3339 } from '../meta.ts';
import { R } from '../refs.ts';

interface Taint {
  key: string;
  value?: string;
  effect: string;
}
interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
}
interface PodSpecLike {
  nodeName?: string;
  schedulerName?: string;
  nodeSelector?: Record<string, string>;
  tolerations?: Toleration[];
  affinity?: { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: { matchFields?: { key: string; values?: string[] }[] }[] } } };
}

/** True when a toleration list tolerates a taint. */
export function tolerates(tolerations: Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (t.operator === 'Exists') return !t.key || t.key === taint.key;
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
  });
}

/** Why a node cannot take a pod, in the scheduler's words, or undefined when it fits. */
export function unfit(node: KubeObject, pod: PodSpecLike): string | undefined {
  const nodeSpec = (node.spec ?? {}) as { unschedulable?: boolean; taints?: Taint[] };
  const required = pod.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  const fields = required.flatMap((t) => t.matchFields ?? []).filter((f) => f.key === 'metadata.name');
  if (fields.length > 0 && !fields.some((f) => (f.values ?? []).includes(node.metadata.name))) return "didn't match Pod's node affinity/selector";
  for (const [k, v] of Object.entries(pod.nodeSelector ?? {})) if (node.metadata.labels?.[k] !== v) return "didn't match Pod's node affinity/selector";
  if (nodeSpec.unschedulable && !tolerates(pod.tolerations, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })) return 'were unschedulable';
  for (const taint of nodeSpec.taints ?? []) {
    if (taint.effect === 'PreferNoSchedule' || taint.key === 'node.kubernetes.io/unschedulable') continue;
    if (!tolerates(pod.tolerations, taint)) return `had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
  }
  return undefined;
}

/** Binds pods; keeps a per-node pod count to spread them. */
export class Scheduler {
  private readonly perNode = new Map<string, number>();
  private readonly nodeOf = new Map<string, string>();

  constructor(private readonly ctx: ScenarioContext) {
    ctx.queue.register('Scheduler', (ns, name) => this.schedule(ns, name));
  }

  /** Tracks placement and queues unbound pods. */
  onPod(change: StoreChange): void {
    const pod = change.object;
    const uid = pod.metadata.uid;
    const spec = (pod.spec ?? {}) as PodSpecLike;
    const was = this.nodeOf.get(uid);
    const now = change.type === 'DELETED' ? undefined : spec.nodeName;
    if (was !== now) {
      if (was) this.perNode.set(was, (this.perNode.get(was) ?? 1) - 1);
      if (now) this.perNode.set(now, (this.perNode.get(now) ?? 0) + 1);
      if (now) this.nodeOf.set(uid, now);
      else this.nodeOf.delete(uid);
    }
    if (change.type !== 'DELETED' && !spec.nodeName && !pod.metadata.deletionTimestamp && (spec.schedulerName ?? 'default-scheduler') === 'default-scheduler') {
      const scheduledCond = ((pod.status ?? {}) as { conditions?: { type: string }[] }).conditions?.find((c) => c.type === 'PodScheduled');
      if (!scheduledCond) this.ctx.queue.add('Scheduler', pod.metadata.namespace, pod.metadata.name);
    }
  }

  private schedule(namespace: string, name: string): void {
    const pod = this.ctx.store.get(R.pods, namespace, name);
    if (!pod || pod.metadata.deletionTimestamp) return;
    const spec = (pod.spec ?? {}) as PodSpecLike;
    if (spec.nodeName) return;
    const nodes = this.ctx.store.list(R.nodes);
    const reasons = new Map<string, number>();
    const fits: KubeObject[] = [];
    for (const node of nodes) {
      const why = unfit(node, spec);
      if (why) reasons.set(why, (reasons.get(why) ?? 0) + 1);
      else fits.push(node);
    }
    const now = rfc3339();
    if (fits.length === 0) {
      const parts = [...reasons.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([why, n]) => `${n} node(s) ${why}`);
      const message = `0/${nodes.length} nodes are available: ${parts.join(', ')}. preemption: 0/${nodes.length} nodes are available: ${nodes.length} Preemption is not helpful for scheduling.`;
      const updated = this.ctx.store.mutate(R.pods, namespace, name, (d) => {
        d.status = {
          phase: 'Pending',
          conditions: [{ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: now, reason: 'Unschedulable', message }],
          qosClass: 'BestEffort',
        };
      });
      if (updated) this.ctx.events.record(updated, 'Warning', 'FailedScheduling', message, { component: 'default-scheduler' });
      return;
    }
    const least = Math.min(...fits.map((n) => this.perNode.get(n.metadata.name) ?? 0));
    const candidates = fits.filter((n) => (this.perNode.get(n.metadata.name) ?? 0) <= least + 1);
    const node = this.ctx.rng.pick(candidates);
    const bound = this.ctx.store.mutate(R.pods, namespace, name, (d) => {
      (d.spec as PodSpecLike).nodeName = node.metadata.name;
      const st = (d.status ?? {}) as { phase?: string; conditions?: unknown[] };
      d.status = { ...st, phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now }] };
    });
    if (bound) this.ctx.events.record(bound, 'Normal', 'Scheduled', `Successfully assigned ${namespace}/${name} to ${node.metadata.name}`, { component: 'default-scheduler' });
  }
}
