import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kindFor } from '../../src/kinds/registry.ts';
import { project } from '../support/fixture-projection.ts';

test('services of every type: TYPE, CLUSTER-IP, EXTERNAL-IP, PORT(S), SELECTOR', () => {
  const s = project('services', 'services');
  const row = (name: string): string[] => {
    const c = s.get(name)!;
    return [c['TYPE']!, c['CLUSTER-IP']!, c['EXTERNAL-IP']!, c['PORT(S)']!, c['SELECTOR']!];
  };
  assert.deepEqual(row('kubernetes'), ['ClusterIP', '10.96.0.1', '<none>', '443/TCP', '<none>']);
  assert.deepEqual(row('web'), ['ClusterIP', '10.96.120.15', '<none>', '80/TCP', 'app=web']);
  assert.deepEqual(row('cache'), ['ClusterIP', 'None', '<none>', '6379/TCP', 'app=cache']);
  assert.deepEqual(row('api-nodeport'), ['NodePort', '10.96.44.7', '<none>', '80:30080/TCP,443:30443/TCP', 'app=api,tier=backend']);
  assert.deepEqual(row('edge'), ['LoadBalancer', '10.96.200.2', '198.51.100.7,203.0.113.10', '80:31080/TCP,443:31443/TCP', 'app=web']);
  assert.equal(row('edge-aws')[2], 'a1b2c3d4e5f6-1234567890.eu-west-1.elb.amazonaws.com');
  assert.deepEqual(row('edge-pending').slice(2, 4), ['<pending>', '53:30053/UDP']);
  assert.deepEqual(row('legacy-db'), ['ExternalName', '<none>', 'db.legacy.example.com', '5432/TCP', '<none>']);
  assert.equal(row('metrics')[2], '192.0.2.50');
  assert.deepEqual(s.get('web')!.row.selector, { matchLabels: { app: 'web' } });
  assert.equal(s.get('kubernetes')!.row.selector, undefined, 'no selector selects no pods');
  assert.equal(kindFor('services')!.tone(s.get('edge-pending')!.row), 'warn');
});

test('endpoints: ip:port list with "+ N more...", <none> without subsets', () => {
  const e = project('endpoints', 'endpoints');
  assert.equal(e.get('kubernetes')!['ENDPOINTS'], '172.18.0.2:6443');
  assert.equal(e.get('web')!['ENDPOINTS'], '10.244.1.23:8080,10.244.1.25:8080,10.244.2.26:8080 + 1 more...');
  assert.equal(e.get('edge-pending')!['ENDPOINTS'], '<none>');
});

test('ingresses: CLASS, HOSTS (three then "+ N more..."), ADDRESS, PORTS', () => {
  const i = project('ingresses', 'ingresses.networking.k8s.io');
  const shop = i.get('shop')!;
  assert.deepEqual([shop['CLASS'], shop['HOSTS'], shop['ADDRESS'], shop['PORTS'], shop['AGE']], ['nginx', 'shop.example.com,api.example.com', '203.0.113.20', '80, 443', '3d']);
  const all = i.get('catch-all')!;
  assert.deepEqual([all['CLASS'], all['HOSTS'], all['ADDRESS'], all['PORTS']], ['<none>', '*', '', '80']);
  const many = i.get('many-hosts')!;
  assert.equal(many['HOSTS'], 'a.example.com,b.example.com,c.example.com + 2 more...');
  assert.equal(many['ADDRESS'], '203.0.113.21,lb.example.net');
});
