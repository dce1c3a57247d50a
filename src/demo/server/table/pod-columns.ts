/** The pods Table: Name, Ready, Status, Restarts, Age and the wide columns, computed like printPod. */
import type { KubeObject } from '../../../kube/object.ts';
import { age } from './age.ts';
import { ageColumn, arr, at, col, nameColumn, str, type ColumnSet } from './columns.ts';

interface ContainerStatus {
  name: string;
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  state?: { waiting?: { reason?: string }; running?: object; terminated?: { reason?: string; exitCode?: number; signal?: number } };
  lastState?: { terminated?: { finishedAt?: string } };
}

/** The STATUS, READY and RESTARTS a pod shows in kubectl. */
export function podSummary(pod: KubeObject, now: number): { ready: string; status: string; restarts: string } {
  const spec = pod.spec ?? {};
  const initSpecs = arr<{ name: string; restartPolicy?: string }>(spec, 'initContainers');
  const sidecar = new Set(initSpecs.filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  const total = arr(spec, 'containers').length + sidecar.size;
  let ready = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart = 0;
  let lastSidecarRestart = 0;
  const phase = str(pod, 'status', 'phase');
  let reason = str(pod, 'status', 'reason') || phase;
  for (const c of arr<{ type: string; reason?: string }>(pod, 'status', 'conditions')) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }
  const finished = (s: ContainerStatus) => Date.parse(s.lastState?.terminated?.finishedAt ?? '') || 0;

  let initializing = false;
  const inits = arr<ContainerStatus>(pod, 'status', 'initContainerStatuses');
  for (let i = 0; i < inits.length; i++) {
    const s = inits[i] as ContainerStatus;
    restarts += s.restartCount ?? 0;
    lastRestart = Math.max(lastRestart, finished(s));
    const isSidecar = sidecar.has(s.name);
    if (isSidecar) {
      sidecarRestarts += s.restartCount ?? 0;
      lastSidecarRestart = Math.max(lastSidecarRestart, finished(s));
    }
    const term = s.state?.terminated;
    if (term && term.exitCode === 0) continue;
    if (isSidecar && s.started) {
      if (s.ready) ready++;
      continue;
    }
    if (term) reason = term.reason ? `Init:${term.reason}` : term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode ?? 0}`;
    else if (s.state?.waiting?.reason && s.state.waiting.reason !== 'PodInitializing') reason = `Init:${s.state.waiting.reason}`;
    else reason = `Init:${i}/${initSpecs.length}`;
    initializing = true;
    break;
  }

  const initialized = arr<{ type: string; status: string }>(pod, 'status', 'conditions').some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initialized) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = arr<ContainerStatus>(pod, 'status', 'containerStatuses');
    for (let i = statuses.length - 1; i >= 0; i--) {
      const s = statuses[i] as ContainerStatus;
      restarts += s.restartCount ?? 0;
      lastRestart = Math.max(lastRestart, finished(s));
      const term = s.state?.terminated;
      if (s.state?.waiting?.reason) reason = s.state.waiting.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode ?? 0}`;
      else if (s.ready && s.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = arr<{ type: string; status: string }>(pod, 'status', 'conditions').some((c) => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }
  if (pod.metadata.deletionTimestamp && str(pod, 'status', 'reason') === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';
  const restartText = restarts !== 0 && lastRestart > 0 ? `${restarts} (${age(new Date(lastRestart).toISOString(), now)} ago)` : String(restarts);
  return { ready: `${ready}/${total}`, status: reason, restarts: restartText };
}

function readinessGates(pod: KubeObject): string {
  const gates = arr<{ conditionType: string }>(pod, 'spec', 'readinessGates');
  if (gates.length === 0) return '<none>';
  const conditions = arr<{ type: string; status: string }>(pod, 'status', 'conditions');
  const ok = gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True').length;
  return `${ok}/${gates.length}`;
}

/** Pods, as printPod fills them (the server always includes the wide columns, at priority 1). */
export const podColumns: ColumnSet = {
  columns: [
    nameColumn,
    col('Ready', 'string', 0, 'The aggregate readiness state of this pod for accepting traffic.'),
    col('Status', 'string', 0, 'The aggregate status of the containers in this pod.'),
    col('Restarts', 'string', 0, 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
    ageColumn,
    col('IP', 'string', 1, 'IP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.'),
    col('Node', 'string', 1, 'NodeName indicates in which node this pod is scheduled.'),
    col('Nominated Node', 'string', 1, 'nominatedNodeName is set only when this pod preempts other pods on the node.'),
    col('Readiness Gates', 'string', 1, 'If specified, all readiness gates will be evaluated for pod readiness.'),
  ],
  cells: (pod, now) => {
    const s = podSummary(pod, now);
    const ip = str(at(arr(pod, 'status', 'podIPs')[0]), 'ip') || str(pod, 'status', 'podIP') || '<none>';
    return [
      pod.metadata.name,
      s.ready,
      s.status,
      s.restarts,
      age(pod.metadata.creationTimestamp, now),
      ip,
      str(pod, 'spec', 'nodeName') || '<none>',
      str(pod, 'status', 'nominatedNodeName') || '<none>',
      readinessGates(pod),
    ];
  },
};
