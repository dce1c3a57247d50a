/** What every controller and the kubelet share: the store, time, randomness, the queue and indexes. */
import type { KubeObject } from '../../kube/object.ts';
import type { DemoResourceRef, DemoStore } from '../types.ts';
import { BurstPacer } from './burst-pacer.ts';
import { EventRecorder } from './events.ts';
import { rfc3339 } from './meta.ts';
import { OwnerIndex } from './owner-index.ts';
import { R, refForKind } from './refs.ts';
import { Rng } from './rng.ts';
import { Timers } from './timers.ts';
import { WorkQueue } from './work-queue.ts';

/** The scenario's shared state. */
export class ScenarioContext {
  readonly rng: Rng;
  readonly timers: Timers;
  readonly queue: WorkQueue;
  /** Bounds how fast controllers create and delete pods. */
  readonly bursts: BurstPacer;
  readonly owners = new OwnerIndex();
  readonly events: EventRecorder;
  /** True while the seed converges synchronously: the kubelet finishes pods at once, in the past. */
  booting = false;
  private readonly startedAt = Date.now();

  constructor(
    readonly store: DemoStore,
    readonly speed: number,
    seed: number,
  ) {
    this.rng = new Rng(seed);
    this.timers = new Timers(speed);
    this.queue = new WorkQueue((key, err) => this.retry(key, err));
    this.bursts = new BurstPacer(this.timers, this.queue);
    this.events = new EventRecorder(store, this.rng);
  }

  /**
   * Creates an object. While booting, its creationTimestamp moves into the past (given age, or its
   * owner's) so AGE columns look like a cluster that has been up for days.
   */
  create(ref: DemoResourceRef, obj: KubeObject, ageSeconds?: number): KubeObject {
    const created = this.store.create(ref, obj);
    if (this.booting) {
      const when = ageSeconds !== undefined ? new Date(Date.now() - ageSeconds * 1000) : this.ownerBirth(created);
      // Why in place: DemoStore.create always stamps "now", and nothing has watched the store yet
      // during boot; rewriting the stored object is the only way to seed history.
      if (when) created.metadata.creationTimestamp = rfc3339(when);
    }
    return created;
  }

  /**
   * `prefix-xxxxx` not yet taken in the namespace, as the API server's generateName: five random
   * characters collide now and then (about 1 in 30 demos with 10,000 pods did), and a real
   * controller just gets a fresh name on its next try.
   */
  generatedName(ref: DemoResourceRef, namespace: string | undefined, prefix: string): string {
    for (;;) {
      const name = `${prefix}-${this.rng.suffix()}`;
      if (!this.store.get(ref, namespace, name)) return name;
    }
  }

  /** Scenario time in ms: wall-clock time, running `speed` times faster since the scenario started. */
  virtualNow(): number {
    const now = Date.now();
    return this.startedAt + (now - this.startedAt) * this.speed;
  }

  /** The live objects of one resource that obj owns. */
  dependents(owner: KubeObject, ref: DemoResourceRef): KubeObject[] {
    const out: KubeObject[] = [];
    for (const d of this.owners.dependents(owner.metadata.uid, ref)) {
      const o = this.store.get(d.resource, d.namespace, d.name);
      if (o && o.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid)) out.push(o);
    }
    return out;
  }

  /** Creation time of obj's owner plus a few seconds (for backdating dependents). */
  private ownerBirth(obj: KubeObject): Date | undefined {
    const ref = obj.metadata.ownerReferences?.[0];
    if (!ref) return undefined;
    const resource = refForKind(ref.apiVersion, ref.kind);
    const owner = resource ? this.store.get(resource, obj.metadata.namespace, ref.name) : undefined;
    const born = owner?.metadata.creationTimestamp;
    return born ? new Date(Date.parse(born) + 2000) : undefined;
  }

  private retry(key: string, err: unknown): void {
    // Conflicts happen when a user writes at the same moment; the real controllers requeue too.
    const [kind = '', ns = '', name = ''] = key.split('|');
    if (process.env.KX_DEMO_DEBUG) process.stderr.write(`demo: sync ${key} failed: ${String(err)}\n`);
    this.timers.after(500, () => this.queue.add(kind, ns, name));
  }
}

/** Pods are referenced so often that a shortcut helps readability. */
export const podsRef = R.pods;
