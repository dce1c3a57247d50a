/**
 * The API server's defaulting (SetDefaults_* of k8s.io/api) for fields clients leave out and tables
 * and kx show, applied to a new object before it is stored. Workload pod specs and services are
 * filled by the scenario's controllers (pod-factory.ts, service.ts), as the server's defaulting
 * and its allocators would.
 */
import type { KubeObject } from '../../kube/object.ts';
import type { ResourceDef } from './resource-def.ts';
import type { MemoryStore } from './store.ts';
import { demoUser } from './reviews.ts';

const storageClasses = { group: 'storage.k8s.io', plural: 'storageclasses' };

/** The class the DefaultStorageClass admission plugin gives a claim that names none. */
function defaultStorageClass(store: MemoryStore): string | undefined {
  return store.list(storageClasses).find((c) => c.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true')?.metadata.name;
}

const defaults: Record<string, (obj: Record<string, unknown>, store: MemoryStore) => void> = {
  '/persistentvolumeclaims': (o, store) => {
    const spec = (o.spec ?? {}) as Record<string, unknown>;
    spec.volumeMode ??= 'Filesystem';
    // Only a claim with no class at all gets the default; "" asks for no class.
    if (spec.storageClassName === undefined) {
      const cls = defaultStorageClass(store);
      if (cls !== undefined) spec.storageClassName = cls;
    }
    o.spec = spec;
    // The volume controller's first word on a new claim.
    if (!spec.volumeName) o.status = { phase: 'Pending' };
  },
  // kubectl create secret generic sends no type.
  '/secrets': (o) => {
    if (!o.type) o.type = 'Opaque';
  },
  'scheduling.k8s.io/priorityclasses': (o) => {
    if (!o.preemptionPolicy) o.preemptionPolicy = 'PreemptLowerPriority';
  },
  'storage.k8s.io/csidrivers': (o) => {
    const spec = (o.spec ?? {}) as Record<string, unknown>;
    spec.attachRequired ??= true;
    spec.podInfoOnMount ??= false;
    spec.storageCapacity ??= false;
    spec.requiresRepublish ??= false;
    spec.seLinuxMount ??= false;
    spec.fsGroupPolicy ??= 'ReadWriteOnceWithFSType';
    spec.volumeLifecycleModes ??= ['Persistent'];
    o.spec = spec;
  },
  // The server, not the client, says who asked for a certificate.
  'certificates.k8s.io/certificatesigningrequests': (o) => {
    const spec = (o.spec ?? {}) as Record<string, unknown>;
    spec.username = demoUser.username;
    spec.groups = [...demoUser.groups];
    o.spec = spec;
  },
};

/** Fills what the real server defaults on create, in place. */
export function applyCreateDefaults(def: Pick<ResourceDef, 'group' | 'plural'>, obj: KubeObject, store: MemoryStore): void {
  defaults[`${def.group}/${def.plural}`]?.(obj as unknown as Record<string, unknown>, store);
}
