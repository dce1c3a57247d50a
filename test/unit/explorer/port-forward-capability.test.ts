import assert from 'node:assert/strict';
import { test } from 'node:test';
import { capabilitiesOf } from '../../../src/explorer/capabilities.ts';
import type { ResourceInfo } from '../../../src/kube/resource-info.ts';

function resource(plural: string, kind: string, group = ''): ResourceInfo {
  return {
    group,
    version: 'v1',
    versions: ['v1'],
    plural,
    singular: kind.toLowerCase(),
    kind,
    shortNames: [],
    categories: [],
    namespaced: true,
    verbs: ['get', 'list', 'watch'],
    subresources: { scale: false, status: false, log: false, exec: false },
  };
}

test('F is offered on pods, Services and the workloads kubectl port-forward names; not on Jobs or ConfigMaps', () => {
  const yes = [resource('pods', 'Pod'), resource('services', 'Service'), ...['deployments', 'statefulsets', 'daemonsets', 'replicasets'].map((p) => resource(p, p, 'apps'))];
  for (const r of yes) assert.equal(capabilitiesOf(r, undefined).has('port-forward'), true, r.plural);
  // A Job has pods (logs) but kubectl port-forward cannot name it.
  for (const r of [resource('jobs', 'Job', 'batch'), resource('configmaps', 'ConfigMap')]) assert.equal(capabilitiesOf(r, undefined).has('port-forward'), false, r.plural);
});
