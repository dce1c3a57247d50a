/**
 * The fake metrics' figures: each container's usage is a fixed function of its namespace, pod and
 * container name (so kx and kubectl, asking seconds apart, read the same numbers); a node's usage
 * is the sum of its pods plus a fixed share for the system.
 */
import { createHash } from 'node:crypto';

/** CPU in nanocores and memory in bytes, as metrics-server measures them. */
export interface Usage {
  nanocores: number;
  bytes: number;
}

/** What the node's own processes (kubelet, runtime, system) use on top of its pods. */
export const systemShare: Usage = { nanocores: 123_456_789, bytes: 640 * 1024 * 1024 + 300 * 1024 };

/** A container's usage: 1m..301m CPU with a nanocore fraction (kubectl rounds it up) and 8..264 MiB plus some KiB. */
export function containerUsage(namespace: string, pod: string, container: string): Usage {
  const digest = createHash('sha256').update(`${namespace}/${pod}/${container}`).digest();
  const a = digest.readUInt32BE(0);
  const b = digest.readUInt32BE(4);
  return { nanocores: 1_000_000 + (a % 300_000_000), bytes: (8 + (b % 256)) * 1024 * 1024 + ((b >>> 8) % 1024) * 1024 };
}

/** The sum of some usages. */
export function addUsage(...all: Usage[]): Usage {
  return all.reduce((s, u) => ({ nanocores: s.nanocores + u.nanocores, bytes: s.bytes + u.bytes }), { nanocores: 0, bytes: 0 });
}

/** metrics-server's quantities: CPU in n, memory in Ki. */
export function usageQuantities(u: Usage): { cpu: string; memory: string } {
  return { cpu: `${u.nanocores}n`, memory: `${Math.round(u.bytes / 1024)}Ki` };
}
