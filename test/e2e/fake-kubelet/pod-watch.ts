import { Watch, type KubeConfig } from '@kubernetes/client-node';

/** The raw JSON fields of a Pod the fake kubelet reads. */
export interface RawPod {
  metadata: { uid: string; name: string; namespace: string; deletionTimestamp?: string };
  spec: {
    nodeName?: string;
    restartPolicy?: string;
    initContainers?: { name: string; image?: string; command?: string[]; args?: string[]; ports?: { containerPort?: number }[] }[];
    containers: { name: string; image?: string; command?: string[]; args?: string[]; ports?: { containerPort?: number }[] }[];
    hostNetwork?: boolean;
  };
  status?: { conditions?: { type: string }[] };
}

/** Receives pod events from the watch. */
export interface PodWatchHandler {
  upsert(pod: RawPod): void;
  remove(pod: RawPod): void;
}

/**
 * Watches all pods, reconnecting after errors (API server restarts, 410s). A watch without a
 * resourceVersion starts with ADDED events for every existing pod, so a reconnect is a re-list.
 */
export function watchPods(kc: KubeConfig, handler: PodWatchHandler, log: (msg: string) => void): { stop(): void } {
  const watch = new Watch(kc);
  let stopped = false;
  let abort: AbortController | undefined;
  let retry: NodeJS.Timeout | undefined;
  const connect = (): void => {
    if (stopped) return;
    const again = (why: string): void => {
      if (stopped || retry) return;
      log(`pod watch ended (${why}); reconnecting`);
      retry = setTimeout(() => {
        retry = undefined;
        connect();
      }, 1000);
      retry.unref();
    };
    watch
      .watch(
        '/api/v1/pods',
        {},
        (phase: string, obj: unknown) => {
          const pod = obj as RawPod;
          if (phase === 'ADDED' || phase === 'MODIFIED') handler.upsert(pod);
          else if (phase === 'DELETED') handler.remove(pod);
          else if (phase === 'ERROR') again('error event');
        },
        (err: unknown) => again(err instanceof Error ? err.message : 'closed'),
      )
      .then((ctrl) => {
        abort = ctrl;
        if (stopped) ctrl.abort();
      })
      .catch((err: unknown) => again(err instanceof Error ? err.message : 'connect failed'));
  };
  connect();
  return {
    stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      abort?.abort();
    },
  };
}
