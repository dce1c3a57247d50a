import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject, OwnerReference } from '../../src/kube/object.ts';
import { ManualScheduler } from '../../src/store/manual-scheduler.ts';
import { ObjectCache } from '../../src/store/object-cache.ts';

interface PodOpts {
  rv?: string;
  labels?: Record<string, string>;
  owner?: string;
  node?: string;
}

function pod(name: string, ns: string, o: PodOpts = {}): KubeObject {
  const ownerReferences: OwnerReference[] = o.owner ? [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: o.owner, uid: `uid-${o.owner}`, controller: true }] : [];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, uid: `uid-${name}`, resourceVersion: o.rv ?? '1', labels: o.labels ?? {}, ownerReferences },
    spec: { containers: [{ name: 'c', image: 'i' }], ...(o.node ? { nodeName: o.node } : {}) },
    status: { phase: 'Pending' },
  };
}

function rs(name: string, ns: string, deployment: string): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: ns,
      uid: `uid-${name}`,
      resourceVersion: '1',
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: deployment, uid: `uid-${deployment}`, controller: true }],
    },
    spec: { replicas: 1, selector: { matchLabels: { app: deployment } } },
  };
}

function setup(): { cache: ObjectCache; pods: ReturnType<ObjectCache['sinkFor']> } {
  const cache = new ObjectCache({ scheduler: new ManualScheduler(0) });
  const pods = cache.sinkFor('pods');
  pods.beginSync();
  pods.upsert(pod('web-1', 'shop', { labels: { app: 'web', tier: 'fe' }, owner: 'web-rs', node: 'n1' }));
  pods.upsert(pod('web-2', 'shop', { labels: { app: 'web', tier: 'fe' }, owner: 'web-rs', node: 'n2' }));
  pods.upsert(pod('api-1', 'shop', { labels: { app: 'api', tier: 'be' }, owner: 'api-rs', node: 'n1' }));
  pods.upsert(pod('web-x', 'other', { labels: { app: 'web' }, node: 'n1' }));
  pods.endSync();
  const rss = cache.sinkFor('replicasets.apps');
  rss.beginSync();
  rss.upsert(rs('web-rs', 'shop', 'web'));
  rss.endSync();
  return { cache, pods };
}

const n = (rows: { name: string }[]): string[] => rows.map((r) => r.name);

test('children of an owner, across resources (Deployment → ReplicaSet → Pods)', () => {
  const { cache } = setup();
  assert.deepEqual(n(cache.childrenOf('uid-web')), ['web-rs']);
  assert.deepEqual(n(cache.childrenOf('uid-web-rs')), ['web-1', 'web-2']);
  assert.deepEqual(n(cache.childrenOf('uid-nobody')), []);
});

test('label selectors: matchLabels, In, NotIn, Exists, DoesNotExist, namespace-scoped', () => {
  const { cache } = setup();
  assert.deepEqual(n(cache.podsMatching('shop', { matchLabels: { app: 'web' } })), ['web-1', 'web-2']);
  assert.deepEqual(n(cache.podsMatching('', { matchLabels: { app: 'web' } })), ['web-x', 'web-1', 'web-2']);
  assert.deepEqual(n(cache.podsMatching('shop', { matchExpressions: [{ key: 'app', operator: 'In', values: ['api', 'web'] }] })), ['api-1', 'web-1', 'web-2']);
  assert.deepEqual(n(cache.podsMatching('shop', { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['fe'] }] })), ['api-1']);
  assert.deepEqual(n(cache.podsMatching('', { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] })), ['web-x']);
  assert.deepEqual(n(cache.podsMatching('', { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'Exists' }] })), ['web-1', 'web-2']);
  assert.deepEqual(n(cache.podsMatching('shop', {})), ['api-1', 'web-1', 'web-2'], 'an empty selector selects everything');
  assert.deepEqual(n(cache.podsMatching('shop', undefined)), [], 'no selector selects nothing');
  assert.deepEqual(n(cache.podsMatching('shop', { matchLabels: { app: 'nope' } })), []);
});

test('pods on a node', () => {
  const { cache } = setup();
  assert.deepEqual(n(cache.podsOnNode('n1')), ['web-x', 'api-1', 'web-1']);
  assert.deepEqual(n(cache.podsOnNode('n2')), ['web-2']);
});

test('indexes follow updates that change labels, owners and nodes', () => {
  const { cache, pods } = setup();
  pods.upsert(pod('web-2', 'shop', { rv: '2', labels: { app: 'api', tier: 'be' }, owner: 'api-rs', node: 'n1' }));
  assert.deepEqual(n(cache.podsMatching('shop', { matchLabels: { app: 'web' } })), ['web-1']);
  assert.deepEqual(n(cache.podsMatching('shop', { matchLabels: { app: 'api' } })), ['api-1', 'web-2']);
  assert.deepEqual(n(cache.childrenOf('uid-web-rs')), ['web-1']);
  assert.deepEqual(n(cache.childrenOf('uid-api-rs')), ['api-1', 'web-2']);
  assert.deepEqual(n(cache.podsOnNode('n2')), []);
  assert.deepEqual(n(cache.podsOnNode('n1')), ['web-x', 'api-1', 'web-1', 'web-2']);
});

test('indexes forget deleted rows, and a re-list prunes them too', () => {
  const { cache, pods } = setup();
  pods.remove(pod('web-1', 'shop'));
  assert.deepEqual(n(cache.podsMatching('shop', { matchLabels: { app: 'web' } })), ['web-2']);
  assert.deepEqual(n(cache.childrenOf('uid-web-rs')), ['web-2']);
  assert.deepEqual(n(cache.podsOnNode('n1')), ['web-x', 'api-1']);
  pods.beginSync();
  pods.upsert(pod('api-1', 'shop', { labels: { app: 'api', tier: 'be' }, owner: 'api-rs', node: 'n1' }));
  pods.endSync();
  assert.deepEqual(n(cache.podsMatching('', { matchLabels: { app: 'web' } })), []);
  assert.deepEqual(n(cache.podsOnNode('n1')), ['api-1']);
  assert.deepEqual(n(cache.childrenOf('uid-web-rs')), []);
});

test('rows sort by a column with name order breaking ties', () => {
  const { cache, pods } = setup();
  pods.upsert({ ...pod('web-1', 'shop', { rv: '5' }), status: { phase: 'Running' } });
  const byStatus = cache.rows('pods', { sortBy: 3, includeDeleted: false });
  assert.deepEqual(
    byStatus.map((r) => `${r.cells[3]} ${r.name}`),
    ['Pending web-x', 'Pending api-1', 'Pending web-2', 'Running web-1'],
  );
  const desc = cache.rows('pods', { sortBy: 3, descending: true, includeDeleted: false });
  assert.equal(desc[0]!.name, 'web-1');
  assert.equal(cache.rows('pods', { sortBy: 3, includeDeleted: false }), cache.rows('pods', { sortBy: 3, includeDeleted: false }), 'memoised');
});
