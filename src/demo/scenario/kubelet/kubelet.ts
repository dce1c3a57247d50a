/** The simulated kubelet: runs scheduled pods through their lifecycle and finishes graceful deletions. */
import type { KubeObject } from '../../../kube/object.ts';
import type { StoreChange } from '../../types.ts';
import type { ScenarioContext } from '../context.ts';
import { R } from '../refs.ts';
import { imageProfile } from './images.ts';
import type { PodStatus } from './pod-status.ts';
import { advance, type KubeletEnv, type KubeletEvent } from './transitions.ts';

/** Drives pods on every node; one instance serves the whole demo cluster. */
export class Kubelet {
  private readonly timers = new Map<string, () => void>();
  private readonly finishing = new Set<string>();
  private readonly stamps = new Map<string, number>();
  private readonly ipCounters = new Map<string, number>();

  constructor(private readonly ctx: ScenarioContext) {
    ctx.queue.register('Kubelet', (ns, name) => this.sync(ns, name));
  }

  /** Reacts to a pod change from the store. */
  onPod(change: StoreChange): void {
    const pod = change.object;
    const uid = pod.metadata.uid;
    if (change.type === 'DELETED') {
      this.timers.get(uid)?.();
      this.timers.delete(uid);
      this.finishing.delete(uid);
      for (const k of [...this.stamps.keys()]) if (k.startsWith(`${uid}/`)) this.stamps.delete(k);
      return;
    }
    const nodeName = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
    if (!nodeName) return;
    if (pod.metadata.deletionTimestamp) {
      this.finish(pod);
      return;
    }
    if (this.timers.has(uid) || !this.settled(pod)) this.ctx.queue.add('Kubelet', pod.metadata.namespace, pod.metadata.name);
  }

  /** Cancels every pending pod step. */
  stop(): void {
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
  }

  /** True when nothing will ever happen to this pod by itself (cheap check, so 50,000 bulk pods cost nothing). */
  private settled(pod: KubeObject): boolean {
    const st = pod.status as PodStatus | undefined;
    if (!st?.phase) return false;
    if (st.phase === 'Succeeded' || st.phase === 'Failed') return true;
    if (st.phase !== 'Running') return false;
    const all = [...(st.initContainerStatuses ?? []), ...(st.containerStatuses ?? [])];
    return all.every((c) => (c.state.terminated?.reason === 'Completed' || (c.state.running && c.ready)) && !imageProfile(c.image).crashes);
  }

  private sync(namespace: string, name: string): void {
    const pod = this.ctx.store.get(R.pods, namespace, name);
    const nodeName = (pod?.spec as { nodeName?: string } | undefined)?.nodeName;
    if (!pod || !nodeName || pod.metadata.deletionTimestamp) return;
    const uid = pod.metadata.uid;
    const events: KubeletEvent[] = [];
    const env: KubeletEnv = {
      speed: this.ctx.speed,
      hostIP: this.hostIP(nodeName),
      allocateIP: () => this.allocateIP(nodeName),
      stamps: this.stamps,
      emit: (e) => events.push(e),
    };
    const status = structuredClone((pod.status ?? {}) as PodStatus);
    const before = JSON.stringify(status);
    const next = advance(pod, status, Date.now(), env);
    let current = pod;
    if (JSON.stringify(status) !== before) {
      current =
        this.ctx.store.mutate(R.pods, namespace, name, (d) => {
          d.status = status;
        }) ?? pod;
    }
    for (const e of events) this.ctx.events.record(current, e.type, e.reason, e.message, { component: 'kubelet', host: nodeName }, e.fieldPath);
    this.timers.get(uid)?.();
    this.timers.delete(uid);
    if (next !== undefined) {
      // Timers take scenario ms; `next` is already in wall-clock time.
      const wait = Math.max(0, next - Date.now()) * this.ctx.speed;
      this.timers.set(
        uid,
        this.ctx.timers.after(wait, () => {
          this.timers.delete(uid);
          this.ctx.queue.add('Kubelet', namespace, name);
        }),
      );
    }
  }

  /** Completes a graceful deletion after a short pause (the containers "stop"). */
  private finish(pod: KubeObject): void {
    const uid = pod.metadata.uid;
    if (this.finishing.has(uid)) return;
    this.finishing.add(uid);
    this.timers.get(uid)?.();
    this.timers.delete(uid);
    const grace = pod.metadata.deletionGracePeriodSeconds ?? 30;
    const { namespace, name } = pod.metadata;
    if (this.ctx.booting) {
      this.ctx.store.delete(R.pods, namespace, name, { gracePeriodSeconds: 0 });
      return;
    }
    this.ctx.timers.after(Math.min(grace, 2) * 1000, () => {
      const current = this.ctx.store.get(R.pods, namespace, name);
      if (current?.metadata.uid === uid) this.ctx.store.delete(R.pods, namespace, name, { gracePeriodSeconds: 0 });
    });
  }

  private hostIP(nodeName: string): string {
    const node = this.ctx.store.get(R.nodes, undefined, nodeName);
    const addresses = (node?.status as { addresses?: { type: string; address: string }[] } | undefined)?.addresses ?? [];
    return addresses.find((a) => a.type === 'InternalIP')?.address ?? '172.18.0.2';
  }

  private allocateIP(nodeName: string): string {
    const node = this.ctx.store.get(R.nodes, undefined, nodeName);
    const cidr = (node?.spec as { podCIDR?: string } | undefined)?.podCIDR ?? '10.244.0.0/24';
    const [a, b, c] = cidr.split('.');
    const n = (this.ipCounters.get(nodeName) ?? 0) + 1;
    this.ipCounters.set(nodeName, n);
    return `${a}.${b}.${c}.${(n % 250) + 3}`;
  }
}
