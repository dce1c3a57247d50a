/**
 * Which containers `s` on a pod offers to shell into: kubectl would silently take the default one
 * (the default-container annotation, else the first); kx asks when there is more than one.
 */
import type { KubeObject } from '../object.ts';
import { defaultContainer } from './shell.ts';

interface ContainerJson {
  name: string;
}

interface StatusJson {
  name: string;
  state?: { running?: unknown };
}

/** The containers to offer, and the index of the one the cursor starts on (kubectl's default). */
export interface ContainerChoices {
  names: string[];
  initial: number;
}

/**
 * The pod's main containers (always: the default is one of them, and a crashed one can be
 * started again), then any other container that runs now: sidecars, a running init container,
 * ephemeral debug containers. Whatever has finished runs nothing to exec into.
 */
export function containerChoices(pod: KubeObject): ContainerChoices {
  const spec = (pod['spec'] ?? {}) as { containers?: ContainerJson[]; initContainers?: ContainerJson[]; ephemeralContainers?: ContainerJson[] };
  const status = (pod['status'] ?? {}) as { initContainerStatuses?: StatusJson[]; ephemeralContainerStatuses?: StatusJson[] };
  const running = new Set([...(status.initContainerStatuses ?? []), ...(status.ephemeralContainerStatuses ?? [])].filter((s) => s.state?.running !== undefined).map((s) => s.name));
  const names = [...(spec.containers ?? []).map((c) => c.name), ...[...(spec.initContainers ?? []), ...(spec.ephemeralContainers ?? [])].map((c) => c.name).filter((name) => running.has(name))];
  const chosen = defaultContainer(pod);
  return { names, initial: Math.max(0, chosen === undefined ? 0 : names.indexOf(chosen)) };
}
