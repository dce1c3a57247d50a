/**
 * kubectl 1.32's typed clients send protobuf, nothing else: `kubectl create namespace|configmap|…`,
 * `kubectl autoscale`. kubectl is the oracle twice over: each
 * command runs once with `--dry-run=client -o json` (the object kubectl builds, as JSON) and once
 * for real (the same object, sent as protobuf), and the object the demo stored must hold every
 * field of the first.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { kubectl as runKubectl, kubectlFor } from '../support/kubectl.ts';

let demo: DemoCluster;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-protobuf-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
});

after(async () => {
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

const kubectl = kubectlFor(() => demo.kubeconfigPath);

/** The paths and values of every leaf of `expected` that `actual` lacks or holds differently. */
function missing(expected: unknown, actual: unknown, path = ''): string[] {
  if (expected === null || (typeof expected === 'object' && !Array.isArray(expected) && Object.keys(expected).length === 0)) return [];
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return [`${path}: ${JSON.stringify(expected)} ≠ ${JSON.stringify(actual)}`];
    return expected.flatMap((e, i) => missing(e, actual[i], `${path}[${i}]`));
  }
  if (typeof expected === 'object') {
    if (typeof actual !== 'object' || actual === null) return [`${path}: ${JSON.stringify(expected)} ≠ ${JSON.stringify(actual)}`];
    return Object.entries(expected).flatMap(([k, v]) => missing(v, (actual as Record<string, unknown>)[k], `${path}.${k}`));
  }
  return expected === actual ? [] : [`${path}: ${JSON.stringify(expected)} ≠ ${JSON.stringify(actual)}`];
}

const generators: Array<{ create: string[]; get: string[] }> = [
  { create: ['create', 'namespace', 'pb-ns'], get: ['namespace', 'pb-ns'] },
  { create: ['create', 'configmap', 'pb-cm', '-n', 'shop', '--from-literal=a=1', '--from-literal=empty='], get: ['configmap', 'pb-cm', '-n', 'shop'] },
  { create: ['create', 'secret', 'generic', 'pb-secret', '-n', 'shop', '--from-literal=password=hunter2'], get: ['secret', 'pb-secret', '-n', 'shop'] },
  {
    create: ['create', 'secret', 'docker-registry', 'pb-pull', '-n', 'shop', '--docker-server=registry.example.com', '--docker-username=u', '--docker-password=p'],
    get: ['secret', 'pb-pull', '-n', 'shop'],
  },
  { create: ['create', 'serviceaccount', 'pb-sa', '-n', 'shop'], get: ['serviceaccount', 'pb-sa', '-n', 'shop'] },
  // --replicas=0: a pointer set to zero on purpose, which must not be taken for "unset".
  { create: ['create', 'deployment', 'pb-web', '-n', 'shop', '--image=nginx:1.27', '--port=8080', '--replicas=0'], get: ['deployment', 'pb-web', '-n', 'shop'] },
  { create: ['create', 'job', 'pb-job', '-n', 'batch', '--image=busybox:1.37', '--', 'sh', '-c', 'echo hi'], get: ['job', 'pb-job', '-n', 'batch'] },
  // The cron job's whole template, with the owner reference and annotation kubectl adds.
  { create: ['create', 'job', 'pb-manual', '-n', 'batch', '--from=cronjob/heartbeat'], get: ['job', 'pb-manual', '-n', 'batch'] },
  { create: ['create', 'cronjob', 'pb-cron', '-n', 'batch', '--image=busybox:1.37', '--schedule=*/5 * * * *', '--', 'date'], get: ['cronjob', 'pb-cron', '-n', 'batch'] },
  { create: ['create', 'service', 'nodeport', 'pb-np', '-n', 'shop', '--tcp=80:8080', '--node-port=30080'], get: ['service', 'pb-np', '-n', 'shop'] },
  { create: ['create', 'service', 'externalname', 'pb-ext', '-n', 'shop', '--external-name=db.example.com'], get: ['service', 'pb-ext', '-n', 'shop'] },
  { create: ['create', 'quota', 'pb-quota', '-n', 'shop', '--hard=cpu=2,memory=1Gi,pods=10'], get: ['resourcequota', 'pb-quota', '-n', 'shop'] },
  { create: ['create', 'role', 'pb-role', '-n', 'shop', '--verb=get,list', '--resource=pods,deployments.apps'], get: ['role', 'pb-role', '-n', 'shop'] },
  { create: ['create', 'rolebinding', 'pb-rb', '-n', 'shop', '--role=pb-role', '--serviceaccount=shop:pb-sa', '--user=alice'], get: ['rolebinding', 'pb-rb', '-n', 'shop'] },
  { create: ['create', 'clusterrole', 'pb-cr', '--verb=get', '--non-resource-url=/healthz'], get: ['clusterrole', 'pb-cr'] },
  { create: ['create', 'clusterrolebinding', 'pb-crb', '--clusterrole=pb-cr', '--group=ops'], get: ['clusterrolebinding', 'pb-crb'] },
  { create: ['create', 'poddisruptionbudget', 'pb-pdb', '-n', 'shop', '--selector=app=pb-web', '--min-available=50%'], get: ['poddisruptionbudget', 'pb-pdb', '-n', 'shop'] },
  { create: ['create', 'ingress', 'pb-ing', '-n', 'shop', '--rule=shop.example.com/api*=api:8080,tls=shop-cert'], get: ['ingress', 'pb-ing', '-n', 'shop'] },
  // value 0: an int32 JSON always has, which must survive as 0.
  { create: ['create', 'priorityclass', 'pb-pc', '--value=0', '--description=zero'], get: ['priorityclass', 'pb-pc'] },
  // kubectl 1.32 autoscales with autoscaling/v1: read it back in that version.
  { create: ['autoscale', 'deployment', 'pb-web', '-n', 'shop', '--min=1', '--max=4', '--cpu-percent=60'], get: ['horizontalpodautoscalers.v1.autoscaling', 'pb-web', '-n', 'shop'] },
];

for (const { create, get } of generators) {
  test(`kubectl ${create.slice(0, 3).join(' ')}: the object kubectl sent in protobuf is the one it builds as JSON`, async () => {
    // The dry-run flags go before a container command's `--`.
    const end = create.includes('--') ? create.indexOf('--') : create.length;
    const dryRun = [...create.slice(0, end), '--dry-run=client', '-o', 'json', ...create.slice(end)];
    const built = JSON.parse(await kubectl.ok(...dryRun)) as Record<string, unknown>;
    delete built.status;
    const r = await kubectl.run(...create);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const stored = JSON.parse(await kubectl.ok('get', ...get, '-o', 'json')) as Record<string, unknown>;
    assert.deepEqual(missing(built, stored), []);
  });
}

test('a secret’s bytes arrive as they were given (base64 in JSON), its type defaults to Opaque, and a zero replica count stays zero', async () => {
  assert.equal((await kubectl.ok('get', 'secret', 'pb-secret', '-n', 'shop', '-o', 'jsonpath={.data.password} {.type}')).trim(), `${Buffer.from('hunter2').toString('base64')} Opaque`);
  assert.equal((await kubectl.ok('get', 'deployment', 'pb-web', '-n', 'shop', '-o', 'jsonpath={.spec.replicas}')).trim(), '0');
});

test('a kind the demo has no protobuf schema for is refused with a sentence that says to send JSON', async () => {
  // kubectl create token posts a TokenRequest; the demo serves no token subresource, so use a raw
  // protobuf body instead: an envelope naming a kind the schema does not list.
  const typeMeta = Buffer.concat([Buffer.from([0x0a, 2]), Buffer.from('v1'), Buffer.from([0x12, 4]), Buffer.from('Node')]);
  const body = Buffer.concat([Buffer.from('k8s\0', 'latin1'), Buffer.from([0x0a, typeMeta.length]), typeMeta, Buffer.from([0x12, 0])]);
  const res = await fetch(`${demo.server.url}/api/v1/nodes`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${demo.server.token}`, 'Content-Type': 'application/vnd.kubernetes.protobuf' },
    body,
  });
  assert.equal(res.status, 415);
  assert.match(((await res.json()) as { message: string }).message, /cannot decode Node \(v1\) from protobuf; send the object as application\/json/);
});

test('kubectl get priorityclasses prints the two system classes and a created one, defaulted as the server defaults it', async () => {
  const rows = (await kubectl.ok('get', 'pc', '--no-headers'))
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/));
  assert.deepEqual(
    rows.map((r) => [r[0], r[1], r[2], r[4]]),
    [
      ['pb-pc', '0', 'false', 'PreemptLowerPriority'],
      ['system-cluster-critical', '2000000000', 'false', 'PreemptLowerPriority'],
      ['system-node-critical', '2000001000', 'false', 'PreemptLowerPriority'],
    ],
  );
});

test('kubectl create token: a bound service account token the demo then accepts; kubectl’s sentences for a short duration and a missing account', async () => {
  const token = (await kubectl.ok('create', 'token', 'default', '-n', 'shop', '--audience=vault', '--duration=2h')).trim();
  const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { sub: string; aud: string[]; exp: number; iat: number };
  assert.deepEqual([claims.sub, claims.aud, claims.exp - claims.iat], ['system:serviceaccount:shop:default', ['vault'], 7200]);
  // The token alone (no kubeconfig user) reads the cluster.
  const server = demo.server.url.replace(/^http:/, 'https:');
  const asAccount = await runKubectl([`--server=${server}`, '--insecure-skip-tls-verify', `--token=${token}`, 'get', 'ns', 'shop', '-o', 'name'], { kubeconfig: '/dev/null' });
  assert.deepEqual([asAccount.code, asAccount.stdout.trim()], [0, 'namespace/shop'], asAccount.stderr);
  const short = await kubectl.run('create', 'token', 'default', '-n', 'shop', '--duration=5m');
  assert.equal(short.code, 1);
  assert.match(
    short.stderr,
    /^error: failed to create token: TokenRequest\.authentication\.k8s\.io "default" is invalid: spec\.expirationSeconds: Invalid value: 300: may not specify a duration less than 10 minutes$/m,
  );
  const missing = await kubectl.run('create', 'token', 'nobody', '-n', 'shop');
  assert.match(missing.stderr, /^error: failed to create token: serviceaccounts "nobody" not found$/m);
});
