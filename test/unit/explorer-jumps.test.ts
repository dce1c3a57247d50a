/** `o` and `u` as data: which rows offer them, the views they open, and the rows a 'uses' view keeps. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { capabilitiesOf } from '../../src/explorer/capabilities.ts';
import { nodeOfPod, podsUsing } from '../../src/explorer/jumps.ts';
import { sameView, viewOf, viewTitle } from '../../src/explorer/view-entry.ts';
import { viewRows } from '../../src/explorer/view-rows.ts';
import type { DiscoveryResult } from '../../src/kube/discovery.ts';
import type { KubeObject } from '../../src/kube/object.ts';
import type { ResourceInfo } from '../../src/kube/resource-info.ts';
import { ObjectCache } from '../../src/store/object-cache.ts';

function resource(plural: string, kind: string, namespaced = true, group = ''): ResourceInfo {
  return {
    group,
    version: 'v1',
    versions: ['v1'],
    plural,
    singular: kind.toLowerCase(),
    kind,
    shortNames: [],
    categories: [],
    namespaced,
    verbs: ['get', 'list', 'watch', 'delete'],
    subresources: { scale: false, status: false, log: plural === 'pods', exec: plural === 'pods' },
  };
}

const pods = resource('pods', 'Pod');
const nodes = resource('nodes', 'Node', false);
const configMaps = resource('configmaps', 'ConfigMap');
const secrets = resource('secrets', 'Secret');
const pvcs = resource('persistentvolumeclaims', 'PersistentVolumeClaim');
const serviceAccounts = resource('serviceaccounts', 'ServiceAccount');
const deployments = resource('deployments', 'Deployment', true, 'apps');
const discovery: DiscoveryResult = { groups: [], resources: [pods, nodes, configMaps, secrets, pvcs, serviceAccounts, deployments], failed: [] };

function pod(name: string, namespace: string, spec: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, uid: `uid-${namespace}-${name}`, resourceVersion: '1', creationTimestamp: '2024-05-14T10:00:00Z' },
    spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
    status: { phase: 'Running' },
  };
}

function cacheWith(objects: KubeObject[]): ObjectCache {
  const cache = new ObjectCache();
  const sink = cache.sinkFor('pods');
  sink.beginSync();
  for (const o of objects) sink.upsert(o);
  sink.endSync();
  cache.flush();
  return cache;
}

test('a pods view of a ConfigMap keeps the pods that use it in that namespace, however they use it', () => {
  const cache = cacheWith([
    pod('mounts', 'shop', { volumes: [{ name: 'v', configMap: { name: 'app' } }] }),
    pod('projects', 'shop', { volumes: [{ name: 'v', projected: { sources: [{ configMap: { name: 'app' } }] } }] }),
    pod('env', 'shop', { containers: [{ name: 'c', env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'app', key: 'x' } } }] }] }),
    pod('env-from', 'shop', { containers: [{ name: 'c', envFrom: [{ configMapRef: { name: 'app' } }] }] }),
    pod('other-map', 'shop', { volumes: [{ name: 'v', configMap: { name: 'app-2' } }] }),
    pod('secret-named-app', 'shop', { volumes: [{ name: 'v', secret: { secretName: 'app' } }] }),
    pod('other-namespace', 'ops', { volumes: [{ name: 'v', configMap: { name: 'app' } }] }),
  ]);
  const row = { namespace: 'shop', name: 'app' };
  const entry = podsUsing(configMaps, selectedRow(row), discovery)!;
  assert.deepEqual(entry.scope, { kind: 'uses', ref: 'configmaps/app', label: 'configmap app' });
  assert.equal(entry.namespace, 'shop');
  assert.equal(viewTitle(entry), 'pods using configmap app');
  assert.deepEqual(
    viewRows(cache, entry).map((r) => r.name),
    ['env', 'env-from', 'mounts', 'projects'],
  );
  const bySecret = podsUsing(secrets, selectedRow(row), discovery)!;
  assert.deepEqual(
    viewRows(cache, bySecret).map((r) => r.name),
    ['secret-named-app'],
  );
  assert.equal(sameView(entry, bySecret), false, 'a ConfigMap and a Secret of one name are different views');
});

test('o is offered on a scheduled pod only, u on ConfigMaps, Secrets, PVCs and ServiceAccounts only', () => {
  const cache = cacheWith([pod('on-node', 'shop', { nodeName: 'node-a' }), pod('pending', 'shop', {})]);
  const [onNode, pending] = ['on-node', 'pending'].map((n) => cache.rowByName('pods', 'shop', n)!);
  assert.equal(capabilitiesOf(pods, onNode).has('node'), true);
  assert.equal(capabilitiesOf(pods, pending).has('node'), false, 'an unscheduled pod has no node to jump to');
  assert.equal(capabilitiesOf(deployments, undefined).has('node'), false);
  for (const r of [configMaps, secrets, pvcs, serviceAccounts]) assert.equal(capabilitiesOf(r, undefined).has('used-by'), true, r.plural);
  for (const r of [pods, nodes, deployments]) assert.equal(capabilitiesOf(r, undefined).has('used-by'), false, r.plural);
});

test('o opens the nodes view asking for the cursor on the row named like the pod’s node', () => {
  const cache = cacheWith([pod('web', 'shop', { nodeName: 'node-b' })]);
  const entry = nodeOfPod(cache.rowByName('pods', 'shop', 'web')!, discovery)!;
  assert.equal(entry.resource, nodes);
  assert.equal(entry.namespace, undefined);
  assert.equal(entry.cursorName, 'node-b');
  assert.equal(entry.scope, undefined);
  assert.equal(nodeOfPod(cache.rowByName('pods', 'shop', 'web')!, { ...discovery, resources: [pods] }), undefined, 'no nodes served: no jump');
});

test('a uses view survives history: the same reference is the same view', () => {
  const a = viewOf(pods, 'shop', { scope: { kind: 'uses', ref: 'secrets/db', label: 'secret db' } });
  const b = viewOf(pods, 'shop', { scope: { kind: 'uses', ref: 'secrets/db', label: 'secret db' }, filter: 'x' });
  assert.equal(sameView(a, b), true);
});

/** A selected object's row as the handlers get it (only namespace and name matter to podsUsing). */
function selectedRow(r: { namespace: string; name: string }) {
  return {
    uid: `uid-${r.name}`,
    resourceKey: 'configmaps',
    namespace: r.namespace,
    name: r.name,
    resourceVersion: '1',
    createdAt: 0,
    deleting: false,
    cells: [],
    timeCells: [],
    labels: {},
    ownerRefs: [],
  };
}
