/**
 * kx's describe next to `kubectl describe` for the same objects on the demo server: real objects
 * captured from a 1.20 cluster (test/fixtures/real) and crafted ones that reach every branch.
 * kubectl 1.32 is the oracle; the text must be the same line for line, ages aside.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startDemoSetup, type DemoSetup } from '../support/demo-server-setup.ts';
import { discover, type DiscoveryResult } from '../../src/kube/discovery.ts';
import { loadKubeconfig } from '../../src/kube/kubeconfig.ts';
import type { KubeObject } from '../../src/kube/object.ts';
import { resolveResource } from '../../src/kube/resource-resolver.ts';
import { openSession, type KubeSession } from '../../src/kube/session.ts';
import { describeObject } from '../../src/kinds/describe/describe-object.ts';
import { fetchObject, fetchRelated } from '../../src/kinds/describe/fetch-related.ts';
import { craftedObjects, loadObjects, type Placed } from '../unit/describe/crafted-objects.ts';
import { kubectlFor } from '../support/kubectl.ts';

let demo: DemoSetup;
let session: KubeSession;
let discovery: DiscoveryResult;

const real = (file: string): KubeObject[] => {
  const body = JSON.parse(readFileSync(new URL(`../fixtures/real/${file}`, import.meta.url), 'utf8')) as { items?: KubeObject[] } & KubeObject;
  return body.items ?? [body];
};
const place = (group: string, plural: string, objects: KubeObject[]): Placed[] => objects.map((object) => ({ resource: { group, plural }, object }));

before(async () => {
  demo = await startDemoSetup();
  const existing = new Set(['default', 'kube-system']);
  loadObjects(demo.server.store, [
    ...place(
      '',
      'namespaces',
      real('namespaces.json').filter((n) => !existing.has(n.metadata.name)),
    ),
    ...place('', 'nodes', real('nodes.json')),
    ...place('apps', 'deployments', real('deployments.json')),
    ...place('apps', 'replicasets', real('replicasets.json')),
    // Owners before their dependents: a pod created naming a Job that does not exist yet is
    // garbage, as the garbage collector sees it (the owner's uid is only known once it exists).
    ...place('batch', 'jobs', real('jobs.json')),
    ...place('', 'pods', real('pods.json')),
    ...place('', 'services', real('services.json')),
    ...place('apiextensions.k8s.io', 'customresourcedefinitions', real('crd-crontabs.json')),
    ...place('stable.example.com', 'crontabs', real('crontabs.json')),
    ...craftedObjects(Date.now()),
  ]);
  // A finalizer keeps it: deleting marks it Terminating.
  demo.server.store.delete({ group: '', plural: 'pods' }, 'crafted', 'terminating', { gracePeriodSeconds: 30 });
  session = await openSession(loadKubeconfig({ kubeconfig: demo.kubeconfig }));
  discovery = await discover(session.client);
});
after(async () => {
  await session?.close();
  await demo?.close();
});

const kubectl = kubectlFor(() => demo.kubeconfig).ok;

/** kubectl describe of every object of a kind (one call), split per object by its Name line. */
async function kubectlDescribeAll(kind: string, namespace: string | undefined): Promise<Map<string, string[]>> {
  const out = await kubectl('describe', kind, ...(namespace ? ['-n', namespace] : []));
  const byName = new Map<string, string[]>();
  // kubectl separates objects with two newlines; every describe starts with its Name line.
  for (const chunk of out.split(/\n\n(?=Name:)/)) {
    const lines = chunk.replace(/\n+$/, '').split('\n');
    byName.set(lines[0]!.replace(/^Name:\s+/, ''), lines);
  }
  return byName;
}

async function kxDescribe(kind: string, namespace: string, name: string): Promise<string[]> {
  const resource = resolveResource(discovery, kind);
  const object = await fetchObject(session.client, resource, namespace, name);
  const related = await fetchRelated(session.client, object, new AbortController().signal);
  return describeObject(object, related, Date.now());
}

/**
 * Ages differ by when each side looked: replace them, and let their lines' spacing float.
 * kubectl resolves only metadata.name and metadata.namespace for fieldRef environment values
 * (its scheme knows no other pod field labels); kx shows every value, so those are left out.
 */
function normalise(lines: readonly string[]): string[] {
  return lines.map((line) => {
    const fieldRef = line.replace(/:\s+(?:\S+ )?\((v1:(?!metadata\.name\)|metadata\.namespace\))[^)]*)\)$/, ': ($1)');
    const aged = fieldRef.replace(/\b\d+[smhdy](?:\d+[smhd])?\b/g, '<age>');
    return aged === fieldRef ? fieldRef.replace(/\s+$/, '') : aged.replace(/\s{2,}/g, '  ').replace(/\s+$/, '');
  });
}

/** Compares kx with kubectl for every object of `kind` in `namespace`, returning how many matched. */
async function compareKind(kind: string, namespace: string | undefined, only?: (name: string) => boolean): Promise<number> {
  const expected = await kubectlDescribeAll(kind, namespace);
  let compared = 0;
  for (const [name, lines] of expected) {
    if (only && !only(name)) continue;
    const got = await kxDescribe(kind, namespace ?? '', name);
    assert.deepEqual(normalise(got), normalise(lines), `${kind} ${namespace ?? ''}/${name}`);
    compared++;
  }
  return compared;
}

test('pods (real 1.20 pods: init containers, crash loops, pending; crafted: every volume, env and probe kind, sidecars, terminating)', async () => {
  assert.equal(await compareKind('pods', 'shop'), 15);
  assert.equal(await compareKind('pods', 'crafted'), 2);
});

test('deployments and replicasets (old and new ReplicaSets, rolling update strategy, conditions)', async () => {
  assert.equal(await compareKind('deployments', 'shop'), 2);
  assert.equal(await compareKind('deployments', 'crafted'), 1);
  assert.equal(await compareKind('replicasets', 'shop'), 3);
  assert.equal(await compareKind('replicasets', 'crafted'), 3);
});

test('statefulsets, daemonsets, jobs and cronjobs', async () => {
  assert.equal(await compareKind('statefulsets', 'crafted'), 1);
  assert.equal(await compareKind('daemonsets', 'crafted'), 1);
  assert.equal(await compareKind('jobs', 'shop'), 1);
  assert.equal(await compareKind('jobs', 'crafted'), 1);
  assert.equal(await compareKind('cronjobs', 'crafted'), 1);
});

test('services with endpoints, ingresses, endpoints, PVCs and HPAs', async () => {
  assert.equal(await compareKind('services', 'shop'), 5);
  assert.equal(await compareKind('services', 'crafted'), 1);
  assert.equal(await compareKind('ingresses', 'crafted'), 1);
  assert.equal(await compareKind('endpoints', 'crafted'), 1);
  assert.equal(await compareKind('persistentvolumeclaims', 'crafted'), 2);
  assert.equal(await compareKind('horizontalpodautoscalers', 'crafted'), 1);
});

test('nodes (roles, taints, lease, capacity, non-terminated pods) and namespaces (quotas, limit ranges)', async () => {
  assert.equal(await compareKind('nodes', undefined), 4);
  assert.equal(await compareKind('namespaces', undefined, (n) => n === 'crafted' || n === 'shop' || n === 'team-a'), 3);
});

test('configmaps and secrets: data keys, sizes only for secrets', async () => {
  assert.equal(await compareKind('configmaps', 'crafted'), 1);
  assert.equal(await compareKind('secrets', 'crafted', (n) => n === 'app-secret'), 1);
  // kubectl prints a service-account token's value; kx shows its size like any other key.
  const expected = (await kubectlDescribeAll('secrets', 'crafted')).get('sa-token')!;
  const got = await kxDescribe('secrets', 'crafted', 'sa-token');
  assert.ok(
    expected.some((l) => l.includes('not-a-real-token')),
    'kubectl shows the token',
  );
  assert.ok(!got.some((l) => l.includes('not-a-real-token')), 'kx never shows it');
  assert.match(got.at(-1)!, /^token:\s+47 bytes$/);
  assert.deepEqual(got.slice(0, -1), expected.slice(0, -1));
});

test('generic describe: custom resources, the CRD itself and events', async () => {
  assert.equal(await compareKind('crontabs', 'shop'), 2);
  assert.equal(await compareKind('customresourcedefinitions', undefined), 1);
  assert.equal(await compareKind('events', 'crafted', (n) => n === 'full.2' || n === 'full.3'), 2);
});
