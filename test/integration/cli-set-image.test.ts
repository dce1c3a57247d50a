/**
 * kx set image against the demo with kubectl as the oracle: twin objects, kubectl on one and kx on
 * the other, end with the same spec; kx's patch is the body `kubectl -v=8` logs; kubectl's
 * sentences and exit codes for unknown containers and kinds without a pod spec, where kx changes
 * nothing; the new template shows in the rollout history.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { podSpecPathOf, setImagePatch } from '../../src/kube/mutations/set-image.ts';
import type { KubeObject } from '../../src/kube/object.ts';
import { kubectlFor, kubectlOk } from '../support/kubectl.ts';
import { runKx } from '../support/kx-process.ts';

let demo: DemoCluster;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-set-image-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
  // The demo serves no OpenAPI document for kubectl's validation, and kubectl create cronjob speaks protobuf.
  const create = (manifest: KubeObject) => kubectlOk(['create', '--validate=false', '-f', '-'], { kubeconfig: demo.kubeconfigPath, input: JSON.stringify(manifest) });
  for (const name of ['twin-a', 'twin-b']) await create(twin(name));
  for (const name of ['cron-a', 'cron-b']) await create(cronjob(name));
  for (const name of ['pod-a', 'pod-b']) await kubectl.ok('run', name, '--image=nginx:1.25', '-n', 'default');
});

after(async () => {
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

const kubectl = kubectlFor(() => demo.kubeconfigPath);
const kx = (...args: string[]) => runKx([...args, '--kubeconfig', demo.kubeconfigPath]);

/** A deployment with an init container and two containers; twins differ only in their name. */
function twin(name: string): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', uid: '' },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
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
}

/** A cron job whose one container is named like it, as `kubectl create cronjob` makes it. */
function cronjob(name: string): KubeObject {
  const pod = { spec: { restartPolicy: 'OnFailure', containers: [{ name, image: 'busybox:1.36' }] } };
  return { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name, namespace: 'default', uid: '' }, spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: pod } } } };
}

const getJson = async (type: string, name: string): Promise<KubeObject> => JSON.parse(await kubectl.ok('get', type, name, '-n', 'default', '-o', 'json')) as KubeObject;

const resources: Record<string, { group: string; plural: string }> = {
  deployment: { group: 'apps', plural: 'deployments' },
  cronjob: { group: 'batch', plural: 'cronjobs' },
  pod: { group: '', plural: 'pods' },
};

/** The spec (a pod's containers: the scheduler picks nodes) with the twin's own name taken out, so twins compare equal. */
async function specOf(type: string, name: string): Promise<string> {
  const spec = (await getJson(type, name))['spec'] as Record<string, unknown>;
  return JSON.stringify(type === 'pod' ? spec['containers'] : spec).replaceAll(name, 'TWIN');
}

/** The body of the PATCH `kubectl -v=8` logged. */
function loggedPatch(stderr: string): string {
  const line = stderr.split('\n').find((l) => l.includes('"Request Body" body="{'));
  assert.ok(line, `kubectl -v=8 logged a request body:\n${stderr}`);
  return JSON.parse(line.slice(line.indexOf('body=') + 'body='.length)) as string;
}

async function bothSet(type: string, a: string, b: string, pairs: (name: string) => string[]): Promise<void> {
  const before = await getJson(type, b);
  const byKubectl = await kubectl.run('-v=8', 'set', 'image', `${type}/${a}`, ...pairs(a), '-n', 'default');
  assert.equal(byKubectl.code, 0, byKubectl.stderr);
  const byKx = await kx('set', 'image', `${type}/${b}`, ...pairs(b), '-n', 'default');
  assert.equal(byKx.code, 0, byKx.stderr);
  assert.equal(byKx.stdout, byKubectl.stdout.replace(a, b), 'kubectl’s sentence');
  const images = new Map(pairs(b).map((p) => p.split('=') as [string, string]));
  assert.equal(JSON.stringify(setImagePatch(before, podSpecPathOf(resources[type]!)!, images)), loggedPatch(byKubectl.stderr).replaceAll(a, b), 'kx’s patch is the body kubectl sent');
  assert.equal(await specOf(type, b), await specOf(type, a), 'the twins’ specs are the same');
}

test('twin deployments: kubectl set image on one, kx set image on the other, the same specs; * reaches init containers', async () => {
  await bothSet('deployment', 'twin-a', 'twin-b', () => ['side=envoy:2']);
  assert.equal(await kubectl.ok('get', 'deploy', 'twin-b', '-o', 'jsonpath={.spec.template.spec.containers[*].image}'), 'nginx:1.25 envoy:2');
  await bothSet('deployment', 'twin-a', 'twin-b', () => ['*=registry.local/all:3']);
  assert.equal(
    await kubectl.ok('get', 'deploy', 'twin-b', '-o', 'jsonpath={.spec.template.spec.initContainers[*].image} {.spec.template.spec.containers[*].image}'),
    'registry.local/all:3 registry.local/all:3 registry.local/all:3',
  );
  const history = await kubectl.ok('rollout', 'history', 'deployment/twin-b');
  assert.match(history, /^3\s/m, `each change is a revision in the rollout history:\n${history}`);
});

test('cron jobs (the jobTemplate’s pod spec) and pods, the same as kubectl', async () => {
  await bothSet('cronjob', 'cron-a', 'cron-b', (name) => [`${name}=busybox:1.37`]);
  assert.equal(await kubectl.ok('get', 'cronjob', 'cron-b', '-o', 'jsonpath={.spec.jobTemplate.spec.template.spec.containers[0].image}'), 'busybox:1.37');
  await bothSet('pod', 'pod-a', 'pod-b', (name) => [`${name}=nginx:1.26`]);
  assert.equal(await kubectl.ok('get', 'pod', 'pod-b', '-o', 'jsonpath={.spec.containers[0].image}'), 'nginx:1.26');
});

test('an unknown container: kubectl’s sentence, exit 1, nothing changed, even beside a known one', async () => {
  const rv = await kubectl.ok('get', 'deploy', 'twin-b', '-o', 'jsonpath={.metadata.generation} {.spec.template.spec.containers[*].image}');
  const byKubectl = await kubectl.run('set', 'image', 'deployment/twin-a', 'nosuch=x:1');
  const r = await kx('set', 'image', 'deployment/twin-b', 'nosuch=x:1');
  assert.deepEqual([r.code, r.stdout, r.stderr], [1, '', byKubectl.stderr]);
  assert.equal(r.stderr, 'error: unable to find container named "nosuch"\n');
  const mixed = await kx('set', 'image', 'deployment/twin-b', 'web=x:1', 'nosuch=x:1', 'other=y');
  assert.deepEqual([mixed.code, mixed.stdout, mixed.stderr], [1, '', 'error: unable to find container named "nosuch"\nerror: unable to find container named "other"\n']);
  assert.equal(await kubectl.ok('get', 'deploy', 'twin-b', '-o', 'jsonpath={.metadata.generation} {.spec.template.spec.containers[*].image}'), rv, 'nothing was written');
});

test('a kind without a pod spec, usage mistakes, dry runs and the images already set', async () => {
  const byKubectl = await kubectl.run('set', 'image', 'service/api', 'a=b', '-n', 'shop');
  const svc = await kx('set', 'image', 'service/api', 'a=b', '-n', 'shop');
  assert.deepEqual([svc.code, svc.stderr.trim()], [1, byKubectl.stderr.trim()]);
  const none = await kx('set', 'image', 'deployment/twin-b');
  assert.deepEqual([none.code, none.stderr], [2, 'error: at least one image update is required\n']);
  const star = await kx('set', 'image', 'deployment/twin-b', '*=a', 'web=b');
  assert.deepEqual([star.code, star.stderr], [2, 'error: all containers are already specified by *, but saw more than one container_name=container_image pairs\n']);
  const rv = await kubectl.ok('get', 'deploy', 'twin-b', '-o', 'jsonpath={.metadata.generation} {.spec.template.spec.containers[*].image}');
  for (const [mode, said] of [
    ['server', 'deployment.apps/twin-b image updated (server dry run)\n'],
    ['client', 'deployment.apps/twin-b image updated (dry run)\n'],
  ]) {
    const dry = await kx('set', 'image', 'deployment/twin-b', 'web=dry:1', `--dry-run=${mode}`);
    assert.deepEqual([dry.code, dry.stdout], [0, said], dry.stderr);
  }
  const same = await kx('set', 'image', 'deployment/twin-b', 'web=registry.local/all:3');
  assert.deepEqual([same.code, same.stdout], [0, ''], 'nothing to change: kubectl sends nothing and prints nothing');
  assert.equal(await kubectl.ok('get', 'deploy', 'twin-b', '-o', 'jsonpath={.metadata.generation} {.spec.template.spec.containers[*].image}'), rv, 'nothing was written');
  const named = await kx('set', 'image', 'deploy', 'twin-b', 'web=nginx:1.27', '-o', 'name');
  assert.deepEqual([named.code, named.stdout], [0, 'deployment.apps/twin-b\n'], named.stderr);
});
