/**
 * What a pod asks for and may use (requests and limits) and what a node offers (allocatable), in
 * millicores and bytes, kept in the slim row so the usage columns can show %CPU/R, %CPU/L, %MEM/R,
 * %MEM/L (k9s's) and a node's share without keeping the raw object.
 */
import { milliValue, parseQuantity, wholeValue } from '../kube/quantity.ts';
import { obj, objs } from './json.ts';

/** Requests and limits in millicores and bytes; 0 where none is set. */
export interface ResourceFigures {
  readonly cpuRequest: number;
  readonly cpuLimit: number;
  readonly memoryRequest: number;
  readonly memoryLimit: number;
}

/** A node's allocatable CPU (millicores) and memory (bytes). */
export interface Allocatable {
  readonly cpu: number;
  readonly memory: number;
}

type Json = Record<string, unknown>;

const millis = (list: unknown, name: string): number => {
  const q = parseQuantity(obj(list)[name]);
  return q ? milliValue(q) : 0;
};
const bytes = (list: unknown, name: string): number => {
  const q = parseQuantity(obj(list)[name]);
  return q ? wholeValue(q) : 0;
};

/** No requests and no limits: one shared object (most pods of a busy cluster set none). */
const noFigures: ResourceFigures = Object.freeze({ cpuRequest: 0, cpuLimit: 0, memoryRequest: 0, memoryLimit: 0 });

function figures(f: ResourceFigures): ResourceFigures {
  return f.cpuRequest === 0 && f.cpuLimit === 0 && f.memoryRequest === 0 && f.memoryLimit === 0 ? noFigures : f;
}

/** One container's requests and limits. */
export function containerFigures(container: Json): ResourceFigures {
  const resources = obj(container['resources']);
  return figures({
    cpuRequest: millis(resources['requests'], 'cpu'),
    cpuLimit: millis(resources['limits'], 'cpu'),
    memoryRequest: bytes(resources['requests'], 'memory'),
    memoryLimit: bytes(resources['limits'], 'memory'),
  });
}

/**
 * A pod's figures as k9s sums them for its percentages: the regular containers (and restartable
 * init containers, which run beside them) added up. A limit counts only when every such container
 * sets one; otherwise the pod may use the whole node and %…/L has no meaning (n/a).
 */
export function podFigures(spec: Json): ResourceFigures {
  const running = [...objs(spec['containers']), ...objs(spec['initContainers']).filter((c) => c['restartPolicy'] === 'Always')];
  const each = running.map(containerFigures);
  const sum = (pick: (f: ResourceFigures) => number): number => each.reduce((n, f) => n + pick(f), 0);
  const allSet = (pick: (f: ResourceFigures) => number): boolean => each.length > 0 && each.every((f) => pick(f) > 0);
  return figures({
    cpuRequest: sum((f) => f.cpuRequest),
    cpuLimit: allSet((f) => f.cpuLimit) ? sum((f) => f.cpuLimit) : 0,
    memoryRequest: sum((f) => f.memoryRequest),
    memoryLimit: allSet((f) => f.memoryLimit) ? sum((f) => f.memoryLimit) : 0,
  });
}

/** A node's status.allocatable (capacity when allocatable is missing). */
export function nodeAllocatable(status: Json): Allocatable {
  const list = status['allocatable'] ?? status['capacity'];
  return { cpu: millis(list, 'cpu'), memory: bytes(list, 'memory') };
}
