/**
 * The API server's defaulting (SetDefaults_* of k8s.io/api) for fields clients leave out and tables
 * and kx show, applied to a new object before it is stored. Workload pod specs and services are
 * filled by the scenario's controllers (pod-factory.ts, service.ts), as the server's defaulting
 * and its allocators would.
 */
import type { KubeObject } from '../../kube/object.ts';
import type { ResourceDef } from './resource-def.ts';

const defaults: Record<string, (obj: Record<string, unknown>) => void> = {
  // kubectl create secret generic sends no type.
  '/secrets': (o) => {
    if (!o.type) o.type = 'Opaque';
  },
  'scheduling.k8s.io/priorityclasses': (o) => {
    if (!o.preemptionPolicy) o.preemptionPolicy = 'PreemptLowerPriority';
  },
};

/** Fills what the real server defaults on create, in place. */
export function applyCreateDefaults(def: Pick<ResourceDef, 'group' | 'plural'>, obj: KubeObject): void {
  defaults[`${def.group}/${def.plural}`]?.(obj as unknown as Record<string, unknown>);
}
