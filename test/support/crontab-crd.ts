/** The crontab CustomResourceDefinition from the Kubernetes docs, for tests against the demo server. */
import type { KubeObject } from '../../src/kube/object.ts';

/** Where CRDs live in the demo store. */
export const crdRef = { group: 'apiextensions.k8s.io', plural: 'customresourcedefinitions' };

/** The crontab CRD from the Kubernetes docs, with printer columns and a scale subresource. */
export function crontabCrd(group = 'stable.example.com', plural = 'crontabs', kind = 'CronTab', shortNames = ['ct']): KubeObject {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.${group}`, uid: '' },
    spec: {
      group,
      scope: 'Namespaced',
      names: { plural, singular: plural.replace(/s$/, ''), kind, shortNames, categories: ['all'] },
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
          subresources: { status: {}, scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' } },
          additionalPrinterColumns: [
            { name: 'Spec', type: 'string', jsonPath: '.spec.cronSpec' },
            { name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas' },
            { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
          ],
        },
        { name: 'v1beta1', served: true, storage: false, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } },
      ],
    },
  };
}
