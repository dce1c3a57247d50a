/** The resources an aggregated metrics-server adds to a cluster: metrics.k8s.io and its APIService. */
import type { KubeObject } from '../../kube/object.ts';
import { crudVerbs, type ResourceDef } from './resource-def.ts';

/** The group metrics-server serves. */
export const metricsGroup = 'metrics.k8s.io';

function def(group: string, version: string, plural: string, singular: string, kind: string, namespaced: boolean, verbs: string[]): ResourceDef {
  return { group, versions: [version], plural, singular, kind, namespaced, shortNames: [], categories: [], verbs, subresources: {} };
}

/** metrics.k8s.io/v1beta1 nodes and pods (get and list only, as metrics-server serves them) plus apiregistration's apiservices. */
export function metricsResources(): ResourceDef[] {
  return [
    def(metricsGroup, 'v1beta1', 'nodes', '', 'NodeMetrics', false, ['get', 'list']),
    def(metricsGroup, 'v1beta1', 'pods', '', 'PodMetrics', true, ['get', 'list']),
    { ...def('apiregistration.k8s.io', 'v1', 'apiservices', 'apiservice', 'APIService', false, [...crudVerbs]), categories: ['api-extensions'], subresources: { status: true } },
  ];
}

/** The APIService a metrics-server install registers, reporting itself available. */
export function metricsApiService(now: Date): KubeObject {
  return {
    apiVersion: 'apiregistration.k8s.io/v1',
    kind: 'APIService',
    metadata: { name: `v1beta1.${metricsGroup}`, uid: '', labels: { 'k8s-app': 'metrics-server' } },
    spec: {
      group: metricsGroup,
      version: 'v1beta1',
      service: { name: 'metrics-server', namespace: 'kube-system', port: 443 },
      groupPriorityMinimum: 100,
      versionPriority: 100,
      insecureSkipTLSVerify: true,
    },
    status: {
      conditions: [{ type: 'Available', status: 'True', reason: 'Passed', message: 'all checks passed', lastTransitionTime: now.toISOString().replace(/\.\d+Z$/, 'Z') }],
    },
  };
}
