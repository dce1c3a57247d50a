/** Builders for objects the demo server tests create (shaped like real kubectl -o json output). */
import type { KubeObject } from '../../src/kube/object.ts';

/** A namespace. */
export function namespace(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, uid: '' }, status: { phase: 'Active' } };
}

/** A running pod with one container (or several). */
export function pod(ns: string, name: string, opts: { labels?: Record<string, string>; node?: string; containers?: string[]; phase?: string } = {}): KubeObject {
  const containers = opts.containers ?? ['app'];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, uid: '', labels: opts.labels ?? { app: name } },
    spec: { nodeName: opts.node ?? 'node-1', containers: containers.map((c) => ({ name: c, image: 'nginx:1.27' })) },
    status: {
      phase: opts.phase ?? 'Running',
      podIP: '10.244.0.10',
      podIPs: [{ ip: '10.244.0.10' }],
      containerStatuses: containers.map((c) => ({ name: c, ready: true, restartCount: 0, state: { running: { startedAt: '2025-01-01T00:00:00Z' } } })),
    },
  };
}

/** A deployment with a replica count. */
export function deployment(ns: string, name: string, replicas: number): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns, uid: '', labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27', env: [{ name: 'A', value: '1' }] }] } },
    },
    status: { replicas, readyReplicas: replicas, updatedReplicas: replicas, availableReplicas: replicas },
  };
}

/** The crontabs.stable.example.com CRD (namespaced, short name ct, scale + status, printer columns). */
export function crontabCrd(): KubeObject {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'crontabs.stable.example.com', uid: '' },
    spec: {
      group: 'stable.example.com',
      scope: 'Namespaced',
      names: { plural: 'crontabs', singular: 'crontab', kind: 'CronTab', listKind: 'CronTabList', shortNames: ['ct'] },
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
          subresources: { status: {}, scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas', labelSelectorPath: '.status.labelSelector' } },
          additionalPrinterColumns: [
            { name: 'Spec', type: 'string', jsonPath: '.spec.cronSpec' },
            { name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas' },
            { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
          ],
        },
      ],
    },
  };
}

/** A CronTab custom object. */
export function crontab(ns: string, name: string, cronSpec: string, replicas = 1): KubeObject {
  return {
    apiVersion: 'stable.example.com/v1',
    kind: 'CronTab',
    metadata: { name, namespace: ns, uid: '' },
    spec: { cronSpec, image: 'my-cron-image', replicas },
    status: { replicas, labelSelector: `app=${name}` },
  };
}
