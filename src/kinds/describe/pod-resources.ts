/** A pod's effective requests and limits (kubectl's PodRequestsAndLimits) and its QoS class. */
import { at, obj, objs, str } from '../json.ts';
import { addQuantity, compareQuantity, parseQuantity, zeroQuantity, type Quantity } from '../../kube/quantity.ts';

/** Resource name → quantity. */
export type ResourceList = Map<string, Quantity>;

type Json = Record<string, unknown>;

/**
 * Requests and limits of a pod: the containers summed, restartable (sidecar) init containers
 * added, each ordinary init container counted as max(itself + the sidecars started before it),
 * and the pod overhead added (to limits only where a limit is set).
 */
export function podRequestsAndLimits(pod: unknown): { requests: ResourceList; limits: ResourceList } {
  const spec = obj(at(pod, 'spec'));
  const field = (c: Json, which: 'requests' | 'limits'): ResourceList => toList(at(c, 'resources', which));
  const total = (which: 'requests' | 'limits'): ResourceList => {
    const sum: ResourceList = new Map();
    for (const c of objs(spec['containers'])) addInto(sum, field(c, which));
    const sidecars: ResourceList = new Map();
    const initMax: ResourceList = new Map();
    for (const c of objs(spec['initContainers'])) {
      let effective: ResourceList;
      if (str(c['restartPolicy']) === 'Always') {
        addInto(sum, field(c, which));
        addInto(sidecars, field(c, which));
        effective = sidecars;
      } else {
        effective = new Map();
        addInto(effective, field(c, which));
        addInto(effective, sidecars);
      }
      maxInto(initMax, effective);
    }
    maxInto(sum, initMax);
    return sum;
  };
  const requests = total('requests');
  const limits = total('limits');
  const overhead = toList(spec['overhead']);
  addInto(requests, overhead);
  for (const [name, q] of overhead) {
    const limit = limits.get(name);
    if (limit && limit.mantissa !== 0n) limits.set(name, addQuantity(limit, q));
  }
  return { requests, limits };
}

/** The sum of several resource lists (e.g. every pod on a node). */
export function sumResourceLists(lists: readonly ResourceList[]): ResourceList {
  const sum: ResourceList = new Map();
  for (const list of lists) addInto(sum, list);
  return sum;
}

/** A quantity from a list, zero when absent. */
export function quantityOf(list: ResourceList, name: string): Quantity {
  return list.get(name) ?? zeroQuantity;
}

/** Parses a JSON resource list ({cpu: '100m', memory: '128Mi'}). */
export function toList(value: unknown): ResourceList {
  const out: ResourceList = new Map();
  for (const [name, raw] of Object.entries(obj(value))) {
    const q = parseQuantity(raw);
    if (q) out.set(name, q);
  }
  return out;
}

/** GetPodQOS: status.qosClass when the server set it, else computed from requests and limits. */
export function podQosClass(pod: unknown): string {
  const given = str(at(pod, 'status', 'qosClass'));
  if (given !== '') return given;
  const spec = obj(at(pod, 'spec'));
  const requests: ResourceList = new Map();
  const limits: ResourceList = new Map();
  let guaranteed = true;
  const podLevel = spec['resources'];
  const sources = podLevel ? [obj(podLevel)] : [...objs(spec['containers']), ...objs(spec['initContainers'])].map((c) => obj(c['resources']));
  for (const resources of sources) {
    addPositive(requests, toList(resources['requests']));
    const containerLimits = toList(resources['limits']);
    addPositive(limits, containerLimits);
    const positive = (name: string): boolean => (containerLimits.get(name)?.mantissa ?? 0n) > 0n;
    if (!positive('cpu') || !positive('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const limit = limits.get(name);
      if (!limit || compareQuantity(limit, req) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

/** Only cpu and memory count for QoS, and only positive amounts. */
function addPositive(into: ResourceList, from: ResourceList): void {
  for (const [name, q] of from) {
    if ((name !== 'cpu' && name !== 'memory') || q.mantissa <= 0n) continue;
    const have = into.get(name);
    into.set(name, have ? addQuantity(q, have) : q);
  }
}

function addInto(into: ResourceList, from: ResourceList): void {
  for (const [name, q] of from) {
    const have = into.get(name);
    into.set(name, have ? addQuantity(have, q) : q);
  }
}

function maxInto(into: ResourceList, from: ResourceList): void {
  for (const [name, q] of from) {
    const have = into.get(name);
    if (!have || compareQuantity(q, have) > 0) into.set(name, q);
  }
}
