import { describeError, mergePatch, statusOf, type KubeletClients } from './kube-api.ts';
import { advancePod, newPodRun, type PodRun } from './pod-runtime.ts';
import { buildPodStatus } from './pod-status.ts';
import { watchPods, type RawPod } from './pod-watch.ts';

/** How often pod runtimes advance and changed statuses are patched. */
const TICK_MS = 250;
/** Delay before a pod marked for deletion is removed (a real kubelet stops containers first). */
const DELETE_DELAY_MS = 500;
/** A pod held by finalizers stays; the delete is re-sent this often in case the call was lost. */
const DELETE_RETRY_MS = 5000;

/** Tracks pods bound to the fake nodes and reports their status like a kubelet. */
export interface PodSync {
  /** The runtime of a pod, for the log and exec handlers. */
  find: (namespace: string, name: string) => PodRun | undefined;
  stop(): void;
}

interface Tracked {
  run: PodRun;
  raw: RawPod;
  lastPatched?: string;
  deleteAt?: number;
}

/** Starts watching pods on `nodeNames` and driving their status until stopped. */
export function startPodSync(api: KubeletClients, nodeNames: string[], log: (msg: string) => void): PodSync {
  const nodeIndex = new Map(nodeNames.map((n, i) => [n, i]));
  const pods = new Map<string, Tracked>();
  let nextIp = 0;
  const allocateIp = (node: string): string => {
    nextIp = (nextIp % 250) + 1;
    return `10.244.${(nodeIndex.get(node) ?? 0) + 1}.${nextIp + 1}`;
  };
  const watcher = watchPods(
    api.kc,
    {
      upsert(raw) {
        const node = raw.spec.nodeName;
        if (!node || !nodeIndex.has(node)) return;
        const known = pods.get(raw.metadata.uid);
        if (known) {
          known.raw = raw;
        } else {
          const { uid, name, namespace } = raw.metadata;
          const podIP = raw.spec.hostNetwork ? '127.0.0.1' : allocateIp(node);
          pods.set(uid, { raw, run: newPodRun({ uid, name, namespace, nodeName: node, podIP }, raw.spec, Date.now()) });
        }
        const t = pods.get(raw.metadata.uid);
        if (t && raw.metadata.deletionTimestamp && t.deleteAt === undefined) t.deleteAt = Date.now() + DELETE_DELAY_MS;
      },
      remove(raw) {
        pods.delete(raw.metadata.uid);
      },
    },
    log,
  );
  const inFlight = new Set<string>();
  const sync = async (t: Tracked, now: number): Promise<void> => {
    const { run, raw } = t;
    if (t.deleteAt !== undefined) {
      if (now < t.deleteAt) return;
      t.deleteAt = now + DELETE_RETRY_MS;
      await api.core.deleteNamespacedPod({
        name: run.name,
        namespace: run.namespace,
        gracePeriodSeconds: 0,
        body: { gracePeriodSeconds: 0, preconditions: { uid: run.uid } },
      });
      return;
    }
    advancePod(run, now);
    const scheduled = raw.status?.conditions?.find((c) => c.type === 'PodScheduled');
    const status = buildPodStatus(run, scheduled, now);
    const body = JSON.stringify(status);
    if (body === t.lastPatched) return;
    await api.core.patchNamespacedPodStatus({ name: run.name, namespace: run.namespace, body: { status } }, mergePatch);
    t.lastPatched = body;
  };
  const tick = (): void => {
    const now = Date.now();
    for (const [uid, t] of pods) {
      if (inFlight.has(uid)) continue;
      inFlight.add(uid);
      sync(t, now)
        .catch((err: unknown) => {
          const code = statusOf(err);
          // 404/409: the pod is gone or was replaced; the watch will tell us about a new one.
          if (code === 404 || code === 409) pods.delete(uid);
          else log(`pod ${t.run.namespace}/${t.run.name}: ${describeError(err)}`);
        })
        .finally(() => inFlight.delete(uid));
    }
  };
  const timer = setInterval(tick, TICK_MS);
  timer.unref();
  return {
    find(namespace, name) {
      for (const t of pods.values()) {
        if (t.run.namespace === namespace && t.run.name === name) return t.run;
      }
      return undefined;
    },
    stop() {
      clearInterval(timer);
      watcher.stop();
    },
  };
}
