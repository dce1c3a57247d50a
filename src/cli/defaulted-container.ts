/** kubectl's notice when it picked a pod's container for the user. */
import type { KubeObject } from '../kube/object.ts';

/**
 * `Defaulted container "app" out of: app, sidecar, migrate (init)`, as kubectl prints it when the
 * pod has more than one container to choose from and no default-container annotation chose.
 */
export function defaultedContainerNotice(pod: KubeObject, container: string): string | undefined {
  if (pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] === container) return undefined;
  const spec = (pod['spec'] ?? {}) as Record<string, { name: string }[] | undefined>;
  const regular = (spec['containers'] ?? []).map((c) => c.name);
  const inits = (spec['initContainers'] ?? []).map((c) => `${c.name} (init)`);
  const ephemeral = (spec['ephemeralContainers'] ?? []).map((c) => `${c.name} (ephem)`);
  if (regular.length <= 1 && inits.length === 0 && ephemeral.length === 0) return undefined;
  return `Defaulted container "${container}" out of: ${[...regular, ...inits, ...ephemeral].join(', ')}`;
}
