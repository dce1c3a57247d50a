/** The core pods resource as discovery describes it, for tests that need a ResourceInfo without a server. */
import type { ResourceInfo } from '../../src/kube/resource-info.ts';

/** pods (v1), namespaced, with the verbs a view's keys look at. */
export const podsResource: ResourceInfo = {
  group: '',
  version: 'v1',
  versions: ['v1'],
  plural: 'pods',
  singular: 'pod',
  kind: 'Pod',
  shortNames: ['po'],
  categories: ['all'],
  namespaced: true,
  verbs: ['get', 'list', 'watch', 'delete'],
  subresources: { scale: false, status: true, log: true, exec: true },
};
