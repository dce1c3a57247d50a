/**
 * The module facts of pods, workloads, jobs, nodes, events and HPAs: the describer kubectl uses
 * for each, rollout flavours, drill rules and how pods are found.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cronJobsKind } from '../../src/kinds/cronjobs.ts';
import { daemonSetsKind } from '../../src/kinds/daemonsets.ts';
import { loadDescriber } from '../../src/kinds/describe/describe-object.ts';
import { describePod } from '../../src/kinds/describe/describe-pod.ts';
import { describeDaemonSet, describeReplicaSet, describeStatefulSet } from '../../src/kinds/describe/describe-workloads.ts';
import { describeCronJob, describeJob } from '../../src/kinds/describe/describe-jobs.ts';
import { describeNode } from '../../src/kinds/describe/describe-node.ts';
import { describeHpa } from '../../src/kinds/describe/describe-hpa.ts';
import { describeGeneric } from '../../src/kinds/describe/describe-generic.ts';
import { eventsKind } from '../../src/kinds/events.ts';
import { hpasKind } from '../../src/kinds/hpas.ts';
import { jobsKind } from '../../src/kinds/jobs.ts';
import type { RegisteredKind } from '../../src/kinds/kind-module.ts';
import { nodesKind } from '../../src/kinds/nodes.ts';
import { podsKind } from '../../src/kinds/pods.ts';
import { replicaSetsKind } from '../../src/kinds/replicasets.ts';
import { statefulSetsKind } from '../../src/kinds/statefulsets.ts';
import { canDrill } from '../../src/explorer/drill-down.ts';
import type { ResourceInfo } from '../../src/kube/resource-info.ts';

const kinds: RegisteredKind[] = [podsKind, replicaSetsKind, statefulSetsKind, daemonSetsKind, jobsKind, cronJobsKind, nodesKind, eventsKind, hpasKind] as RegisteredKind[];

function resourceOf(k: RegisteredKind): ResourceInfo {
  const plural = k.resourceKey.split('.')[0]!;
  return {
    group: k.module.group,
    version: 'v1',
    versions: ['v1'],
    plural,
    singular: '',
    kind: k.kind,
    shortNames: [],
    categories: [],
    namespaced: k.namespaced,
    verbs: [],
    subresources: { scale: false, status: false, log: false, exec: false },
  };
}

test('each module names its group so resourceKey is plural.group', () => {
  for (const k of kinds) assert.equal(k.resourceKey, k.module.group ? `${k.resourceKey.split('.')[0]}.${k.module.group}` : k.resourceKey.split('.')[0], k.resourceKey);
});

test('each module loads the describer kubectl uses for its group and kind (none: the generic one)', async () => {
  const expected = new Map<RegisteredKind, unknown>([
    [podsKind, describePod],
    [replicaSetsKind, describeReplicaSet],
    [statefulSetsKind, describeStatefulSet],
    [daemonSetsKind, describeDaemonSet],
    [jobsKind, describeJob],
    [cronJobsKind, describeCronJob],
    [nodesKind, describeNode],
    [eventsKind, describeGeneric],
    [hpasKind, describeHpa],
  ]);
  for (const k of kinds) {
    const own = k.module.describe ? await k.module.describe() : describeGeneric;
    assert.equal(own, expected.get(k), k.resourceKey);
    assert.equal(await loadDescriber(k.module.group, k.kind), own, `the registry finds ${k.resourceKey}'s by group and kind`);
  }
});

test('rollout flavours and drill rules', () => {
  const flavours: Record<string, string | undefined> = { 'statefulsets.apps': 'StatefulSet', 'daemonsets.apps': 'DaemonSet' };
  for (const k of kinds) {
    assert.equal(k.module.rollout, flavours[k.resourceKey], `${k.resourceKey} rollout`);
    assert.equal(canDrill(resourceOf(k)), k.module.drill !== undefined, `${k.resourceKey} drill`);
  }
  assert.deepEqual(cronJobsKind.module.drill, { kind: 'grandchildren', via: 'jobs.batch' });
  assert.deepEqual(nodesKind.module.drill, { kind: 'node-pods' });
  assert.deepEqual(jobsKind.module.drill, { kind: 'owned', child: 'pods' });
  assert.deepEqual(podsKind.module.drill, { kind: 'containers' });
  for (const k of [eventsKind, hpasKind]) assert.equal(k.module.drill, undefined, k.resourceKey);
});

test('pods: a pod is its own pod; workloads and jobs find theirs by selector; the rest have none', () => {
  assert.deepEqual(podsKind.module.pods, { kind: 'self' });
  for (const k of [replicaSetsKind, statefulSetsKind, daemonSetsKind, jobsKind]) assert.deepEqual(k.module.pods, { kind: 'workload-selector' }, k.resourceKey);
  for (const k of [cronJobsKind, nodesKind, eventsKind, hpasKind]) assert.equal(k.module.pods, undefined, k.resourceKey);
  assert.deepEqual(nodesKind.module.related, ['nodePodsAndLease']);
  for (const k of [replicaSetsKind, statefulSetsKind, daemonSetsKind]) assert.deepEqual(k.module.related, ['podsBySelector'], k.resourceKey);
});
