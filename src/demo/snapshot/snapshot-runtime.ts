/** The kubelet of a snapshot: logs it saved (a cluster-info dump's logs.txt), and nothing running. */
import { DemoApiError, type LogSource, type PodRuntime } from '../types.ts';

/** Serves `logs` (by `namespace/pod/container`) as ended containers; exec and the rest are refused. */
export function snapshotRuntime(logs: Record<string, string>, takenAt: Date): PodRuntime {
  return {
    logs: ({ namespace, pod, container, previous }) => {
      const text = previous ? undefined : logs[`${namespace}/${pod}/${container}`];
      if (text === undefined) {
        throw new DemoApiError(400, 'BadRequest', `this snapshot holds no ${previous ? 'previous ' : ''}logs of container "${container}" in pod "${pod}"`);
      }
      return endedLog(text, takenAt);
    },
    exec: () => {
      throw new DemoApiError(400, 'BadRequest', 'a snapshot has no running containers');
    },
    checkExec: () => {
      throw new DemoApiError(400, 'BadRequest', 'a snapshot has no running containers');
    },
    checkPortForward: () => {
      throw new DemoApiError(400, 'BadRequest', 'a snapshot has no running pods to forward to');
    },
    checkAttach: () => {
      throw new DemoApiError(400, 'BadRequest', 'a snapshot has no running containers');
    },
  };
}

function endedLog(text: string, time: Date): LogSource {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const history = lines.map((line) => ({ time, text: line }));
  return { history: () => history, follow: () => () => undefined, onEnd: () => () => undefined, ended: () => true };
}
