/**
 * Protocol contract: the same checks, and the same kubectl commands, against the demo cluster and
 * the real 1.20 control plane. Where they differ, the demo is wrong and gets fixed.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startDemoCluster } from '../../src/demo/index.ts';
import { startControlPlane } from './cluster/control-plane.ts';
import { rawRequest, type RawResponse } from './cluster/raw-http.ts';
import { kubectl, kubectlOk } from '../support/kubectl.ts';
import { collectWatch } from './support/raw-watch.ts';

/** One API server under test: where it is, how to reach it, and how to expire old resourceVersions. */
interface Target {
  server: string;
  token: string;
  kubeconfig: string;
  expireHistory(): Promise<void>;
  stop(): Promise<void>;
}

const targets: Record<string, () => Promise<Target>> = {
  async demo() {
    const dir = mkdtempSync(join(tmpdir(), 'kx-contract-'));
    const demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
    return {
      server: demo.server.url.replace(/^http:/, 'https:'),
      token: demo.server.token,
      kubeconfig: demo.kubeconfigPath,
      expireHistory: async () => demo.server.compact(),
      stop: async () => {
        await demo.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  async real() {
    const cp = await startControlPlane();
    return {
      server: cp.server,
      token: cp.adminToken,
      kubeconfig: cp.kubeconfigPath,
      expireHistory: async () => void (await cp.compactEtcd()),
      stop: () => cp.stop(),
    };
  },
};

const tableAccept = 'application/json;as=Table;v=v1;g=meta.k8s.io';
const NS = 'contract';

for (const [name, start] of Object.entries(targets)) {
  describe(`API contract: ${name}`, () => {
    let t: Target;
    const get = (path: string, headers: Record<string, string> = {}): Promise<RawResponse> => rawRequest(`${t.server}${path}`, { token: t.token, headers });
    const json = async <T>(path: string, headers: Record<string, string> = {}): Promise<T> => {
      const res = await get(path, headers);
      assert.equal(res.status, 200, `${path}: ${res.body.slice(0, 300)}`);
      return JSON.parse(res.body) as T;
    };
    const send = async (method: string, path: string, body: unknown, contentType = 'application/json'): Promise<RawResponse> =>
      rawRequest(`${t.server}${path}`, { method, token: t.token, body: JSON.stringify(body), headers: { 'Content-Type': contentType } });
    const k = (args: string[], input?: string) => kubectlOk(args, { kubeconfig: t.kubeconfig, ...(input ? { input } : {}) });

    before(async () => {
      t = await start();
      await k(['create', 'namespace', NS]);
      const deployment = {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'echo', namespace: NS },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: 'echo' } },
          template: { metadata: { labels: { app: 'echo' } }, spec: { containers: [{ name: 'main', image: 'nginx:1.27' }] } },
        },
      };
      await k(['create', '-f', '-'], JSON.stringify(deployment));
      await k(['wait', '--for=condition=Available', `deployment/echo`, '-n', NS, '--timeout=60s']);
    });
    after(async () => {
      await t?.stop();
    });

    it('discovery: core and apps resources with short names, verbs and subresources', async () => {
      const core = await json<{ resources: Array<{ name: string; shortNames?: string[]; verbs: string[]; namespaced: boolean }> }>('/api/v1');
      const pods = core.resources.find((r) => r.name === 'pods');
      assert.deepEqual(pods?.shortNames, ['po']);
      assert.ok(pods?.verbs.includes('watch') && pods.namespaced);
      for (const sub of ['pods/log', 'pods/exec', 'pods/status'])
        assert.ok(
          core.resources.some((r) => r.name === sub),
          sub,
        );
      const apps = await json<{ resources: Array<{ name: string }> }>('/apis/apps/v1');
      assert.ok(apps.resources.some((r) => r.name === 'deployments/scale'));
      const groups = await json<{ groups: Array<{ name: string; preferredVersion: { version: string } }> }>('/apis');
      assert.equal(groups.groups.find((g) => g.name === 'apps')?.preferredVersion.version, 'v1');
      const version = await json<{ gitVersion: string }>('/version');
      assert.match(version.gitVersion, /^v1\.\d+\.\d+/);
    });

    it('paging: limit and continue walk the whole list, with remainingItemCount', async () => {
      for (let i = 0; i < 7; i++) await send('POST', `/api/v1/namespaces/${NS}/configmaps`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `page-${i}` } });
      const expected = (await k(['get', 'configmaps', '-n', NS, '-o', 'name'])).trim().split('\n').length;
      let next = '';
      let seen = 0;
      let pages = 0;
      let firstRemaining: number | undefined;
      do {
        const page = await json<{ items: unknown[]; metadata: { continue?: string; remainingItemCount?: number } }>(
          `/api/v1/namespaces/${NS}/configmaps?limit=3${next ? `&continue=${encodeURIComponent(next)}` : ''}`,
        );
        if (pages === 0) firstRemaining = page.metadata.remainingItemCount;
        seen += page.items.length;
        pages += 1;
        next = page.metadata.continue ?? '';
      } while (next);
      assert.equal(seen, expected);
      assert.equal(pages, Math.ceil(expected / 3));
      assert.equal(firstRemaining, expected - 3);
    });

    it('watch: events after the list resourceVersion; 410 for a resourceVersion older than the history', async () => {
      const list = await json<{ metadata: { resourceVersion: string } }>(`/api/v1/namespaces/${NS}/configmaps`);
      const url = `${t.server}/api/v1/namespaces/${NS}/configmaps?watch=1&allowWatchBookmarks=true&resourceVersion=${list.metadata.resourceVersion}`;
      const watching = collectWatch(url, t.token, (e) => e.some((x) => x.type === 'ADDED'), 10_000);
      await new Promise((r) => setTimeout(r, 300));
      await send('POST', `/api/v1/namespaces/${NS}/configmaps`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'watched' } });
      const events = await watching;
      const added = events.find((e) => e.type === 'ADDED');
      assert.equal(added?.object.metadata?.name, 'watched');

      await send('POST', `/api/v1/namespaces/${NS}/configmaps`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'moves-the-revision' } });
      await t.expireHistory();
      const expired = await collectWatch(`${t.server}/api/v1/namespaces/${NS}/events?watch=1&resourceVersion=${list.metadata.resourceVersion}`, t.token, (e) => e.length > 0, 10_000);
      assert.equal(expired[0]?.type, 'ERROR');
      assert.equal(expired[0]?.object.code, 410);
    });

    it('patches: merge, strategic merge (containers by name) and JSON patch', async () => {
      const path = `/apis/apps/v1/namespaces/${NS}/deployments/echo`;
      assert.equal((await send('PATCH', path, { metadata: { labels: { tier: 'web' } } }, 'application/merge-patch+json')).status, 200);
      const strategic = { spec: { template: { spec: { containers: [{ name: 'main', env: [{ name: 'MODE', value: 'contract' }] }] } } } };
      assert.equal((await send('PATCH', path, strategic, 'application/strategic-merge-patch+json')).status, 200);
      assert.equal((await send('PATCH', path, [{ op: 'add', path: '/metadata/annotations', value: { note: 'json-patch' } }], 'application/json-patch+json')).status, 200);
      const d = await json<{
        metadata: { labels: Record<string, string>; annotations: Record<string, string> };
        spec: { template: { spec: { containers: Array<{ name: string; image: string; env?: unknown[] }> } } };
      }>(path);
      assert.equal(d.metadata.labels['tier'], 'web');
      assert.equal(d.metadata.annotations['note'], 'json-patch');
      const main = d.spec.template.spec.containers[0]!;
      assert.equal(main.image, 'nginx:1.27', 'strategic merge kept the image');
      assert.deepEqual(main.env, [{ name: 'MODE', value: 'contract' }]);
    });

    it('scale subresource: GET Scale, merge-patch replicas', async () => {
      const path = `/apis/apps/v1/namespaces/${NS}/deployments/echo/scale`;
      const scale = await json<{ kind: string; apiVersion: string; spec: { replicas: number }; status: { selector: string } }>(path);
      assert.equal(scale.kind, 'Scale');
      assert.equal(scale.apiVersion, 'autoscaling/v1');
      assert.equal(scale.status.selector, 'app=echo');
      assert.equal((await send('PATCH', path, { spec: { replicas: 2 } }, 'application/merge-patch+json')).status, 200);
      assert.equal((await k(['get', 'deployment/echo', '-n', NS, '-o', 'jsonpath={.spec.replicas}'])).trim(), '2');
    });

    it('as=Table for list and watch, with metadata objects', async () => {
      const table = await json<{ kind: string; columnDefinitions: Array<{ name: string }>; rows: Array<{ cells: unknown[]; object: { metadata: { uid: string } } }> }>(
        `/api/v1/namespaces/${NS}/pods`,
        { Accept: tableAccept },
      );
      assert.equal(table.kind, 'Table');
      const names = table.columnDefinitions.map((c) => c.name);
      for (const col of ['Name', 'Ready', 'Status', 'Restarts', 'Age']) assert.ok(names.includes(col), `${col} in ${names.join(', ')}`);
      assert.ok(table.rows.length >= 1 && table.rows.every((r) => r.object.metadata.uid), 'rows carry metadata');
    });

    it('a path nothing serves: the NotFound Status with empty details; health checks answer ok', async () => {
      const res = await get('/api/v1/namespaces/default/pods/nope/nosuchsubresource');
      assert.equal(res.status, 404);
      assert.deepEqual(JSON.parse(res.body), {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'the server could not find the requested resource',
        reason: 'NotFound',
        details: {},
        code: 404,
      });
      for (const path of ['/healthz', '/livez', '/readyz']) {
        const health = await get(path);
        assert.deepEqual([health.status, health.body], [200, 'ok'], path);
      }
    });

    it('kubectl create namespace|configmap|deployment (protobuf request bodies)', async () => {
      await k(['create', 'namespace', `${NS}-generated`]);
      await k(['create', 'configmap', 'generated', '-n', NS, '--from-literal=a=1']);
      await k(['create', 'deployment', 'generated', '-n', NS, '--image=nginx:1.27', '--replicas=0']);
      assert.equal((await k(['get', 'configmap', 'generated', '-n', NS, '-o', 'jsonpath={.data.a}'])).trim(), '1');
      assert.equal((await k(['get', 'deployment', 'generated', '-n', NS, '-o', 'jsonpath={.spec.replicas}'])).trim(), '0');
    });
    it('kubectl apply with its default validation (OpenAPI documents), of an object and of a v1 List', async () => {
      const cm = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: NS }, data: { a: '1' } });
      assert.equal(await k(['apply', '-f', '-'], JSON.stringify(cm('applied'))), 'configmap/applied created\n');
      assert.equal(await k(['apply', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [cm('listed')] })), 'configmap/listed created\n');
    });

    it('kubectl works the same: get, logs, exec, scale, api-resources', async () => {
      const pod = (await k(['get', 'pods', '-n', NS, '-l', 'app=echo', '-o', 'jsonpath={.items[0].metadata.name}'])).trim();
      assert.ok(pod);
      await k(['wait', '--for=condition=Ready', `pod/${pod}`, '-n', NS, '--timeout=60s']);
      // A container that just started may have written one line so far: wait for a second.
      let logs = await kubectl(['logs', pod, '-n', NS, '--tail=2'], { kubeconfig: t.kubeconfig });
      for (let i = 0; i < 20 && logs.code === 0 && logs.stdout.trim().split('\n').length < 2; i++) {
        await new Promise((r) => setTimeout(r, 500));
        logs = await kubectl(['logs', pod, '-n', NS, '--tail=2'], { kubeconfig: t.kubeconfig });
      }
      assert.equal(logs.code, 0, logs.stderr);
      assert.equal(logs.stdout.trim().split('\n').length, 2);
      assert.equal((await k(['exec', pod, '-n', NS, '--', 'echo', 'contract-ok'])).trim(), 'contract-ok');
      assert.match(await k(['scale', 'deployment/echo', '-n', NS, '--replicas=1']), /deployment.apps\/echo scaled/);
      const resources = await k(['api-resources']);
      assert.match(resources, /^pods\s+po\s+v1\s+true\s+Pod$/m);
      assert.match(resources, /^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/m);
      assert.match(await k(['get', 'pods', '-A']), /^contract\s+echo-/m);
    });
  });
}
