import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildDiscovery, type RawDiscovery } from '../../src/kube/discovery.ts';
import { KxError } from '../../src/kube/errors.ts';
import { resourceKey } from '../../src/kube/resource-info.ts';
import { findResource, resolveResource } from '../../src/kube/resource-resolver.ts';

const raw = JSON.parse(readFileSync(new URL('../fixtures/kube-discovery/raw-1.20.json', import.meta.url), 'utf8')) as RawDiscovery;
const discovery = buildDiscovery(raw);
const byKey = (key: string) => discovery.resources.find((r) => resourceKey(r) === key);

test("each resource sits at its group's preferred version when that version serves it", () => {
  const hpa = byKey('horizontalpodautoscalers.autoscaling')!;
  assert.equal(hpa.version, 'v1');
  assert.deepEqual(hpa.versions, ['v1', 'v2beta1', 'v2beta2']);
  // 1.20 serves CronJob only in batch/v1beta1 although batch prefers v1.
  const cj = byKey('cronjobs.batch')!;
  assert.equal(cj.version, 'v1beta1');
  assert.deepEqual(cj.versions, ['v1beta1']);
  assert.equal(byKey('jobs.batch')!.version, 'v1');
});

test('names, scope, verbs and subresources come through', () => {
  const pods = byKey('pods')!;
  assert.deepEqual(
    { singular: pods.singular, kind: pods.kind, shortNames: pods.shortNames, categories: pods.categories, namespaced: pods.namespaced },
    { singular: 'pod', kind: 'Pod', shortNames: ['po'], categories: ['all'], namespaced: true },
  );
  assert.deepEqual(pods.subresources, { scale: false, status: true, log: true, exec: true });
  assert.deepEqual(byKey('deployments.apps')!.subresources, { scale: true, status: true, log: false, exec: false });
  assert.deepEqual(byKey('crontabs.stable.example.com')!.subresources, { scale: true, status: true, log: false, exec: false });
  assert.equal(byKey('nodes')!.namespaced, false);
  assert.ok(byKey('services')!.verbs.includes('watch'));
  assert.ok(!byKey('services')!.verbs.includes('deletecollection'));
  assert.equal(byKey('crontabs.stable.example.com')!.singular, 'crontab');
});

test('a group whose resource list failed is reported, not fatal', () => {
  assert.deepEqual(
    discovery.failed.map((f) => f.groupVersion),
    ['metrics.k8s.io/v1beta1'],
  );
  assert.deepEqual(discovery.groups.map((g) => g.name).slice(0, 3), ['', 'extensions', 'apps']);
});

test('the resolver maps what users type like kubectl', () => {
  const cases: [string, string, string][] = [
    ['po', 'pods', 'v1'],
    ['pods', 'pods', 'v1'],
    ['pod', 'pods', 'v1'],
    ['Pod', 'pods', 'v1'],
    ['PODS', 'pods', 'v1'],
    ['deploy', 'deployments.apps', 'v1'],
    ['deployments.apps', 'deployments.apps', 'v1'],
    ['deployment.v1.apps', 'deployments.apps', 'v1'],
    ['deploy.apps', 'deployments.apps', 'v1'],
    ['ct', 'crontabs.stable.example.com', 'v1'],
    ['crontab', 'crontabs.stable.example.com', 'v1'],
    ['crontabs.stable.example.com', 'crontabs.stable.example.com', 'v1'],
    ['ct.stable', 'crontabs.stable.example.com', 'v1'],
    ['cj', 'cronjobs.batch', 'v1beta1'],
    ['hpa', 'horizontalpodautoscalers.autoscaling', 'v1'],
    ['horizontalpodautoscalers.v2beta2.autoscaling', 'horizontalpodautoscalers.autoscaling', 'v2beta2'],
    ['crd', 'customresourcedefinitions.apiextensions.k8s.io', 'v1'],
    // Collisions: the core group first, then the server's group order.
    ['events', 'events', 'v1'],
    ['ev', 'events', 'v1'],
    ['events.events.k8s.io', 'events.events.k8s.io', 'v1'],
    ['ing', 'ingresses.extensions', 'v1beta1'],
    ['ingresses.networking.k8s.io', 'ingresses.networking.k8s.io', 'v1'],
    ['ingress.v1beta1.networking.k8s.io', 'ingresses.networking.k8s.io', 'v1beta1'],
  ];
  for (const [input, key, version] of cases) {
    const r = findResource(discovery, input);
    assert.ok(r, `${input} should resolve`);
    assert.equal(resourceKey(r), key, input);
    assert.equal(r.version, version, `${input} version`);
  }
  // Pinning a version must not change the shared discovery entry.
  assert.equal(byKey('horizontalpodautoscalers.autoscaling')!.version, 'v1');
});

test('unknown names and unserved versions are a kubectl-style error', () => {
  assert.equal(findResource(discovery, 'cronjobs.v1.batch')?.version, undefined);
  assert.throws(
    () => resolveResource(discovery, 'bogus'),
    (err: unknown) => {
      assert.ok(err instanceof KxError);
      assert.equal(err.kind, 'notFound');
      assert.equal(err.message, 'the server doesn\'t have a resource type "bogus"');
      return true;
    },
  );
});
