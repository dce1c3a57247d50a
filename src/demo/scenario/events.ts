/** Records core/v1 Events like the real components: aggregated by object, reason and message, bounded in number. */
import type { KubeObject } from '../../kube/object.ts';
import type { DemoStore } from '../types.ts';
import { rfc3339 } from './meta.ts';
import { R } from './refs.ts';
import type { Rng } from './rng.ts';

/** Who reports an event (source.component, and host for the kubelet). */
export interface EventSource {
  component: string;
  host?: string;
}

/** Creates and aggregates Events; old ones are deleted so churn does not grow the store. */
export class EventRecorder {
  private readonly byKey = new Map<string, { namespace: string; name: string }>();
  private readonly order: string[] = [];
  /** Off while booting: a freshly seeded cluster's old objects have no recent events. */
  enabled = true;

  constructor(
    private readonly store: DemoStore,
    private readonly rng: Rng,
    private readonly limit = 600,
  ) {}

  /** Records a Normal or Warning event about obj. */
  record(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource, fieldPath?: string): void {
    if (!this.enabled) return;
    const namespace = obj.metadata.namespace ?? 'default';
    const key = `${obj.metadata.uid}|${reason}|${message}|${fieldPath ?? ''}`;
    const now = rfc3339();
    const known = this.byKey.get(key);
    if (known) {
      const updated = this.store.mutate(R.events, known.namespace, known.name, (e) => {
        e.count = ((e.count as number | undefined) ?? 1) + 1;
        e.lastTimestamp = now;
      });
      if (updated) return;
      this.byKey.delete(key);
    }
    const name = `${obj.metadata.name}.${(Date.now() * 1e6 + this.rng.int(0, 999_999)).toString(16)}`;
    try {
      this.store.create(R.events, {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace, uid: '' },
        involvedObject: {
          apiVersion: obj.apiVersion,
          kind: obj.kind,
          name: obj.metadata.name,
          ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}),
          uid: obj.metadata.uid,
          resourceVersion: obj.metadata.resourceVersion,
          ...(fieldPath ? { fieldPath } : {}),
        },
        reason,
        message,
        source,
        firstTimestamp: now,
        lastTimestamp: now,
        count: 1,
        type,
        eventTime: null,
        reportingComponent: source.component,
        reportingInstance: source.host ?? '',
      });
    } catch {
      return; // A namespace being deleted, or a name clash: events are best effort, as in Kubernetes.
    }
    this.byKey.set(key, { namespace, name });
    this.order.push(key);
    while (this.order.length > this.limit) {
      const oldest = this.order.shift() as string;
      const ref = this.byKey.get(oldest);
      this.byKey.delete(oldest);
      if (ref) this.store.delete(R.events, ref.namespace, ref.name);
    }
  }
}
