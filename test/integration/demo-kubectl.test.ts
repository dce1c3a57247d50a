import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { crontab, crontabCrd, deployment, pod } from '../support/demo-fixtures.ts';
import { startDemoSetup, type DemoSetup } from '../support/demo-server-setup.ts';
import { kubectl as runKubectl, kubectlFor } from '../support/kubectl.ts';

// kubectl is the independent oracle: if it disagrees, the demo server is wrong.
let demo: DemoSetup;
const pods = { group: '', plural: 'pods' };

before(async () => {
  demo = await startDemoSetup();
  const s = demo.server.store;
  s.create(pods, pod('default', 'web-1'));
  s.create(pods, pod('kube-system', 'dns-1'));
  s.create({ group: 'apps', plural: 'deployments' }, deployment('default', 'web', 2));
  s.create({ group: 'apiextensions.k8s.io', plural: 'customresourcedefinitions' }, crontabCrd());
  s.create({ group: 'stable.example.com', plural: 'crontabs' }, crontab('default', 'nightly', '0 3 * * *', 2));
  const log = demo.runtime.log('default', 'web-1', 'app');
  log.write('hello from web-1');
  log.write('second line');
});
after(() => demo.close());

const kubectl = kubectlFor(() => demo.kubeconfig).run;
const kubectlRun = (args: string[], input: string) => runKubectl(args, { kubeconfig: demo.kubeconfig, input });

const rows = (out: string) =>
  out
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s{2,}/));

test('kubectl get --raw /version and api-resources with short names', async () => {
  const version = await kubectl('get', '--raw', '/version');
  assert.equal(version.code, 0, version.stderr);
  assert.match((JSON.parse(version.stdout) as { gitVersion: string }).gitVersion, /^v1\.32\./);
  const res = await kubectl('api-resources');
  assert.equal(res.code, 0, res.stderr);
  const table = rows(res.stdout);
  const find = (name: string) => table.find((r) => r[0] === name);
  assert.deepEqual(find('pods')?.slice(0, 2), ['pods', 'po']);
  assert.deepEqual(find('deployments')?.slice(0, 2), ['deployments', 'deploy']);
  assert.deepEqual(find('customresourcedefinitions')?.slice(0, 2), ['customresourcedefinitions', 'crd,crds']);
  assert.deepEqual(find('crontabs')?.slice(0, 3), ['crontabs', 'ct', 'stable.example.com/v1']);
});

test('kubectl get pods -A prints the server-side table', async () => {
  const r = await kubectl('get', 'pods', '-A');
  assert.equal(r.code, 0, r.stderr);
  const t = rows(r.stdout);
  assert.deepEqual(t[0], ['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
  assert.deepEqual(
    t.slice(1).map((x) => x.slice(0, 4)),
    [
      ['default', 'web-1', '1/1', 'Running'],
      ['kube-system', 'dns-1', '1/1', 'Running'],
    ],
  );
  const wide = await kubectl('get', 'po', '-n', 'default', '-o', 'wide');
  assert.match(wide.stdout, /NOMINATED NODE\s+READINESS GATES/);
  assert.match(wide.stdout, /web-1.*10\.244\.0\.10\s+node-1/);
  const json = await kubectl('get', 'pod', 'web-1', '-o', 'json');
  assert.equal((JSON.parse(json.stdout) as { metadata: { name: string } }).metadata.name, 'web-1');
});

test('kubectl get crontabs shows the CRD printer columns (by short name too)', async () => {
  const r = await kubectl('get', 'ct');
  assert.equal(r.code, 0, r.stderr);
  const t = rows(r.stdout);
  assert.deepEqual(t[0], ['NAME', 'SPEC', 'REPLICAS', 'AGE']);
  assert.deepEqual(t[1]?.slice(0, 3), ['nightly', '0 3 * * *', '2']);
});

test('kubectl get pods -A -w prints a line when a pod changes', async () => {
  const child = spawn('kubectl', ['--kubeconfig', demo.kubeconfig, 'get', 'pods', '-A', '-w']);
  let out = '';
  let created = false;
  const saw = new Promise<void>((resolve) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      // The listing can arrive in several chunks: create the pod once, after the first rows.
      if (out.includes('web-1') && !created) {
        created = true;
        setTimeout(() => demo.server.store.create(pods, pod('default', 'watched-pod')), 50);
      }
      if (/watched-pod\s+1\/1\s+Running/.test(out)) resolve();
    });
  });
  try {
    await saw;
  } finally {
    child.kill();
  }
  assert.equal(out.split('\n').filter((l) => l.startsWith('NAMESPACE')).length, 1, 'headers printed once');
});

test('kubectl scale deploy sets spec.replicas', async () => {
  const r = await kubectl('scale', 'deploy/web', '--replicas=3');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /deployment\.apps\/web scaled/);
  const spec = demo.server.store.get({ group: 'apps', plural: 'deployments' }, 'default', 'web')?.spec as { replicas: number };
  assert.equal(spec.replicas, 3);
  const pre = await kubectl('scale', 'deploy/web', '--current-replicas=1', '--replicas=5');
  assert.notEqual(pre.code, 0, 'a wrong precondition fails');
  const ct = await kubectl('scale', 'ct/nightly', '--replicas=4');
  assert.equal(ct.code, 0, ct.stderr);
});

test('kubectl logs and logs -f', async () => {
  const r = await kubectl('logs', 'web-1');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'hello from web-1\nsecond line\n');
  const tail = await kubectl('logs', 'web-1', '--tail=1', '--timestamps');
  assert.match(tail.stdout, /^\d{4}-\d\d-\d\dT[\d:.]+Z second line\n$/);
  const log = demo.runtime.log('default', 'web-1', 'app');
  const child = spawn('kubectl', ['--kubeconfig', demo.kubeconfig, 'logs', '-f', 'web-1']);
  let out = '';
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out === 'hello from web-1\nsecond line\n') log.write('followed line');
      if (out.endsWith('followed line\n')) log.end();
    });
    child.on('exit', () => resolve());
  });
  assert.equal(out, 'hello from web-1\nsecond line\nfollowed line\n');
});

test('kubectl exec runs a command through the test kubelet', async () => {
  const r = await kubectl('exec', 'web-1', '--', 'echo', 'hi');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'hi\n');
  const failed = await kubectl('exec', 'web-1', '--', 'sh', '-c', 'exit 3');
  assert.equal(failed.code, 3, 'kubectl exits with the remote exit code');
});

test('kubectl delete removes an object', async () => {
  demo.server.store.create({ group: '', plural: 'configmaps' }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'doomed', namespace: 'default', uid: '' } });
  const r = await kubectl('delete', 'configmap', 'doomed');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /configmap "doomed" deleted/);
  assert.equal(demo.server.store.get({ group: '', plural: 'configmaps' }, 'default', 'doomed'), undefined);
  const missing = await kubectl('delete', 'configmap', 'doomed');
  assert.match(missing.stderr, /configmaps "doomed" not found/);
});

test('kubectl apply, create and replace validate as against a 1.32 server: no --validate=false, no warnings', async () => {
  const run = async (args: string[], manifest: unknown) => {
    const r = await kubectlRun(args, JSON.stringify(manifest));
    assert.equal(r.code, 0, `kubectl ${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stderr, '', 'kubectl warns about nothing');
    return r.stdout;
  };
  const cm = (name: string, data: Record<string, string> = {}) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data });
  assert.equal(await run(['apply', '-f', '-'], cm('applied', { a: '1' })), 'configmap/applied created\n');
  assert.equal(await run(['apply', '-f', '-'], cm('applied', { a: '2' })), 'configmap/applied configured\n');
  assert.deepEqual(demo.server.store.get({ group: '', plural: 'configmaps' }, 'default', 'applied')?.data, { a: '2' });
  // A v1 List: kubectl checks it against the OpenAPI v2 document (which has no definitions to check).
  const list = { apiVersion: 'v1', kind: 'List', items: [cm('listed'), crontab('default', 'listed', '*/5 * * * *', 1)] };
  assert.equal(await run(['apply', '-f', '-'], list), 'configmap/listed created\ncrontab.stable.example.com/listed created\n');
  assert.equal(await run(['create', '-f', '-'], cm('created')), 'configmap/created created\n');
  assert.equal(await run(['replace', '-f', '-'], cm('created', { r: '1' })), 'configmap/created replaced\n');
  assert.deepEqual(demo.server.store.get({ group: '', plural: 'configmaps' }, 'default', 'created')?.data, { r: '1' });
});

test('/openapi/v3 lists every group version discovery serves, each with a PATCH per kind that takes fieldValidation', async () => {
  const versions = (await kubectl('api-versions')).stdout.trim().split('\n');
  const root = JSON.parse((await kubectl('get', '--raw', '/openapi/v3')).stdout) as { paths: Record<string, { serverRelativeURL: string }> };
  const keys = versions.map((gv) => (gv.includes('/') ? `apis/${gv}` : `api/${gv}`));
  assert.deepEqual(Object.keys(root.paths).sort(), keys.sort());
  type Doc = { paths: Record<string, { patch?: { parameters: Array<{ name: string; in: string }>; 'x-kubernetes-group-version-kind': { kind: string } } }> };
  const apps = JSON.parse((await kubectl('get', '--raw', root.paths['apis/apps/v1']!.serverRelativeURL)).stdout) as Doc;
  const deployments = apps.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}']?.patch;
  assert.equal(deployments?.['x-kubernetes-group-version-kind'].kind, 'Deployment');
  assert.ok(deployments?.parameters.some((p) => p.name === 'fieldValidation' && p.in === 'query'));
  const missing = await kubectl('get', '--raw', '/openapi/v3/apis/nothing.example.com/v1');
  assert.match(missing.stderr, /NotFound/);
});

test('kubectl auth whoami and auth can-i --list answer (the demo allows everything); health checks are ok', async () => {
  const whoami = await kubectl('auth', 'whoami', '-o', 'json');
  assert.equal(whoami.code, 0, whoami.stderr);
  assert.deepEqual((JSON.parse(whoami.stdout) as { status: unknown }).status, { userInfo: { username: 'kx-demo-admin', groups: ['system:masters', 'system:authenticated'] } });
  const list = await kubectl('auth', 'can-i', '--list', '-n', 'default');
  assert.equal(list.code, 0, list.stderr);
  assert.match(list.stdout, /^\*\.\*\s+\[\]\s+\[\]\s+\[\*\]$/m);
  const ready = await kubectl('get', '--raw', '/readyz?verbose');
  assert.equal(ready.code, 0, ready.stderr);
  assert.match(ready.stdout, /^\[\+\]ping ok\n[\s\S]*readyz check passed\n$/);
});

test('kubectl debug on a server without ephemeral containers says so (a NotFound with details, not a crash)', async () => {
  const r = await kubectl('debug', 'web-1', '--image=busybox', '--profile=general', '--', 'true');
  assert.equal(r.code, 1);
  assert.match(r.stderr, /ephemeral containers are disabled for this cluster \(error from server: "the server could not find the requested resource"\)/);
});

test('an HPA written in autoscaling/v1 reads back in v2 with its CPU target as a metric, and in v1 as written', async () => {
  const created = await kubectl('autoscale', 'deployment', 'web', '--min=2', '--max=5', '--cpu-percent=60');
  assert.equal(created.code, 0, created.stderr);
  const v2 = JSON.parse((await kubectl('get', 'hpa', 'web', '-o', 'json')).stdout) as { apiVersion: string; spec: Record<string, unknown> };
  assert.equal(v2.apiVersion, 'autoscaling/v2');
  assert.deepEqual(v2.spec.metrics, [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } }]);
  assert.equal(v2.spec.targetCPUUtilizationPercentage, undefined);
  const table = rows((await kubectl('get', 'hpa', 'web')).stdout);
  assert.deepEqual(table[1]?.slice(1, 5), ['Deployment/web', 'cpu: <unknown>/60%', '2', '5']);
  const v1 = JSON.parse((await kubectl('get', 'horizontalpodautoscalers.v1.autoscaling', 'web', '-o', 'json')).stdout) as { apiVersion: string; spec: Record<string, unknown> };
  assert.equal(v1.apiVersion, 'autoscaling/v1');
  assert.deepEqual(v1.spec, { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 2, maxReplicas: 5, targetCPUUtilizationPercentage: 60 });
  // A v1 merge patch of the target lands in the v2 metric.
  const patched = await kubectl('patch', 'horizontalpodautoscalers.v1.autoscaling', 'web', '--type=merge', '-p', '{"spec":{"targetCPUUtilizationPercentage":75}}');
  assert.equal(patched.code, 0, patched.stderr);
  assert.match((await kubectl('get', 'hpa', 'web', '-o', 'jsonpath={.spec.metrics[0].resource.target.averageUtilization}')).stdout, /^75$/);
});
