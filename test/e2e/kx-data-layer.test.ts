/**
 * kx's own data layer (discovery, list+watch streams, the cache) and the explorer against a real
 * Kubernetes API server: every kind kx knows, RBAC, an API server restart, and 410 after etcd
 * compaction. kubectl is the oracle for what the cluster holds.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { builtinKinds } from '../../src/kinds/registry.ts';
import { discover, type DiscoveryResult } from '../../src/kube/discovery.ts';
import { loadKubeconfig } from '../../src/kube/kubeconfig.ts';
import { startListWatch, type ListWatchHandle } from '../../src/kube/list-watch.ts';
import { resourceKey, type ResourceInfo } from '../../src/kube/resource-info.ts';
import { openSession, type KubeSession } from '../../src/kube/session.ts';
import { ObjectCache } from '../../src/store/object-cache.ts';
import { killTerminals, openKx, prompt } from '../support/tmux-terminal.ts';
import { startControlPlane, type ControlPlane } from './cluster/control-plane.ts';
import { CRONTAB_CRD, CRONTABS } from './support/fixture-manifests.ts';
import { kubectlOk } from '../support/kubectl.ts';
import { waitFor } from '../support/wait-for.ts';

let cp: ControlPlane;
let admin: KubeSession;
let discovery: DiscoveryResult;
const handles: ListWatchHandle[] = [];

before(async () => {
  cp = await startControlPlane();
  admin = await openSession(loadKubeconfig({ kubeconfig: cp.kubeconfigPath }));
  await kubectlOk(['apply', '-f', '-'], { kubeconfig: cp.kubeconfigPath, input: JSON.stringify(CRONTAB_CRD) });
  await kubectlOk(['wait', '--for=condition=Established', 'crd/crontabs.stable.example.com', '--timeout=30s'], { kubeconfig: cp.kubeconfigPath });
  await kubectlOk(['create', 'namespace', 'shop'], { kubeconfig: cp.kubeconfigPath }).catch(() => '');
  for (const ct of CRONTABS) await kubectlOk(['apply', '-f', '-'], { kubeconfig: cp.kubeconfigPath, input: JSON.stringify(ct) });
  await kubectlOk(['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=3', '-n', 'shop'], { kubeconfig: cp.kubeconfigPath });
  discovery = await discover(admin.client);
});

after(async () => {
  killTerminals();
  for (const h of handles) h.stop();
  await admin?.close();
  await cp?.stop();
});

function stream(cache: ObjectCache, session: KubeSession, resource: ResourceInfo, namespace?: string, table = false): ListWatchHandle {
  const sink = cache.sinkFor(resourceKey(resource), { namespace, kind: resource.kind, namespaced: resource.namespaced });
  const h = startListWatch({ client: session.client, resource, namespace, table, backoff: { baseMs: 200, maxMs: 2000 } }, sink);
  handles.push(h);
  return h;
}

function find(name: string): ResourceInfo {
  const r = discovery.resources.find((x) => resourceKey(x) === name);
  assert.ok(r, `discovery serves ${name}`);
  return r;
}

/** kubectl's names of a resource across namespaces, as 'namespace/name'. */
async function kubectlNames(resource: string): Promise<string[]> {
  const out = await kubectlOk(['get', resource, '-A', '-o', 'jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.name}{"\\n"}{end}'], { kubeconfig: cp.kubeconfigPath });
  return out.split('\n').filter(Boolean).sort();
}

function cacheNames(cache: ObjectCache, key: string): string[] {
  return cache
    .rows(key, { includeDeleted: false })
    .map((r) => `${r.namespace}/${r.name}`)
    .sort();
}

describe('kx data layer against a real API server', () => {
  it('discovers versions as a 1.20 server serves them, the CRD included', () => {
    assert.equal(find('cronjobs.batch').version, 'v1beta1', '1.20 serves CronJob as batch/v1beta1 only');
    assert.equal(find('deployments.apps').version, 'v1');
    const ct = find('crontabs.stable.example.com');
    assert.deepEqual(ct.shortNames, ['ct']);
    assert.equal(ct.namespaced, true);
  });

  it('lists and watches every kind kx knows, and the custom resource through server tables', async () => {
    const cache = new ObjectCache();
    const streams: Array<[string, ListWatchHandle]> = [];
    for (const kind of builtinKinds()) {
      const r = discovery.resources.find((x) => resourceKey(x) === kind.resourceKey);
      if (!r || !r.verbs.includes('watch')) continue; // e.g. ingresses.networking.k8s.io is v1beta1-only elsewhere
      streams.push([kind.resourceKey, stream(cache, admin, r)]);
    }
    streams.push(['crontabs.stable.example.com', stream(cache, admin, find('crontabs.stable.example.com'), undefined, true)]);
    assert.ok(streams.length >= 15, `streams for most built-in kinds (${streams.length})`);
    for (const [key, h] of streams) await waitFor(`${key} live`, () => h.state().phase === 'live');
    for (const resource of ['pods', 'deployments.apps', 'services', 'namespaces', 'nodes', 'configmaps', 'crontabs.stable.example.com']) {
      const expected = (await kubectlNames(resource)).map((n) => (n.startsWith('/') ? n : n));
      await waitFor(`${resource} rows match kubectl`, () => JSON.stringify(cacheNames(cache, resource)) === JSON.stringify(expected) || undefined, 10_000).catch(() => {
        assert.deepEqual(cacheNames(cache, resource), expected, resource);
      });
    }
    const ct = cache.rows('crontabs.stable.example.com')[0];
    assert.ok(ct, 'a CronTab row');
    const columns = cache.columnsOf('crontabs.stable.example.com').map((c) => c.name.toUpperCase());
    assert.ok(columns.includes('SPEC'), `the CRD's printer columns (${columns.join(', ')})`);
    // A change made by kubectl reaches the cache through the watch.
    await kubectlOk(['scale', 'deployment/web', '-n', 'shop', '--replicas=1'], { kubeconfig: cp.kubeconfigPath });
    await waitFor('pods scaled down to 1', () => cache.rows('pods', { namespace: 'shop', includeDeleted: false }).filter((r) => r.name.startsWith('web-')).length === 1, 60_000);
    for (const [, h] of streams) h.stop();
    cache.dispose();
  });

  it('a user limited to one namespace gets forbidden for all namespaces while that namespace works', async () => {
    const alice = await openSession(loadKubeconfig({ kubeconfig: cp.aliceKubeconfigPath }));
    try {
      const cache = new ObjectCache();
      const all = stream(cache, alice, find('pods'));
      const mine = stream(cache, alice, find('pods'), 'team-a');
      const forbidden = await waitFor('forbidden', () => {
        const s = all.state();
        return s.phase === 'forbidden' ? s : undefined;
      });
      assert.match(forbidden.message, /cannot list resource "pods" in API group "" at the cluster scope/);
      await waitFor('team-a live', () => mine.state().phase === 'live');
      all.stop();
      mine.stop();
      cache.dispose();
    } finally {
      await alice.close();
    }
  });

  it('recovers by itself from an API server restart and from 410 after compaction, without stale or duplicate rows', async () => {
    const cache = new ObjectCache();
    const pods = stream(cache, admin, find('pods'));
    const configmaps = stream(cache, admin, find('configmaps'));
    await waitFor('live', () => pods.state().phase === 'live' && configmaps.state().phase === 'live');
    // Other writes move etcd's revision past the configmaps stream's resourceVersion.
    await kubectlOk(['create', 'configmap', 'before-restart', '-n', 'shop'], { kubeconfig: cp.kubeconfigPath });
    await kubectlOk(['create', 'deployment', 'bump', '--image=nginx', '-n', 'default'], { kubeconfig: cp.kubeconfigPath });
    await waitFor('configmap seen', () => cache.rowByName('configmaps', 'shop', 'before-restart'));
    const relistsBefore = configmaps.stats().relists;

    await cp.stopApiServer();
    await waitFor('reconnecting', () => pods.state().phase === 'reconnecting');
    await cp.compactEtcd();
    await cp.startApiServer();
    await waitFor('live again', () => pods.state().phase === 'live' && configmaps.state().phase === 'live', 90_000);

    await kubectlOk(['delete', 'configmap', 'before-restart', '-n', 'shop'], { kubeconfig: cp.kubeconfigPath });
    await kubectlOk(['create', 'configmap', 'after-restart', '-n', 'shop'], { kubeconfig: cp.kubeconfigPath });
    await waitFor('changes after the restart', () => cache.rowByName('configmaps', 'shop', 'after-restart') && !cache.rowByName('configmaps', 'shop', 'before-restart'));
    for (const resource of ['pods', 'configmaps']) {
      const rows = cache.rows(resource, { includeDeleted: false });
      assert.equal(new Set(rows.map((r) => r.uid)).size, rows.length, `${resource}: no duplicate rows`);
      const expected = await kubectlNames(resource);
      await waitFor(`${resource} equal kubectl`, () => JSON.stringify(cacheNames(cache, resource)) === JSON.stringify(expected) || undefined, 10_000).catch(() => {
        assert.deepEqual(cacheNames(cache, resource), expected);
      });
    }
    assert.ok(configmaps.stats().relists > relistsBefore, `the configmaps stream re-listed after 410 (${JSON.stringify(configmaps.stats())})`);
    pods.stop();
    configmaps.stop();
    cache.dispose();
  });

  it('the explorer in a real terminal shows the cluster live, and forbidden for a restricted user', async () => {
    const t = openKx('-n shop', { kubeconfig: cp.kubeconfigPath, columns: 130, rows: 20 });
    await t.waitFor(/^web-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running/m, 60_000);
    // The first view's stream starts before the header's /version request, so rows can come first.
    const screen = await t.waitFor(/K8s: v1\.20\.2/, 30_000);
    assert.match(screen, /^web-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running/m);

    // Deployment → its ReplicaSets → their pods, with the keys a person uses, then back.
    await prompt(t, ':', 'deploy');
    t.send('Enter');
    await t.waitFor(/deployments \(shop\)\s+● live/, 30_000);
    await prompt(t, '/', 'web');
    t.send('Enter');
    await t.waitFor(/^\/web\s+\(/m);
    t.send('Enter');
    await t.waitFor(/replicasets of deployment web \(shop\)\s+● live\s+\d+/, 30_000);
    t.send('Enter');
    const pods = await t.waitFor(/pods of replicaset web-[a-z0-9]+ \(shop\)\s+● live\s+\d+/, 30_000);
    assert.match(pods, /^web-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running/m);
    t.send('x');
    await t.waitFor(/^Deployment web\s[\s\S]*└─ ReplicaSet web-[\s\S]*└─ Pod web-/m, 30_000);
    t.send('Escape');
    await t.waitFor(/pods of replicaset web-/);
    t.send('[');
    await t.waitFor(/replicasets of deployment web/);
    t.send('q');
    assert.match(await t.waitFor(/kx exited with \d+/), /kx exited with 0/);

    const a = openKx('-A', { kubeconfig: cp.aliceKubeconfigPath, columns: 160, rows: 12 });
    const denied = await a.waitFor(/forbidden: /, 30_000);
    assert.match(denied, /You may not list pods across namespaces/);
    // The forbidden view does not stop the others: her own namespace works, with every action.
    await prompt(a, ':', 'ns team-a');
    a.send('Enter');
    await a.waitFor(/pods \(team-a\)\s+● live/, 30_000);
    // In shop she may only look: RBAC (asked with SelfSubjectAccessReview) hides delete there.
    await kubectlOk(['create', 'role', 'pod-viewer', '-n', 'shop', '--verb=get,list,watch', '--resource=pods'], { kubeconfig: cp.kubeconfigPath });
    await kubectlOk(['create', 'rolebinding', 'alice-views-shop', '-n', 'shop', '--role=pod-viewer', '--user=alice'], { kubeconfig: cp.kubeconfigPath });
    await prompt(a, ':', 'ns shop');
    a.send('Enter');
    await a.waitFor(/pods \(shop\)\s+● live\s+[1-9]/, 30_000);
    const view = await a.waitFor((s) => !/delete/.test(s.trimEnd().split('\n').at(-1)!), 10_000);
    assert.match(view.trimEnd().split('\n').at(-1)!, /d describe/);
    a.send('C-d');
    await a.waitFor(/You may not delete pods in namespace shop \(RBAC\)/);
    a.send('q');
    assert.match(await a.waitFor(/kx exited with \d+/), /kx exited with 0/);
  });
});
