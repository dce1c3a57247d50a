/** The store resources the scenario reads and writes, named once. */
import type { DemoResourceRef } from '../types.ts';

/** Refs of every resource the scenario touches. */
export const R = {
  namespaces: { group: '', plural: 'namespaces' },
  nodes: { group: '', plural: 'nodes' },
  pods: { group: '', plural: 'pods' },
  services: { group: '', plural: 'services' },
  endpoints: { group: '', plural: 'endpoints' },
  events: { group: '', plural: 'events' },
  configmaps: { group: '', plural: 'configmaps' },
  secrets: { group: '', plural: 'secrets' },
  serviceaccounts: { group: '', plural: 'serviceaccounts' },
  pvcs: { group: '', plural: 'persistentvolumeclaims' },
  pvs: { group: '', plural: 'persistentvolumes' },
  quotas: { group: '', plural: 'resourcequotas' },
  deployments: { group: 'apps', plural: 'deployments' },
  replicasets: { group: 'apps', plural: 'replicasets' },
  statefulsets: { group: 'apps', plural: 'statefulsets' },
  daemonsets: { group: 'apps', plural: 'daemonsets' },
  controllerrevisions: { group: 'apps', plural: 'controllerrevisions' },
  jobs: { group: 'batch', plural: 'jobs' },
  cronjobs: { group: 'batch', plural: 'cronjobs' },
  hpas: { group: 'autoscaling', plural: 'horizontalpodautoscalers' },
  pdbs: { group: 'policy', plural: 'poddisruptionbudgets' },
  endpointslices: { group: 'discovery.k8s.io', plural: 'endpointslices' },
  ingresses: { group: 'networking.k8s.io', plural: 'ingresses' },
  ingressclasses: { group: 'networking.k8s.io', plural: 'ingressclasses' },
  storageclasses: { group: 'storage.k8s.io', plural: 'storageclasses' },
  leases: { group: 'coordination.k8s.io', plural: 'leases' },
  priorityclasses: { group: 'scheduling.k8s.io', plural: 'priorityclasses' },
  crds: { group: 'apiextensions.k8s.io', plural: 'customresourcedefinitions' },
  crontabs: { group: 'stable.example.com', plural: 'crontabs' },
} as const satisfies Record<string, DemoResourceRef>;

/** The ref for an owner kind (as written in ownerReferences), if the scenario knows it. */
export function refForKind(apiVersion: string, kind: string): DemoResourceRef | undefined {
  const group = apiVersion.includes('/') ? (apiVersion.split('/')[0] as string) : '';
  const plural = kindPlurals[kind];
  return plural ? { group, plural } : undefined;
}

const kindPlurals: Record<string, string> = {
  Pod: 'pods',
  Service: 'services',
  Deployment: 'deployments',
  ReplicaSet: 'replicasets',
  StatefulSet: 'statefulsets',
  DaemonSet: 'daemonsets',
  Job: 'jobs',
  CronJob: 'cronjobs',
  ControllerRevision: 'controllerrevisions',
  EndpointSlice: 'endpointslices',
  Endpoints: 'endpoints',
  PersistentVolumeClaim: 'persistentvolumeclaims',
  ConfigMap: 'configmaps',
  Secret: 'secrets',
  Node: 'nodes',
  Namespace: 'namespaces',
  CronTab: 'crontabs',
};

/** A stable key for a ref. */
export function refId(ref: DemoResourceRef): string {
  return `${ref.group}/${ref.plural}`;
}
