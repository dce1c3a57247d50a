import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kindFor } from '../../src/kinds/registry.ts';
import { project, readFixtureList } from '../support/fixture-projection.ts';

test('nodes: STATUS with SchedulingDisabled, ROLES from labels, taints, wide system info', () => {
  const n = project('nodes', 'nodes');
  const cp = n.get('kx-control-plane')!;
  assert.deepEqual([cp['STATUS'], cp['ROLES'], cp['AGE'], cp['VERSION']], ['Ready', 'control-plane', '60d', 'v1.30.2']);
  assert.equal(cp['TAINTS'], 'node-role.kubernetes.io/control-plane:NoSchedule');
  assert.deepEqual(
    [cp['INTERNAL-IP'], cp['EXTERNAL-IP'], cp['OS-IMAGE'], cp['KERNEL-VERSION'], cp['CONTAINER-RUNTIME']],
    ['172.18.0.2', '<none>', 'Debian GNU/Linux 12 (bookworm)', '6.5.0-35-generic', 'containerd://1.7.15'],
  );
  assert.deepEqual([n.get('kx-worker-1')!['ROLES'], n.get('kx-worker-1')!['TAINTS']], ['ingress,worker', '<none>']);
  assert.deepEqual([n.get('kx-worker-2')!['STATUS'], n.get('kx-worker-2')!['ROLES']], ['Ready,SchedulingDisabled', '<none>']);
  const lost = n.get('kx-worker-3')!;
  assert.deepEqual([lost['STATUS'], lost['ROLES'], lost['AGE'], lost['TAINTS']], ['NotReady', 'gpu', '2d5h', 'node.kubernetes.io/unreachable:NoSchedule +2']);
  const kind = kindFor('nodes')!;
  assert.deepEqual(
    ['kx-worker-1', 'kx-worker-2', 'kx-worker-3'].map((x) => kind.tone(n.get(x)!.row)),
    ['normal', 'warn', 'error'],
  );
});

test('namespaces, configmaps and secrets', () => {
  const ns = project('namespaces', 'namespaces');
  assert.deepEqual([ns.get('shop')!['STATUS'], ns.get('old-team')!['STATUS'], ns.get('old-team')!['AGE']], ['Active', 'Terminating', '400d']);
  const cm = project('configmaps', 'configmaps');
  assert.deepEqual(
    ['kube-root-ca.crt', 'web-config', 'empty'].map((x) => cm.get(x)!['DATA']),
    ['1', '3', '0'],
  );
  const sec = project('secrets', 'secrets');
  assert.deepEqual([sec.get('shop-tls')!['TYPE'], sec.get('shop-tls')!['DATA']], ['kubernetes.io/tls', '2']);
  assert.deepEqual([sec.get('db-credentials')!['TYPE'], sec.get('db-credentials')!['DATA']], ['Opaque', '3']);
  // Secret values never reach the row, not even encoded.
  for (const item of readFixtureList('secrets').items) {
    const row = JSON.stringify(sec.get(item.metadata.name)!.row);
    for (const value of Object.values(item['data'] as Record<string, string>)) assert.ok(!row.includes(value), 'secret value leaked');
    for (const key of Object.keys(item['data'] as Record<string, string>)) assert.ok(!row.includes(key), 'secret key names stay out too');
  }
});

test('events: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE; series and eventTime-only events', () => {
  const e = project('events', 'events');
  const backoff = e.get('payments-84b6c7d9f-zx8vw.17c1d1c1a3b4c5d6')!;
  assert.deepEqual(
    [backoff['LAST SEEN'], backoff['TYPE'], backoff['REASON'], backoff['OBJECT'], backoff['FIRST SEEN'], backoff['COUNT']],
    ['20s', 'Warning', 'BackOff', 'pod/payments-84b6c7d9f-zx8vw', '38m', '173'],
  );
  assert.equal(backoff['SUBOBJECT'], 'spec.containers{app}');
  assert.equal(backoff['SOURCE'], 'kubelet, kx-worker-1');
  const scaled = e.get('api.17c1d1c1a3b4c5d8')!;
  assert.deepEqual([scaled['OBJECT'], scaled['MESSAGE']], ['deployment/api', 'Scaled up replica set api-5c8d7b9f6 to 2 from 1']);
  const series = e.get('ml-train-0.17c1d1c1a3b4c5d9')!;
  assert.deepEqual([series['LAST SEEN'], series['FIRST SEEN'], series['COUNT']], ['89s', '6m59s', '7']);
  assert.equal(series['SOURCE'], 'default-scheduler, default-scheduler-kx-control-plane');
});

test('HPAs: TARGETS for autoscaling v2, v1 and v2beta1 shapes', () => {
  const h = project('hpas', 'horizontalpodautoscalers.autoscaling');
  const web = h.get('web')!;
  assert.deepEqual([web['REFERENCE'], web['TARGETS'], web['MINPODS'], web['MAXPODS'], web['REPLICAS'], web['AGE']], ['Deployment/web', 'cpu: 45%/80%, memory: 201326592/512Mi', '3', '10', '3', '3d']);
  const api = h.get('api')!;
  assert.deepEqual([api['TARGETS'], api['MINPODS']], ['cpu: <unknown>/70%, <unknown>/100 + 1 more...', '<unset>']);
  assert.equal(h.get('legacy')!['TARGETS'], 'cpu: 12%/60%');
  assert.equal(h.get('old-beta')!['TARGETS'], 'cpu: 33%/50%');
});

test('PVCs: STATUS, VOLUME, CAPACITY, ACCESS MODES only once bound', () => {
  const p = project('pvcs', 'persistentvolumeclaims');
  const bound = p.get('data-cache-0')!;
  assert.deepEqual(
    [bound['STATUS'], bound['CAPACITY'], bound['ACCESS MODES'], bound['STORAGECLASS'], bound['VOLUMEATTRIBUTESCLASS'], bound['VOLUMEMODE']],
    ['Bound', '1Gi', 'RWO', 'standard', '<unset>', 'Filesystem'],
  );
  assert.match(bound['VOLUME']!, /^pvc-/);
  const pending = p.get('scratch')!;
  assert.deepEqual([pending['STATUS'], pending['VOLUME'], pending['CAPACITY'], pending['ACCESS MODES']], ['Pending', '', '', '']);
});

test('CRDs: NAME and CREATED AT like the server default table', () => {
  const c = project('crds', 'customresourcedefinitions.apiextensions.k8s.io').get('crontabs.stable.example.com')!;
  assert.equal(c['CREATED AT'], '2024-05-04T10:30:00Z');
});
