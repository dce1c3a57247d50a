/** Which containers `s` on a pod offers: main ones, then whatever else runs; kubectl's default first in line. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { containerChoices } from '../../src/kube/exec/container-choices.ts';
import type { KubeObject } from '../../src/kube/object.ts';

const pod = (annotations: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'api-1', namespace: 'shop', uid: 'u1', annotations },
  spec: {
    initContainers: [{ name: 'migrate' }, { name: 'envoy', restartPolicy: 'Always' }],
    containers: [{ name: 'api' }, { name: 'worker' }],
    ephemeralContainers: [{ name: 'debugger' }, { name: 'old-debugger' }],
  },
  status: {
    initContainerStatuses: [
      { name: 'migrate', state: { terminated: { exitCode: 0 } } },
      { name: 'envoy', state: { running: {} } },
    ],
    containerStatuses: [
      { name: 'api', state: { running: {} } },
      { name: 'worker', state: { waiting: { reason: 'CrashLoopBackOff' } } },
    ],
    ephemeralContainerStatuses: [
      { name: 'debugger', state: { running: {} } },
      { name: 'old-debugger', state: { terminated: { exitCode: 0 } } },
    ],
  },
});

test('main containers, then the running sidecar and debug container; finished ones are left out', () => {
  assert.deepEqual(containerChoices(pod()), { names: ['api', 'worker', 'envoy', 'debugger'], initial: 0 });
});

test('the cursor starts on the default-container annotation, like kubectl exec', () => {
  assert.deepEqual(containerChoices(pod({ 'kubectl.kubernetes.io/default-container': 'worker' })).initial, 1);
  // An annotation naming no container is ignored, as kubectl does.
  assert.deepEqual(containerChoices(pod({ 'kubectl.kubernetes.io/default-container': 'nope' })).initial, 0);
});
