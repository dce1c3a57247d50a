/**
 * Simulated resource usage, as metrics-server would report it: a pure function of the object and
 * the metrics window, so every read within one window sees the same numbers (kubectl top and kx top
 * agree) and the numbers move from one window to the next.
 */
import type { KubeObject } from '../../kube/object.ts';
import { parseQuantity, milliValue, wholeValue } from '../../kube/quantity.ts';

/** metrics-server's default scrape interval: usage changes once per window. */
export const metricsWindowMs = 15_000;

/** CPU in nanocores and memory in bytes. */
export interface Usage {
  nanocores: number;
  bytes: number;
}

interface ContainerSpec {
  name: string;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

interface ContainerStatus {
  name: string;
  restartCount?: number;
  state?: { running?: unknown; waiting?: { reason?: string } };
}

const Mi = 1024 * 1024;

/** A number in [0, 1) from a string, stable across runs (FNV-1a). */
function unit(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 0x1_0000_0000;
}

function between(key: string, low: number, high: number): number {
  return Math.round(low + unit(key) * (high - low));
}

function milli(text: string | undefined): number | undefined {
  const q = parseQuantity(text);
  return q ? milliValue(q) : undefined;
}

function bytes(text: string | undefined): number | undefined {
  const q = parseQuantity(text);
  return q ? wholeValue(q) : undefined;
}

/** True when a pod is running, so metrics-server has samples for it. */
export function hasMetrics(pod: KubeObject): boolean {
  return (pod.status as { phase?: string } | undefined)?.phase === 'Running';
}

/**
 * Each container's usage in window `window`: a container with a CPU limit is busy (85–98 % of it),
 * a crash-looping one barely uses anything, the rest idle at a few percent of their request.
 */
export function containerUsage(pod: KubeObject, window: number): { name: string; usage: Usage }[] {
  const spec = (pod.spec as { containers?: ContainerSpec[] } | undefined)?.containers ?? [];
  const statuses = (pod.status as { containerStatuses?: ContainerStatus[] } | undefined)?.containerStatuses ?? [];
  const podKey = `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;
  return spec.map((c) => {
    const key = `${podKey}/${c.name}/${window}`;
    const status = statuses.find((s) => s.name === c.name);
    const crashing = status?.state?.waiting?.reason === 'CrashLoopBackOff' || (!status?.state?.running && (status?.restartCount ?? 0) > 0);
    const cpuLimit = milli(c.resources?.limits?.cpu);
    const cpuRequest = milli(c.resources?.requests?.cpu) ?? 100;
    const memRequest = bytes(c.resources?.requests?.memory) ?? 64 * Mi;
    // Millicores with a nanocore tail, so no two pods tie when sorted by CPU.
    const tail = between(`${key}/n`, 0, 999_999);
    let millicores: number;
    let memory: number;
    if (crashing) {
      millicores = between(`${key}/cpu`, 0, 2);
      memory = between(`${key}/mem`, 3 * Mi, 9 * Mi);
    } else if (cpuLimit !== undefined) {
      millicores = between(`${key}/cpu`, Math.round(cpuLimit * 0.85), Math.round(cpuLimit * 0.98));
      memory = between(`${key}/mem`, Math.round(memRequest * 0.7), Math.round(memRequest * 0.95));
    } else {
      millicores = between(`${key}/cpu`, Math.max(1, Math.round(cpuRequest * 0.01)), Math.round(cpuRequest * 0.15));
      memory = between(`${key}/mem`, Math.round(memRequest * 0.15), Math.round(memRequest * 0.6));
    }
    // metrics-server reports memory in whole KiB.
    return { name: c.name, usage: { nanocores: millicores * 1_000_000 + tail, bytes: Math.floor(memory / 1024) * 1024 } };
  });
}

/** A node's usage: its running pods plus the kubelet, runtime and system daemons. */
export function nodeUsage(node: KubeObject, pods: KubeObject[], window: number): Usage {
  const key = `${node.metadata.name}/${window}`;
  let nanocores = between(`${key}/cpu`, 80, 220) * 1_000_000 + between(`${key}/n`, 0, 999_999);
  let memoryBytes = Math.floor(between(`${key}/mem`, 600 * Mi, 950 * Mi) / 1024) * 1024;
  for (const pod of pods) {
    if ((pod.spec as { nodeName?: string } | undefined)?.nodeName !== node.metadata.name || !hasMetrics(pod)) continue;
    for (const c of containerUsage(pod, window)) {
      nanocores += c.usage.nanocores;
      memoryBytes += c.usage.bytes;
    }
  }
  return { nanocores, bytes: memoryBytes };
}

/** The window a time falls in, and when it ended (the sample's timestamp). */
export function metricsWindow(nowMs: number): { index: number; timestamp: string } {
  const index = Math.floor(nowMs / metricsWindowMs);
  return { index, timestamp: new Date(index * metricsWindowMs).toISOString().replace(/\.\d+Z$/, 'Z') };
}
