/**
 * kx set image's patch is kubectl's byte for byte: the bodies below are what `kubectl -v=8 set
 * image` logged against the demo (kubectl 1.32), for one container, `*` with init containers, and
 * a cron job's nested template; nothing to change sends nothing; unknown names are found.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { containerImagesOf, podSpecPathOf, setImagePatch, unknownContainers } from '../../src/kube/mutations/set-image.ts';
import type { KubeObject } from '../../src/kube/object.ts';

const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'twin-a', uid: 'u' },
  spec: {
    template: {
      spec: {
        initContainers: [{ name: 'init', image: 'busybox:1.36' }],
        containers: [
          { name: 'web', image: 'nginx:1.25' },
          { name: 'side', image: 'envoy:1.0' },
        ],
      },
    },
  },
};
const deploymentPath = podSpecPathOf({ group: 'apps', plural: 'deployments' })!;

test('one container: kubectl’s body with $setElementOrder of the whole list', () => {
  const patch = setImagePatch(deployment, deploymentPath, new Map([['side', 'envoy:2']]));
  assert.equal(JSON.stringify(patch), '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"web"},{"name":"side"}],"containers":[{"image":"envoy:2","name":"side"}]}}}}');
});

test('* sets every container, init containers too, keys in Go’s sorted order', () => {
  const patch = setImagePatch(deployment, deploymentPath, new Map([['*', 'x:1']]));
  assert.equal(
    JSON.stringify(patch),
    '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"web"},{"name":"side"}],"$setElementOrder/initContainers":[{"name":"init"}],"containers":[{"image":"x:1","name":"web"},{"image":"x:1","name":"side"}],"initContainers":[{"image":"x:1","name":"init"}]}}}}',
  );
});

test('an image already set sends nothing; a cron job’s pod spec is under jobTemplate; a pod’s under spec', () => {
  assert.equal(setImagePatch(deployment, deploymentPath, new Map([['web', 'nginx:1.25']])), undefined);
  const cronjob: KubeObject = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'c', uid: 'u' },
    spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: 'main', image: 'busybox:1.37' }] } } } } },
  };
  const path = podSpecPathOf({ group: 'batch', plural: 'cronjobs' })!;
  assert.equal(
    JSON.stringify(setImagePatch(cronjob, path, new Map([['main', 'busybox:1.38']]))),
    '{"spec":{"jobTemplate":{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"main"}],"containers":[{"image":"busybox:1.38","name":"main"}]}}}}}}',
  );
  assert.deepEqual(podSpecPathOf({ group: '', plural: 'pods' }), ['spec']);
  assert.equal(podSpecPathOf({ group: '', plural: 'services' }), undefined);
});

test('the containers are listed init first; unknown names are reported in the order given, * is never unknown', () => {
  const containers = containerImagesOf(deployment, deploymentPath);
  assert.deepEqual(
    containers.map((c) => `${c.init ? 'init:' : ''}${c.name}=${c.image}`),
    ['init:init=busybox:1.36', 'web=nginx:1.25', 'side=envoy:1.0'],
  );
  assert.deepEqual(
    unknownContainers(
      containers,
      new Map([
        ['b', '1'],
        ['web', '2'],
        ['a', '3'],
      ]),
    ),
    ['b', 'a'],
  );
  assert.deepEqual(unknownContainers(containers, new Map([['*', '1']])), []);
});
