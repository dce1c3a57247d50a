/**
 * A pod's containers, summarised for the containers view (Enter on a pod): one compact record a
 * container, kept in the pod's row. Why here and not a watch of its own: the pod's row is already
 * in the cache, live, whenever its pods view was; a summary of a few short strings per container
 * costs little beside it, and the containers view then reads the cache like every other view (no
 * second stream, no loading state, and Esc back finds the pods view as it was).
 */
import { parseTime } from './duration.ts';
import { intern } from './intern.ts';
import { obj, objs, str, num } from './json.ts';
import { containerFigures, type ResourceFigures } from './resource-figures.ts';

/** The four kinds of container a pod has (a sidecar is an init container with restartPolicy Always). */
export type ContainerType = 'init' | 'sidecar' | 'main' | 'ephemeral';

/** Where a container stands: its status's state, or '' before the kubelet reported one. */
export type ContainerState = 'Running' | 'Waiting' | 'Terminated' | '';

/** One container of a pod, as the containers view shows it. */
export interface ContainerSummary {
  readonly name: string;
  readonly type: ContainerType;
  readonly image: string;
  readonly ready: boolean;
  readonly state: ContainerState;
  /** The waiting or terminated reason ('CrashLoopBackOff', 'Completed', 'ExitCode:1'); '' when running. */
  readonly reason: string;
  readonly restarts: number;
  /** When the last instance ended (lastState.terminated.finishedAt), ms; NaN when none. */
  readonly lastRestart: number;
  /** 'name:port/proto' each, comma-separated; '' when none. */
  readonly ports: string;
  /** Liveness, readiness, startup probe: 'l r s', '-' for each one that is off. */
  readonly probes: string;
  /** When the current (or last terminated) instance started, ms; NaN when it never did. */
  readonly startedAt: number;
  /** Its requests and limits, for the containers view's usage percentages. */
  readonly resources: ResourceFigures;
}

type Json = Record<string, unknown>;

/** The pod's containers in kubectl's --all-containers order: init (and sidecars), main, ephemeral. */
export function containerSummaries(pod: unknown): ContainerSummary[] {
  const spec = obj(obj(pod)['spec']);
  const status = obj(obj(pod)['status']);
  const out: ContainerSummary[] = [];
  const add = (specs: Json[], statuses: Json[], typeOf: (c: Json) => ContainerType): void => {
    for (const c of specs) {
      const name = str(c['name']);
      out.push(
        summarise(
          c,
          typeOf(c),
          statuses.find((s) => s['name'] === name),
        ),
      );
    }
  };
  add(objs(spec['initContainers']), objs(status['initContainerStatuses']), (c) => (c['restartPolicy'] === 'Always' ? 'sidecar' : 'init'));
  add(objs(spec['containers']), objs(status['containerStatuses']), () => 'main');
  add(objs(spec['ephemeralContainers']), objs(status['ephemeralContainerStatuses']), () => 'ephemeral');
  return out;
}

function summarise(spec: Json, type: ContainerType, status: Json | undefined): ContainerSummary {
  const state = obj(status?.['state']);
  const running = state['running'] === undefined ? undefined : obj(state['running']);
  const waiting = state['waiting'] === undefined ? undefined : obj(state['waiting']);
  const terminated = state['terminated'] === undefined ? undefined : obj(state['terminated']);
  const lastTerminated = obj(obj(status?.['lastState'])['terminated']);
  let current: ContainerState = '';
  let reason = '';
  if (running) current = 'Running';
  else if (terminated) {
    current = 'Terminated';
    const code = num(terminated['exitCode']);
    reason = str(terminated['reason']) || (terminated['signal'] !== undefined ? `Signal:${num(terminated['signal'])}` : `ExitCode:${code}`);
  } else if (waiting) {
    current = 'Waiting';
    reason = str(waiting['reason']);
  }
  return {
    name: intern(str(spec['name'])),
    type,
    image: intern(str(spec['image'])),
    ready: status?.['ready'] === true,
    state: current,
    reason: intern(reason),
    restarts: num(status?.['restartCount']),
    lastRestart: parseTime(lastTerminated['finishedAt']),
    ports: intern(objs(spec['ports']).map(portText).join(',')),
    probes: intern([probe(spec, 'livenessProbe', 'l'), probe(spec, 'readinessProbe', 'r'), probe(spec, 'startupProbe', 's')].join(' ')),
    startedAt: parseTime(running?.['startedAt'] ?? terminated?.['startedAt']),
    resources: containerFigures(spec),
  };
}

/** 'http:8080/TCP', or '8080/TCP' for an unnamed port. */
function portText(port: Json): string {
  const number = `${num(port['containerPort'])}/${str(port['protocol']) || 'TCP'}`;
  const name = str(port['name']);
  return name ? `${name}:${number}` : number;
}

function probe(spec: Json, field: string, letter: string): string {
  return spec[field] !== undefined && spec[field] !== null ? letter : '-';
}
