import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { discover } from '../../src/kube/discovery.ts';
import { startDiscovery } from '../../src/kube/discovery-cache.ts';
import { resourceKey } from '../../src/kube/resource-info.ts';
import { crdRef, crontabCrd } from '../support/crontab-crd.ts';
import { openDemo, type DemoFixture } from '../support/kube-demo.ts';

let demo: DemoFixture;
before(async () => {
  demo = await openDemo();
  demo.server.store.create(crdRef, crontabCrd());
});
after(async () => {
  await demo.close();
});

test('discovery lists core, apps and CRD resources with preferred versions', { timeout: 20_000 }, async () => {
  const result = await discover(demo.session.client);
  const keys = result.resources.map(resourceKey);
  for (const k of ['pods', 'nodes', 'deployments.apps', 'cronjobs.batch', 'customresourcedefinitions.apiextensions.k8s.io', 'crontabs.stable.example.com']) {
    assert.ok(keys.includes(k), `${k} discovered`);
  }
  assert.equal(result.groups[0]?.name, '', 'core first');
  const crontabs = result.resources.find((r) => resourceKey(r) === 'crontabs.stable.example.com')!;
  assert.equal(crontabs.version, 'v1');
  assert.deepEqual(crontabs.versions, ['v1', 'v1beta1']);
  assert.deepEqual(crontabs.shortNames, ['ct']);
  assert.equal(crontabs.subresources.scale, true);
  // Whatever the server prefers for autoscaling is what kx uses; nothing hard-coded.
  const autoscaling = result.groups.find((g) => g.name === 'autoscaling')!;
  assert.equal(result.resources.find((r) => r.plural === 'horizontalpodautoscalers')!.version, autoscaling.preferredVersion);
  assert.deepEqual(result.failed, []);
});

test('the discovery cache resolves names and notices CRDs being added and removed', { timeout: 20_000 }, async () => {
  const cache = await startDiscovery(demo.session.client, { debounceMs: 50 });
  try {
    assert.equal(resourceKey(cache.resolve('ct')), 'crontabs.stable.example.com');
    assert.equal(resourceKey(cache.resolve('deploy')), 'deployments.apps');
    assert.equal(cache.find('wd'), undefined);
    const changed = new Promise<void>((resolve) => {
      const off = cache.subscribe((r) => {
        if (r.resources.some((x) => x.plural === 'widgets')) {
          off();
          resolve();
        }
      });
    });
    demo.server.store.create(crdRef, crontabCrd('acme.example.org', 'widgets', 'Widget', ['wd']));
    await changed;
    assert.equal(resourceKey(cache.resolve('wd')), 'widgets.acme.example.org');

    const removed = new Promise<void>((resolve) => {
      const off = cache.subscribe((r) => {
        if (!r.resources.some((x) => x.plural === 'widgets')) {
          off();
          resolve();
        }
      });
    });
    demo.server.store.delete(crdRef, undefined, 'widgets.acme.example.org');
    await removed;
    assert.equal(cache.find('wd'), undefined);
  } finally {
    cache.stop();
  }
});
