import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeObject } from '../../src/kube/object.ts';
import { startDemoCluster, type DemoCluster } from '../../src/demo/index.ts';
import { waitFor } from '../support/wait-for.ts';
import { kubectl } from '../support/kubectl.ts';

const pods = { group: '', plural: 'pods' };
const deployments = { group: 'apps', plural: 'deployments' };
const replicasets = { group: 'apps', plural: 'replicasets' };

let cluster: DemoCluster;
let dir: string;
let kc: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kx-scenario-'));
  kc = join(dir, 'kubeconfig.yaml');
  cluster = await startDemoCluster({ seed: 7, churn: false, speed: 20, kubeconfigPath: kc });
});

after(async () => {
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
});

const store = () => cluster.server.store;
const podStatus = (p: KubeObject) =>
  (p.status ?? {}) as {
    phase?: string;
    containerStatuses?: { name: string; restartCount: number; ready: boolean; state: Record<string, { reason?: string }> }[];
    conditions?: { type: string; status: string; reason?: string }[];
  };
const appPods = (ns: string, app: string) =>
  store()
    .list(pods, ns)
    .filter((p) => p.metadata.labels?.app === app);
const rsOf = (ns: string, deploy: string) =>
  store()
    .list(replicasets, ns)
    .filter((rs) => rs.metadata.ownerReferences?.some((o) => o.kind === 'Deployment' && o.name === deploy));
const ann = (o: KubeObject, k: string) => o.metadata.annotations?.[k];

test('the seed looks like a current cluster: namespaces, nodes, services, config, CRD objects', () => {
  const nsNames = store()
    .list({ group: '', plural: 'namespaces' })
    .map((n) => n.metadata.name);
  for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease', 'shop', 'payments', 'monitoring', 'batch']) {
    assert.ok(nsNames.includes(ns), ns);
    assert.ok(store().get({ group: '', plural: 'serviceaccounts' }, ns, 'default'), `default SA in ${ns}`);
  }
  const nodes = store().list({ group: '', plural: 'nodes' });
  assert.ok(nodes.length >= 3 && nodes.length <= 5);
  assert.equal(nodes.filter((n) => n.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined).length, 1);
  assert.ok(nodes.some((n) => JSON.stringify(n.spec).includes('"dedicated"')));
  assert.ok(nodes.some((n) => (n.spec as { unschedulable?: boolean }).unschedulable));
  assert.match((nodes[0]?.status as { nodeInfo: { kubeletVersion: string } }).nodeInfo.kubeletVersion, /^v1\.32\./);
  const services = store().list({ group: '', plural: 'services' });
  const types = new Set(services.map((s) => (s.spec as { type?: string }).type));
  for (const t of ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']) assert.ok(types.has(t), t);
  assert.ok(
    services.some((s) => (s.spec as { clusterIP?: string }).clusterIP === 'None'),
    'a headless service',
  );
  for (const s of services) {
    const spec = s.spec as { type?: string; clusterIP?: string };
    if (spec.type !== 'ExternalName' && spec.clusterIP !== 'None') assert.match(spec.clusterIP ?? '', /^10\.96\.\d+\.\d+$/, s.metadata.name);
  }
  const lb = services.find((s) => (s.spec as { type?: string }).type === 'LoadBalancer') as KubeObject;
  assert.match(JSON.stringify(lb.status), /"ip":"\d+\.\d+\.\d+\.\d+"/);
  const ep = store().get({ group: '', plural: 'endpoints' }, 'shop', 'frontend') as KubeObject;
  assert.equal((ep.subsets as { addresses: unknown[] }[])[0]?.addresses.length, 3);
  const secretTypes = new Set(
    store()
      .list({ group: '', plural: 'secrets' })
      .map((s) => s.type),
  );
  for (const t of ['Opaque', 'kubernetes.io/tls', 'kubernetes.io/dockerconfigjson']) assert.ok(secretTypes.has(t), t);
  const tabs = store().list({ group: 'stable.example.com', plural: 'crontabs' });
  assert.ok(tabs.length >= 3);
  const stuck = tabs.find((t) => t.metadata.deletionTimestamp);
  assert.deepEqual(stuck?.metadata.finalizers, ['stable.example.com/cleanup']);
  assert.equal(
    store()
      .list({ group: '', plural: 'persistentvolumeclaims' })
      .filter((p) => (p.status as { phase?: string }).phase === 'Bound').length >= 2,
    true,
  );
});

test('the seed has the interesting pods: crash loop, image pull failure, unschedulable, init + sidecar, old ages', () => {
  const scorer = appPods('payments', 'fraud-scorer')[0] as KubeObject;
  const cs = podStatus(scorer).containerStatuses?.[0];
  assert.ok((cs?.restartCount ?? 0) > 10, 'a days-old crash loop has many restarts');
  assert.ok(cs?.state.waiting?.reason === 'CrashLoopBackOff' || cs?.state.running || cs?.state.terminated);
  const legacy = appPods('shop', 'legacy-reports')[0] as KubeObject;
  assert.match(podStatus(legacy).containerStatuses?.[0]?.state.waiting?.reason ?? '', /ImagePullBackOff|ErrImagePull/);
  const gpu = store().get(pods, 'batch', 'gpu-trainer') as KubeObject;
  const scheduled = podStatus(gpu).conditions?.find((c) => c.type === 'PodScheduled');
  assert.equal(scheduled?.status, 'False');
  assert.equal(scheduled?.reason, 'Unschedulable');
  const api = appPods('shop', 'api')[0] as KubeObject;
  const inits = (api.status as { initContainerStatuses: { name: string; state: Record<string, { reason?: string }> }[] }).initContainerStatuses;
  assert.equal(inits[0]?.state.terminated?.reason, 'Completed');
  assert.ok(inits[1]?.state.running, 'the native sidecar keeps running');
  const ageDays = (Date.now() - Date.parse(api.metadata.creationTimestamp ?? '')) / 86_400_000;
  assert.ok(ageDays > 1, 'seeded pods are days old');
  const frontend = store().get(deployments, 'shop', 'frontend') as KubeObject;
  assert.equal(ann(frontend, 'deployment.kubernetes.io/revision'), '3');
  assert.deepEqual(
    rsOf('shop', 'frontend')
      .map((rs) => ann(rs, 'deployment.kubernetes.io/revision'))
      .sort(),
    ['1', '2', '3'],
  );
  const ds = store().get({ group: 'apps', plural: 'daemonsets' }, 'monitoring', 'fluent-bit') as KubeObject;
  const nodes = store().list({ group: '', plural: 'nodes' }).length;
  assert.ok((ds.status as { desiredNumberScheduled: number }).desiredNumberScheduled < nodes, 'fluent-bit skips the tainted nodes');
});

test('a rolling update creates a new ReplicaSet and scales the old one to 0, with revisions', async () => {
  const before = rsOf('shop', 'cart');
  assert.equal(before.length, 1);
  store().mutate(deployments, 'shop', 'cart', (d) => {
    const t = (d.spec as { template: { spec: { containers: { image: string }[] } } }).template;
    (t.spec.containers[0] as { image: string }).image = 'ghcr.io/acme/cart:1.10.0';
  });
  const done = await waitFor('cart rollout', () => {
    const d = store().get(deployments, 'shop', 'cart') as KubeObject;
    const st = d.status as { observedGeneration?: number; updatedReplicas?: number; availableReplicas?: number; replicas?: number; conditions?: { type: string; reason: string }[] };
    const want = (d.spec as { replicas: number }).replicas;
    return (
      (st.observedGeneration ?? 0) >= (d.metadata.generation ?? 1) &&
      st.updatedReplicas === want &&
      st.availableReplicas === want &&
      st.replicas === want &&
      st.conditions?.find((c) => c.type === 'Progressing')?.reason === 'NewReplicaSetAvailable' &&
      d
    );
  });
  const after = rsOf('shop', 'cart');
  assert.equal(after.length, 2);
  const old = after.find((rs) => rs.metadata.uid === before[0]?.metadata.uid) as KubeObject;
  const fresh = after.find((rs) => rs.metadata.uid !== before[0]?.metadata.uid) as KubeObject;
  assert.equal((old.spec as { replicas: number }).replicas, 0);
  assert.equal(ann(fresh, 'deployment.kubernetes.io/revision'), '2');
  assert.equal(ann(done, 'deployment.kubernetes.io/revision'), '2');
  const hash = fresh.metadata.labels?.['pod-template-hash'];
  assert.equal(fresh.metadata.name, `cart-${hash}`);
  const events = store()
    .list({ group: '', plural: 'events' }, 'shop')
    .filter((e) => e.reason === 'ScalingReplicaSet' && String(e.message).includes(fresh.metadata.name));
  assert.ok(events.length > 0, 'ScalingReplicaSet events');
});

test('scaling a deployment changes its pod count', async () => {
  store().mutate(deployments, 'payments', 'payments-api', (d) => {
    (d.spec as { replicas: number }).replicas = 4;
  });
  await waitFor('4 running payments-api pods', () => appPods('payments', 'payments-api').filter((p) => !p.metadata.deletionTimestamp && podStatus(p).phase === 'Running').length === 4);
  store().mutate(deployments, 'payments', 'payments-api', (d) => {
    (d.spec as { replicas: number }).replicas = 1;
  });
  await waitFor('1 payments-api pod', () => appPods('payments', 'payments-api').length === 1);
});

test('a pod deleted with a grace period is marked, then gone, and replaced', async () => {
  const victim = appPods('shop', 'frontend')[0] as KubeObject;
  const marked = store().delete(pods, 'shop', victim.metadata.name);
  assert.ok(marked?.metadata.deletionTimestamp, 'graceful deletion marks first');
  await waitFor('pod gone', () => !store().get(pods, 'shop', victim.metadata.name));
  await waitFor('replacement ready', () => appPods('shop', 'frontend').filter((p) => podStatus(p).conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length === 3);
});

test('a crash-looping container restarts with back-off', async () => {
  store().create(pods, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'crashy', namespace: 'default', uid: '' },
    spec: { containers: [{ name: 'app', image: 'ghcr.io/acme/fraud-scorer:0.9.2' }] },
  });
  const restarts = () => podStatus(store().get(pods, 'default', 'crashy') as KubeObject).containerStatuses?.[0]?.restartCount ?? 0;
  await waitFor('a restart', () => restarts() >= 1);
  await waitFor('CrashLoopBackOff', () => podStatus(store().get(pods, 'default', 'crashy') as KubeObject).containerStatuses?.[0]?.state.waiting?.reason === 'CrashLoopBackOff');
  await waitFor('more restarts', () => restarts() >= 2);
  const events = store()
    .list({ group: '', plural: 'events' }, 'default')
    .filter((e) => e.reason === 'BackOff' && (e.involvedObject as { name: string }).name === 'crashy');
  assert.equal(events[0]?.type, 'Warning');
});

test('deleting a deployment garbage-collects its ReplicaSets and pods', async () => {
  assert.ok(rsOf('monitoring', 'grafana').length > 0);
  store().delete(deployments, 'monitoring', 'grafana');
  await waitFor('grafana RS gone', () => rsOf('monitoring', 'grafana').length === 0);
  await waitFor('grafana pods gone', () => appPods('monitoring', 'grafana').length === 0);
});

test('kubectl logs -f gets new lines as the container writes them', async () => {
  const pod = appPods('shop', 'frontend').find((p) => podStatus(p).phase === 'Running') as KubeObject;
  const lines = await new Promise<string[]>((resolve) => {
    const child = execFile('kubectl', ['--kubeconfig', kc, 'logs', '-f', '--tail=1', '-n', 'shop', pod.metadata.name]);
    let out = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    setTimeout(() => {
      child.kill();
      resolve(out.split('\n').filter(Boolean));
    }, 1500);
  });
  assert.ok(lines.length >= 3, `followed lines: ${lines.length}`);
  assert.match(lines.at(-1) ?? '', /HTTP\/1\.1" \d{3}/);
});

test('kubectl exec runs the built-in shell, and a distroless container has no sh', async () => {
  const hi = await kubectl(['exec', '-n', 'default', 'debug-shell', '--', 'echo', 'hi'], { kubeconfig: kc });
  assert.equal(hi.code, 0, hi.stderr);
  assert.equal(hi.stdout, 'hi\n');
  const script = await kubectl(['exec', '-n', 'default', 'debug-shell', '--', 'sh', '-c', 'echo $HOSTNAME; nope'], { kubeconfig: kc });
  assert.equal(script.stdout, 'debug-shell\n');
  assert.notEqual(script.code, 0);
  assert.match(script.stderr, /nope: command not found/);
  const ledger = appPods('payments', 'ledger')[0] as KubeObject;
  const sh = await kubectl(['exec', '-n', 'payments', ledger.metadata.name, '--', 'sh'], { kubeconfig: kc });
  assert.notEqual(sh.code, 0);
  assert.match(sh.stdout + sh.stderr, /exec: "sh": executable file not found in \$PATH/);
  const waiting = appPods('shop', 'legacy-reports')[0] as KubeObject;
  const logs = await kubectl(['logs', '-n', 'shop', waiting.metadata.name], { kubeconfig: kc });
  assert.notEqual(logs.code, 0);
  assert.match(logs.stderr, /is waiting to start: trying and failing to pull image/);
});
