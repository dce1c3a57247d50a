/** The demo's PodDisruptionBudget arithmetic (the disruption controller's), and drain's Go-style durations and aggregates. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { budgetSelects, budgetStatus, type OwnerLookup } from '../../src/demo/server/disruption-budget.ts';
import { aggregate, goDuration } from '../../src/kube/mutations/drain.ts';
import type { KubeObject } from '../../src/kube/object.ts';

function pod(name: string, ready: boolean, opts: { labels?: Record<string, string>; owner?: string; terminating?: boolean } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      uid: name,
      namespace: 'shop',
      labels: opts.labels ?? { app: 'web' },
      ...(opts.owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: opts.owner, uid: opts.owner, controller: true }] } : {}),
      ...(opts.terminating ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}),
    },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
  };
}

function pdb(spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web', uid: 'p', namespace: 'shop' }, spec: { selector: { matchLabels: { app: 'web' } }, ...spec } };
}

// web-rs belongs to Deployment web, which wants 4 replicas.
const lookup: OwnerLookup = (kind, _ns, name) => {
  if (kind === 'ReplicaSet' && name === 'web-rs')
    return {
      apiVersion: 'apps/v1',
      kind,
      metadata: { name, uid: name, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd', controller: true }] },
      spec: { replicas: 3 },
    };
  if (kind === 'Deployment' && name === 'web') return { apiVersion: 'apps/v1', kind, metadata: { name, uid: 'd' }, spec: { replicas: 4 } };
  return undefined;
};

const pods = [
  pod('a', true, { owner: 'web-rs' }),
  pod('b', true, { owner: 'web-rs' }),
  pod('c', false, { owner: 'web-rs' }),
  pod('d', true, { owner: 'web-rs', terminating: true }),
  pod('other', true, { labels: { app: 'db' } }),
];

test('minAvailable as a number: desired is the number, healthy counts ready pods that are not terminating', () => {
  assert.deepEqual(budgetStatus(pdb({ minAvailable: 2 }), pods, lookup), { expectedPods: 4, desiredHealthy: 2, currentHealthy: 2, disruptionsAllowed: 0 });
  assert.equal(budgetStatus(pdb({ minAvailable: 1 }), pods, lookup).disruptionsAllowed, 1);
});

test('percentages and maxUnavailable count the controllers’ replicas (a ReplicaSet’s Deployment), rounding up', () => {
  assert.deepEqual(budgetStatus(pdb({ minAvailable: '30%' }), pods, lookup), { expectedPods: 4, desiredHealthy: 2, currentHealthy: 2, disruptionsAllowed: 0 });
  assert.deepEqual(budgetStatus(pdb({ maxUnavailable: 1 }), pods, lookup), { expectedPods: 4, desiredHealthy: 3, currentHealthy: 2, disruptionsAllowed: 0 });
  assert.equal(budgetStatus(pdb({ maxUnavailable: '50%' }), pods, lookup).disruptionsAllowed, 0);
  assert.equal(budgetStatus(pdb({ maxUnavailable: '75%' }), pods, lookup).disruptionsAllowed, 1);
});

test('policy/v1 selectors: an empty selector picks every pod of the namespace, none picks nothing', () => {
  const all = { ...pdb({}), spec: { selector: {} } };
  assert.equal(budgetSelects(all, pod('x', true, { labels: { any: 'thing' } })), true);
  assert.equal(budgetSelects({ ...pdb({}), spec: {} }, pod('x', true)), false);
  assert.equal(budgetSelects(pdb({}), { ...pod('x', true), metadata: { ...pod('x', true).metadata, namespace: 'other' } }), false);
});

test('durations and aggregates print as Go’s', () => {
  assert.deepEqual([goDuration(5000), goDuration(90_000), goDuration(60_000), goDuration(1500), goDuration(3_600_000), goDuration(250)], ['5s', '1m30s', '1m0s', '1.5s', '1h0m0s', '250ms']);
  assert.equal(aggregate(['one']), 'one');
  assert.equal(aggregate(['one', 'two']), '[one, two]');
});
