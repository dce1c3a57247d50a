/**
 * kx's describe against a real Kubernetes 1.20 control plane (fake kubelet), with kubectl 1.32's
 * describe of the same objects as the oracle: a Deployment mid-history (old and new ReplicaSets,
 * events), one of its pods, and a Node with its lease and pods. Ages and heartbeat times differ
 * by when each side looked; everything else must be the same text.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeObject } from '../../src/kinds/describe/describe-object.ts';
import { fetchObject, fetchRelated } from '../../src/kinds/describe/fetch-related.ts';
import { discover, type DiscoveryResult } from '../../src/kube/discovery.ts';
import { loadKubeconfig } from '../../src/kube/kubeconfig.ts';
import { resolveResource } from '../../src/kube/resource-resolver.ts';
import { openSession, type KubeSession } from '../../src/kube/session.ts';
import { startControlPlane, type ControlPlane } from './cluster/control-plane.ts';
import { getJson, kubectlOk } from '../support/kubectl.ts';

let cp: ControlPlane;
let session: KubeSession;
let discovery: DiscoveryResult;

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' }, annotations: { 'kubernetes.io/change-cause': 'first' } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        initContainers: [{ name: 'migrate', image: 'shop/migrate:1', command: ['sh', '-c', 'sleep 0.2'] }],
        containers: [
          {
            name: 'web',
            image: 'nginx:1.26',
            ports: [{ containerPort: 80 }],
            env: [
              { name: 'MODE', value: 'prod' },
              { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
            ],
            resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } },
            readinessProbe: { httpGet: { path: '/healthz', port: 80 } },
          },
        ],
        tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' }],
      },
    },
  },
};

before(async () => {
  cp = await startControlPlane({ fakeKubelet: true });
  const k = { kubeconfig: cp.kubeconfigPath };
  await kubectlOk(['create', 'namespace', 'shop'], k);
  await kubectlOk(['apply', '-f', '-'], { ...k, input: JSON.stringify(deployment) });
  await kubectlOk(['rollout', 'status', 'deployment/web', '-n', 'shop', '--timeout=60s'], k);
  // A second revision: an old and a new ReplicaSet, and scaling events.
  await kubectlOk(['set', 'image', 'deployment/web', 'web=nginx:1.27', '-n', 'shop'], k);
  await kubectlOk(['rollout', 'status', 'deployment/web', '-n', 'shop', '--timeout=60s'], k);
  session = await openSession(loadKubeconfig({ kubeconfig: cp.kubeconfigPath }));
  discovery = await discover(session.client);
});

after(async () => {
  await session?.close();
  await cp?.stop();
});

async function kxDescribe(kind: string, namespace: string, name: string): Promise<string[]> {
  const object = await fetchObject(session.client, resolveResource(discovery, kind), namespace, name);
  const related = await fetchRelated(session.client, object, new AbortController().signal);
  return describeObject(object, related, Date.now());
}

async function kubectlDescribe(kind: string, namespace: string, name: string): Promise<string[]> {
  const out = await kubectlOk(['describe', kind, name, ...(namespace ? ['-n', namespace] : [])], { kubeconfig: cp.kubeconfigPath });
  return out.replace(/\n+$/, '').split('\n');
}

/**
 * Ages and times move while the two sides look (heartbeats every 10 s, lease renewals): replace
 * them and let those lines' spacing float. kubectl resolves only metadata.name/namespace fieldRef
 * values; kx resolves them all, so the resolved value is left out.
 */
function normalise(lines: readonly string[]): string[] {
  return lines.map((line) => {
    const fieldRef = line.replace(/:\s+(?:\S+ )?\((v1:(?!metadata\.name\)|metadata\.namespace\))[^)]*)\)$/, ': ($1)');
    const timed = fieldRef.replace(/\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d [+-]\d{4}/g, '<time>').replace(/\b\d+[smhdy](?:\d+[smhd])?\b/g, '<age>');
    return (timed === fieldRef ? fieldRef : timed.replace(/\s{2,}/g, '  ')).replace(/\s+$/, '');
  });
}

/** kubectl and kx a moment apart; a heartbeat between them can change a line, so look again once. */
async function compare(kind: string, namespace: string, name: string): Promise<string[]> {
  let last: { kx: string[]; kubectl: string[] } | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const expected = normalise(await kubectlDescribe(kind, namespace, name));
    const got = normalise(await kxDescribe(kind, namespace, name));
    if (JSON.stringify(got) === JSON.stringify(expected)) return got;
    last = { kx: got, kubectl: expected };
  }
  assert.deepEqual(last!.kx, last!.kubectl, `${kind} ${namespace}/${name}`);
  return last!.kx;
}

test('describe deployment: the same text as kubectl, with both ReplicaSets and the scaling events', async () => {
  const lines = await compare('deployment', 'shop', 'web');
  assert.ok(lines.some((l) => /^Replicas:\s+2 desired \| 2 updated \| 2 total \| 2 available \| 0 unavailable$/.test(l)));
  assert.ok(
    lines.some((l) => /^OldReplicaSets:\s+web-\w+ \(0\/0 replicas created\)$/.test(l)),
    'the first revision, scaled to zero',
  );
  assert.ok(lines.some((l) => /^NewReplicaSet:\s+web-\w+ \(2\/2 replicas created\)$/.test(l)));
  assert.ok(
    lines.some((l) => /ScalingReplicaSet .*deployment-controller/.test(l)),
    "the deployment controller's events",
  );
});

test('describe pod and node: the same text as kubectl (init container, conditions, lease, pods on the node)', async () => {
  const pods = await getJson<{ items: { metadata: { name: string; deletionTimestamp?: string }; spec: { nodeName: string } }[] }>(
    ['pods', '-n', 'shop', '-l', 'app=web', '--field-selector=status.phase=Running'],
    cp.kubeconfigPath,
  );
  // Not one of the first revision's pods on its way out: it could be gone before the node is described.
  const pod = pods.items.find((p) => !p.metadata.deletionTimestamp) ?? pods.items[0]!;
  const podLines = await compare('pod', 'shop', pod.metadata.name);
  assert.ok(podLines.includes('Init Containers:'));
  assert.ok(podLines.some((l) => /^Controlled By:\s+ReplicaSet\/web-/.test(l)));
  const nodeLines = await compare('node', '', pod.spec.nodeName);
  assert.ok(
    nodeLines.some((l) => /^Lease:$/.test(l)),
    'the node lease the fake kubelet renews',
  );
  assert.ok(
    nodeLines.some((l) => l.includes(pod.metadata.name)),
    'the pod is among the non-terminated pods',
  );
  assert.ok(nodeLines.some((l) => /^  cpu\s/.test(l)));
});

test('describe service on 1.20: kubectl 1.32 finds no v1 EndpointSlices and says <none>; kx reads the Endpoints', async () => {
  const k = { kubeconfig: cp.kubeconfigPath };
  await kubectlOk(['expose', 'deployment/web', '-n', 'shop', '--port=8080', '--target-port=80'], k);
  const deadline = Date.now() + 30_000;
  let kx: string[] = [];
  while (Date.now() < deadline) {
    kx = await kxDescribe('service', 'shop', 'web');
    if (kx.some((l) => /^Endpoints:\s+\d+\.\d+\.\d+\.\d+:80,/.test(l))) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.ok(
    kx.some((l) => /^Endpoints:\s+\d+\.\d+\.\d+\.\d+:80,\d+\.\d+\.\d+\.\d+:80$/.test(l)),
    kx.join('\n'),
  );
  const kubectl = await kubectlDescribe('service', 'shop', 'web');
  assert.ok(
    kubectl.some((l) => /^Endpoints:\s+<none>$/.test(l)),
    kubectl.join('\n'),
  );
  const differs = (l: string) => l.startsWith('Endpoints:');
  assert.deepEqual(normalise(kx.filter((l) => !differs(l))), normalise(kubectl.filter((l) => !differs(l))));
});
