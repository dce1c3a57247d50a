/**
 * The demo's server-side tables for the kinds kx shows through them (no kx module of their own):
 * `kubectl get` prints the API server's columns and cells for budgets, network policies, service
 * accounts, bindings, storage and ingress classes, volumes, endpoint slices and leases, and a
 * budget's ALLOWED DISRUPTIONS follows its pods as the disruption controller keeps it.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { apply, kubectlFor } from '../support/kubectl.ts';
import { waitFor } from '../support/wait-for.ts';

let demo: DemoCluster;
let dir: string;
const kubectl = kubectlFor(() => demo.kubeconfigPath);
/** kubectl apply of objects, as one v1 List. */
const applyAll = (items: unknown[]) => apply({ apiVersion: 'v1', kind: 'List', items }, demo.kubeconfigPath);

const manifests = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'tables' } },
  { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'app', namespace: 'tables' } },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'app-view', namespace: 'tables' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
    subjects: [
      { kind: 'User', name: 'alice', apiGroup: 'rbac.authorization.k8s.io' },
      { kind: 'Group', name: 'ops', apiGroup: 'rbac.authorization.k8s.io' },
      { kind: 'ServiceAccount', name: 'app', namespace: 'tables' },
    ],
  },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'tables' },
    spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
  },
  { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web', namespace: 'tables' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'web' } } } },
  { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny-all', namespace: 'tables' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } },
  { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'web-only', namespace: 'tables' }, spec: { podSelector: { matchLabels: { app: 'web' } } } },
];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-tables-'));
  demo = await startDemoCluster({ churn: false, kubeconfigPath: join(dir, 'config') });
  await applyAll(manifests);
});

after(async () => {
  await demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Each line of kubectl's table split on its column gaps, the AGE cell dropped where named. */
async function table(...args: string[]): Promise<string[][]> {
  return (await kubectl.ok('get', ...args))
    .trimEnd()
    .split('\n')
    .map((line) => line.trim().split(/\s{2,}/));
}

test('a budget prints its spec and the disruptions its pods allow now, and follows them', async () => {
  await waitFor('web ready', async () => (await kubectl.ok('get', 'deploy', 'web', '-n', 'tables', '-o', 'jsonpath={.status.readyReplicas}')).trim() === '2' || undefined, 30_000, 200);
  const rows = await waitFor(
    'budget status',
    async () => {
      const t = await table('pdb', '-n', 'tables');
      return t[1]?.[3] === '1' ? t : undefined;
    },
    30_000,
    200,
  );
  assert.deepEqual(rows[0], ['NAME', 'MIN AVAILABLE', 'MAX UNAVAILABLE', 'ALLOWED DISRUPTIONS', 'AGE']);
  assert.deepEqual(rows[1]?.slice(0, 4), ['web', '1', 'N/A', '1']);
  await kubectl.ok('scale', 'deploy', 'web', '-n', 'tables', '--replicas=1');
  await waitFor('no disruption allowed', async () => ((await table('pdb', '-n', 'tables'))[1]?.[3] === '0' ? true : undefined), 30_000, 200);
  assert.equal((await kubectl.ok('get', 'pdb', 'web', '-n', 'tables', '-o', 'jsonpath={.status.conditions[0].reason}')).trim(), 'InsufficientPods');
});

test('network policies, service accounts and bindings print the server’s columns', async () => {
  const policies = await table('netpol', '-n', 'tables');
  assert.deepEqual(
    policies.map((r) => r.slice(0, 2)),
    [
      ['NAME', 'POD-SELECTOR'],
      ['deny-all', '<none>'],
      ['web-only', 'app=web'],
    ],
  );
  const accounts = await table('sa', 'app', '-n', 'tables');
  assert.deepEqual(
    accounts.map((r) => r.slice(0, 2)),
    [
      ['NAME', 'SECRETS'],
      ['app', '0'],
    ],
  );
  const bindings = await table('rolebinding', 'app-view', '-n', 'tables', '-o', 'wide');
  assert.deepEqual(bindings[0], ['NAME', 'ROLE', 'AGE', 'USERS', 'GROUPS', 'SERVICEACCOUNTS']);
  assert.deepEqual([bindings[1]?.[0], bindings[1]?.[1], ...(bindings[1]?.slice(3) ?? [])], ['app-view', 'ClusterRole/view', 'alice', 'ops', 'tables:app']);
});

test('storage classes, ingress classes, volumes, endpoint slices and leases print the server’s columns', async () => {
  assert.deepEqual(
    (await table('sc')).map((r) => r.filter((_, i) => i !== 5)),
    [
      ['NAME', 'PROVISIONER', 'RECLAIMPOLICY', 'VOLUMEBINDINGMODE', 'ALLOWVOLUMEEXPANSION'],
      ['standard (default)', 'rancher.io/local-path', 'Delete', 'WaitForFirstConsumer', 'false'],
    ],
  );
  assert.deepEqual(
    (await table('ingressclass')).map((r) => r.slice(0, 3)),
    [
      ['NAME', 'CONTROLLER', 'PARAMETERS'],
      ['nginx', 'k8s.io/ingress-nginx', '<none>'],
    ],
  );
  const volumes = await table('pv', '-o', 'wide');
  assert.deepEqual(volumes[0], ['NAME', 'CAPACITY', 'ACCESS MODES', 'RECLAIM POLICY', 'STATUS', 'CLAIM', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'REASON', 'AGE', 'VOLUMEMODE']);
  // The seeded NFS volume: its empty REASON cell leaves one gap fewer.
  assert.deepEqual(volumes[1]?.slice(0, 8), ['nfs-archive', '100Gi', 'RWX', 'Retain', 'Bound', 'batch/archive', 'nfs', '<unset>']);
  const slices = await table('endpointslices', '-n', 'kube-system');
  assert.deepEqual(slices[0], ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE']);
  const dnsPods = (await kubectl.ok('get', 'pods', '-n', 'kube-system', '-l', 'app=coredns', '-o', 'jsonpath={.items[*].status.podIP}')).trim().split(' ').sort();
  assert.equal(slices[1]?.[1], 'IPv4');
  assert.deepEqual(slices[1]?.[3]?.split(',').sort(), dnsPods);
  const leases = await table('lease', '-n', 'kube-node-lease');
  assert.deepEqual(leases[0], ['NAME', 'HOLDER', 'AGE']);
  assert.ok(
    leases.slice(1).every((r) => r[0] === r[1]),
    'each node holds its own lease',
  );
});

test('what cluster add-ons install applies and lists as on a real server; kubectl certificate approve marks a request', async () => {
  const request = Buffer.from('-----BEGIN CERTIFICATE REQUEST-----\nMIIBVTCBvwIBADAWMRQwEgYDVQQDDAtib2ItdGhlLXVzZXIwgZ8wDQYJKoZIhvcN\n-----END CERTIFICATE REQUEST-----\n').toString('base64');
  const addons = [
    {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingWebhookConfiguration',
      metadata: { name: 'ingress-admission' },
      webhooks: [
        {
          name: 'validate.ingress.example.com',
          admissionReviewVersions: ['v1'],
          sideEffects: 'None',
          clientConfig: { service: { name: 'admission', namespace: 'ingress', path: '/validate' } },
          rules: [{ apiGroups: ['networking.k8s.io'], apiVersions: ['v1'], operations: ['CREATE'], resources: ['ingresses'] }],
        },
      ],
    },
    { apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: { name: 'gvisor' }, handler: 'runsc' },
    { apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver', metadata: { name: 'ebs.csi.aws.com' }, spec: { podInfoOnMount: true } },
    {
      apiVersion: 'v1',
      kind: 'PodTemplate',
      metadata: { name: 'tpl', namespace: 'tables' },
      template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } },
    },
    {
      apiVersion: 'certificates.k8s.io/v1',
      kind: 'CertificateSigningRequest',
      metadata: { name: 'bob' },
      spec: { request, signerName: 'kubernetes.io/kube-apiserver-client', expirationSeconds: 86400, usages: ['client auth'] },
    },
  ];
  await applyAll(addons);
  assert.deepEqual(
    (await table('validatingwebhookconfigurations')).map((r) => r.slice(0, 2)),
    [
      ['NAME', 'WEBHOOKS'],
      ['ingress-admission', '1'],
    ],
  );
  assert.deepEqual(
    (await table('runtimeclass')).map((r) => r.slice(0, 2)),
    [
      ['NAME', 'HANDLER'],
      ['gvisor', 'runsc'],
    ],
  );
  // The driver's defaults (attach required, Persistent mode) are the server's.
  assert.deepEqual(
    (await table('csidriver')).map((r) => r.slice(0, 7)),
    [
      ['NAME', 'ATTACHREQUIRED', 'PODINFOONMOUNT', 'STORAGECAPACITY', 'TOKENREQUESTS', 'REQUIRESREPUBLISH', 'MODES'],
      ['ebs.csi.aws.com', 'true', 'true', 'false', '<unset>', 'false', 'Persistent'],
    ],
  );
  assert.deepEqual(await table('podtemplates', '-n', 'tables'), [
    ['NAME', 'CONTAINERS', 'IMAGES', 'POD LABELS'],
    ['tpl', 'c', 'nginx:1.27', 'app=x'],
  ]);
  const pending = await table('csr', 'bob');
  assert.deepEqual(pending[0], ['NAME', 'AGE', 'SIGNERNAME', 'REQUESTOR', 'REQUESTEDDURATION', 'CONDITION']);
  assert.deepEqual([pending[1]?.[0], ...(pending[1]?.slice(2) ?? [])], ['bob', 'kubernetes.io/kube-apiserver-client', 'kx-demo-admin', '24h', 'Pending']);
  // kubectl certificate approve sends the request back in protobuf through the approval subresource.
  assert.equal(await kubectl.ok('certificate', 'approve', 'bob'), 'certificatesigningrequest.certificates.k8s.io/bob approved\n');
  assert.equal((await table('csr', 'bob'))[1]?.[5], 'Approved');
});

test('field selectors of apps, batch and services: the objects whose fields match, as the registries select them', async () => {
  const names = async (...args: string[]) =>
    (await kubectl.ok('get', ...args, '-A', '-o', 'jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.name}{"\\n"}{end}')).trim().split('\n').filter(Boolean).sort();
  type Item = { metadata: { namespace: string; name: string }; spec?: { type?: string; clusterIP?: string }; status?: { replicas?: number; succeeded?: number } };
  const all = async (resource: string) => (JSON.parse(await kubectl.ok('get', resource, '-A', '-o', 'json')) as { items: Item[] }).items;
  const key = (i: Item) => `${i.metadata.namespace}/${i.metadata.name}`;
  const cases: Array<[string, string, (i: Item) => boolean]> = [
    ['replicasets', 'status.replicas=0', (i) => (i.status?.replicas ?? 0) === 0],
    ['jobs', 'status.successful=1', (i) => (i.status?.succeeded ?? 0) === 1],
    ['services', 'spec.type=LoadBalancer', (i) => i.spec?.type === 'LoadBalancer'],
    ['services', 'spec.clusterIP=None', (i) => i.spec?.clusterIP === 'None'],
  ];
  for (const [resource, selector, keep] of cases) {
    const expected = (await all(resource)).filter(keep).map(key).sort();
    assert.ok(expected.length > 0, `${resource} ${selector}: the demo has some`);
    assert.deepEqual(await names(resource, '--field-selector', selector), expected, `${resource} ${selector}`);
  }
  const unsupported = await kubectl.run('get', 'deployments', '-A', '--field-selector', 'status.replicas=1');
  assert.match(unsupported.stderr, /field label not supported: status\.replicas/);
});

test('a quota’s status counts what its namespace holds, as the quota controller keeps it; kubectl get quota prints REQUEST and LIMIT', async () => {
  const manifests = [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'quota' } },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'app', namespace: 'quota' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'q' } },
        template: {
          metadata: { labels: { app: 'q' } },
          spec: { containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { memory: '128Mi' } } }] },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'team', namespace: 'quota' },
      spec: { hard: { 'requests.cpu': '1', 'requests.memory': '1Gi', 'limits.memory': '2Gi', pods: '5', 'count/deployments.apps': '2', services: '1' } },
    },
  ];
  await applyAll(manifests);
  const row = (expected: string[]) =>
    waitFor(
      `quota ${expected.join(' | ')}`,
      async () => {
        const t = await table('quota', '-n', 'quota');
        return t[1]?.[2] === expected[0] && t[1]?.[3] === expected[1] ? t : undefined;
      },
      30_000,
      200,
    );
  const first = await row(['count/deployments.apps: 1/2, pods: 2/5, requests.cpu: 500m/1, requests.memory: 128Mi/1Gi, services: 0/1', 'limits.memory: 256Mi/2Gi']);
  assert.deepEqual(first[0], ['NAME', 'AGE', 'REQUEST', 'LIMIT']);
  await kubectl.ok('scale', 'deploy', 'app', '-n', 'quota', '--replicas=3');
  await row(['count/deployments.apps: 1/2, pods: 3/5, requests.cpu: 750m/1, requests.memory: 192Mi/1Gi, services: 0/1', 'limits.memory: 384Mi/2Gi']);
});

test('a claim gets the default class, waits for its first consumer, then a volume pvc-UID bound to it, which goes with it', async () => {
  const claimOf = async () =>
    JSON.parse(await kubectl.ok('get', 'pvc', 'scratch', '-n', 'tables', '-o', 'json')) as {
      metadata: { uid: string };
      spec: { storageClassName?: string; volumeName?: string; volumeMode?: string };
      status?: { phase?: string };
    };
  await applyAll([
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'scratch', namespace: 'tables' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '2Gi' } } },
    },
  ]);
  const pending = await claimOf();
  assert.deepEqual([pending.spec.storageClassName, pending.spec.volumeMode, pending.status?.phase, pending.spec.volumeName], ['standard', 'Filesystem', 'Pending', undefined]);
  await applyAll([
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'consumer', namespace: 'tables' },
      spec: { containers: [{ name: 'c', image: 'busybox:1.37', command: ['sleep', 'infinity'] }], volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'scratch' } }] },
    },
  ]);
  const bound = await waitFor(
    'claim bound',
    async () => {
      const c = await claimOf();
      return c.status?.phase === 'Bound' ? c : undefined;
    },
    30_000,
    200,
  );
  const volume = `pvc-${bound.metadata.uid}`;
  assert.equal(bound.spec.volumeName, volume);
  const row = (await table('pv', volume))[1];
  assert.deepEqual([row?.[0], row?.[1], row?.[2], row?.[3], row?.[4], row?.[5], row?.[6]], [volume, '2Gi', 'RWO', 'Delete', 'Bound', 'tables/scratch', 'standard']);
  // Every claim of the provisioned class has its volume (the StatefulSets' too), bound back to it.
  const claims = (
    JSON.parse(await kubectl.ok('get', 'pvc', '-A', '-o', 'json')) as { items: { metadata: { namespace: string; name: string }; spec: { storageClassName?: string; volumeName?: string } }[] }
  ).items;
  const volumes = new Map(
    (JSON.parse(await kubectl.ok('get', 'pv', '-o', 'json')) as { items: { metadata: { name: string }; spec: { claimRef?: { namespace: string; name: string } } }[] }).items.map((v) => [
      v.metadata.name,
      v.spec.claimRef,
    ]),
  );
  for (const c of claims.filter((x) => x.spec.storageClassName === 'standard')) {
    const ref = volumes.get(c.spec.volumeName ?? '');
    assert.deepEqual([ref?.namespace, ref?.name], [c.metadata.namespace, c.metadata.name], `${c.metadata.namespace}/${c.metadata.name}`);
  }
  await kubectl.ok('delete', 'pod', 'consumer', '-n', 'tables', '--grace-period=0', '--force');
  await kubectl.ok('delete', 'pvc', 'scratch', '-n', 'tables');
  await waitFor('volume deleted', async () => ((await kubectl.run('get', 'pv', volume)).code !== 0 ? true : undefined), 30_000, 200);
});
