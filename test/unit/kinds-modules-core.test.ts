/**
 * The module facts of pods, workloads, jobs, nodes, events and HPAs agree with the code that acts
 * on them today: describe's registry, rollout's kinds and drill-down's rules.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cronJobsKind } from '../../src/kinds/cronjobs.ts';
import { daemonSetsKind } from '../../src/kinds/daemonsets.ts';
import { describerFor } from '../../src/kinds/describe/describe-object.ts';
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
import { rolloutKind } from '../../src/kube/mutations/rollout/rollout-target.ts';
import type { ResourceInfo } from '../../src/kube/resource-info.ts';

const kinds: RegisteredKind[] = [podsKind, replicaSetsKind, statefulSetsKind, daemonSetsKind, jobsKind, cronJobsKind, nodesKind, eventsKind, hpasKind] as RegisteredKind[];

function resourceOf(k: RegisteredKind): ResourceInfo {
  const plural = k.resourceKey.split('.')[0]!;
  return {
    group: k.module.group, version: 'v1', versions: ['v1'], plural, singular: '', kind: k.kind, shortNames: [], categories: [],
    namespaced: k.namespaced, verbs: [], subresources: { scale: false, status: false, log: false, exec: false },
  };
}

test('each module names its group so resourceKey is plural.group', () => {
  for (const k of kinds) assert.equal(k.resourceKey, k.module.group ? `${k.resourceKey.split('.')[0]}.${k.module.group}` : k.resourceKey.split('.')[0], k.resourceKey);
});

test('each module loads the describer describe registers for its group and kind (none: the generic one)', async () => {
  for (const k of kinds) {
    const own = k.module.describe ? await k.module.describe() : describeGeneric;
    assert.equal(own, describerFor(k.module.group, k.kind), k.resourceKey);
  }
});

test('rollout flavours and drill rules match rollout-target and drill-down', () => {
  for (const k of kinds) {
    let flavour: string | undefined;
    try {
      flavour = rolloutKind(resourceOf(k));
    } catch {
      flavour = undefined;
    }
    assert.equal(k.module.rollout, flavour, `${k.resourceKey} rollout`);
    assert.equal(k.module.drill !== undefined, canDrill(resourceOf(k)), `${k.resourceKey} drill`);
  }
  assert.deepEqual(cronJobsKind.module.drill, { kind: 'grandchildren', via: 'jobs.batch' });
  assert.deepEqual(nodesKind.module.drill, { kind: 'node-pods' });
  assert.deepEqual(jobsKind.module.drill, { kind: 'owned', child: 'pods' });
});

test('pods: a pod is its own pod; workloads and jobs find theirs by selector; the rest have none', () => {
  assert.deepEqual(podsKind.module.pods, { kind: 'self' });
  for (const k of [replicaSetsKind, statefulSetsKind, daemonSetsKind, jobsKind]) assert.deepEqual(k.module.pods, { kind: 'workload-selector' }, k.resourceKey);
  for (const k of [cronJobsKind, nodesKind, eventsKind, hpasKind]) assert.equal(k.module.pods, undefined, k.resourceKey);
  assert.deepEqual(nodesKind.module.related, ['nodePodsAndLease']);
  for (const k of [replicaSetsKind, statefulSetsKind, daemonSetsKind]) assert.deepEqual(k.module.related, ['podsBySelector'], k.resourceKey);
});
