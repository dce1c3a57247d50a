import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseContainers } from '../../../src/logs/container-choice.ts';
import { podContainers } from '../../../src/logs/pod-containers.ts';
import type { KubeObject } from '../../../src/kube/object.ts';

const pod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'api-1', namespace: 'shop', uid: 'u' },
  spec: { initContainers: [{ name: 'migrate' }], containers: [{ name: 'api' }, { name: 'envoy' }, { name: 'api-metrics' }] },
  status: {
    phase: 'Running',
    initContainerStatuses: [{ name: 'migrate', containerID: 'c://m', state: { terminated: { exitCode: 0, startedAt: 't0' } } }],
    containerStatuses: [
      { name: 'api', containerID: 'c://a', state: { running: { startedAt: 't1' } } },
      { name: 'envoy', containerID: 'c://e', state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, startedAt: 't0' } } },
      { name: 'api-metrics', state: { waiting: { reason: 'ContainerCreating' } } },
    ],
  },
};
const names = (r: ReturnType<typeof chooseContainers>): string[] => (r.ok ? r.containers.map((c) => c.name) : [r.message]);

test("each container's state as --container-state names it (crash-looping is waiting)", () => {
  assert.deepEqual(
    podContainers(pod).map((c) => `${c.name}=${c.state}`),
    ['migrate=terminated', 'api=running', 'envoy=waiting', 'api-metrics=waiting'],
  );
});

test('-c PATTERN: every container it matches, unanchored; none is not an error', () => {
  assert.deepEqual(names(chooseContainers(pod, { kind: 'pattern', pattern: /^api/ })), ['api', 'api-metrics']);
  assert.deepEqual(names(chooseContainers(pod, { kind: 'pattern', pattern: /o/ })), ['envoy']);
  assert.deepEqual(names(chooseContainers(pod, { kind: 'pattern', pattern: /^x/ })), []);
});

test('-E leaves containers out before choosing, also from the default choice', () => {
  assert.deepEqual(names(chooseContainers(pod, { kind: 'all' }, [/metrics/, /^migrate$/])), ['api', 'envoy']);
  const onlyApi = chooseContainers(pod, { kind: 'default' }, [/envoy|metrics/]);
  assert.deepEqual(names(onlyApi), ['api']);
  assert.equal(onlyApi.ok && onlyApi.defaulted, false, 'one main container left: not "showing all of them"');
  assert.deepEqual(names(chooseContainers(pod, { kind: 'named', name: 'envoy' }, [/envoy/])), ['container envoy is not valid for pod api-1']);
});
