import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseContainers } from '../../../src/logs/container-choice.ts';
import { podContainers } from '../../../src/logs/pod-containers.ts';
import { selectorString as labelSelectorText, mapSelectorText } from '../../../src/kube/label-selector.ts';
import type { KubeObject } from '../../../src/kube/object.ts';

function pod(spec: Record<string, unknown>, status: Record<string, unknown>): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', namespace: 'shop', uid: 'u' }, spec, status };
}

const initializing = pod(
  {
    initContainers: [{ name: 'migrate' }, { name: 'envoy', restartPolicy: 'Always' }],
    containers: [{ name: 'app' }],
    ephemeralContainers: [{ name: 'debugger' }],
  },
  {
    phase: 'Pending',
    initContainerStatuses: [
      { name: 'migrate', containerID: 'containerd://m1', state: { terminated: { exitCode: 0, startedAt: 't0' } } },
      { name: 'envoy', containerID: 'containerd://e1', state: { running: { startedAt: 't1' } } },
    ],
    containerStatuses: [{ name: 'app', state: { waiting: {} } }],
  },
);

test('containers in --all-containers order with kind, instance and waiting reason', () => {
  assert.deepEqual(podContainers(initializing), [
    { name: 'migrate', kind: 'init', instance: 'containerd://m1', running: false, state: 'terminated', waitingReason: undefined },
    { name: 'envoy', kind: 'sidecar', instance: 'containerd://e1', running: true, state: 'running', waitingReason: undefined },
    { name: 'app', kind: 'regular', instance: undefined, running: false, state: 'waiting', waitingReason: 'PodInitializing' },
    { name: 'debugger', kind: 'ephemeral', instance: undefined, running: false, state: 'waiting', waitingReason: 'ContainerCreating' },
  ]);
});

test('a crash-looping container is read from its last terminated instance; a restart is a new instance', () => {
  const crashed = pod(
    { containers: [{ name: 'app' }] },
    {
      phase: 'Running',
      containerStatuses: [{ name: 'app', restartCount: 3, containerID: 'c://3', state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, containerID: 'c://3' } } }],
    },
  );
  assert.equal(podContainers(crashed)[0]?.instance, 'c://3');
  assert.equal(podContainers(crashed)[0]?.running, false);
  const restarted = pod({ containers: [{ name: 'app' }] }, { containerStatuses: [{ name: 'app', restartCount: 4, containerID: 'c://4', state: { running: { startedAt: 't' } } }] });
  assert.equal(podContainers(restarted)[0]?.instance, 'c://4');
  const noIds = pod({ containers: [{ name: 'app' }] }, { containerStatuses: [{ name: 'app', state: { running: { startedAt: '2024-05-01T10:00:00Z' } } }] });
  assert.equal(podContainers(noIds)[0]?.instance, 'started@2024-05-01T10:00:00Z');
});

test('default choice: one main container alone, several means all of them (said)', () => {
  const one = pod({ initContainers: [{ name: 'migrate' }], containers: [{ name: 'app' }] }, {});
  assert.deepEqual(chooseContainers(one, { kind: 'default' }), { ok: true, containers: [podContainers(one)[1]], defaulted: false });
  const several = chooseContainers(initializing, { kind: 'default' });
  assert.ok(several.ok);
  assert.deepEqual(
    several.containers.map((c) => c.name),
    ['migrate', 'envoy', 'app', 'debugger'],
  );
  assert.equal(several.defaulted, true);
  assert.deepEqual(chooseContainers(initializing, { kind: 'named', name: 'nope' }), { ok: false, message: 'container nope is not valid for pod web-1' });
  const all = chooseContainers(one, { kind: 'all' });
  assert.ok(all.ok && all.containers.length === 2 && !all.defaulted);
});

test('label selectors as the API wants them (and as kubectl sends them: apimachinery sorts requirements by key)', () => {
  assert.equal(
    labelSelectorText({
      matchLabels: { app: 'web', tier: 'front' },
      matchExpressions: [
        { key: 'env', operator: 'In', values: ['prod', 'dev'] },
        { key: 'legacy', operator: 'DoesNotExist' },
        { key: 'team', operator: 'Exists' },
        { key: 'zone', operator: 'NotIn', values: ['b'] },
      ],
    }),
    'app=web,env in (dev,prod),!legacy,team,tier=front,zone notin (b)',
  );
  assert.equal(labelSelectorText({}), '');
  assert.equal(mapSelectorText({ app: 'api', tier: 'backend' }), 'app=api,tier=backend');
});
