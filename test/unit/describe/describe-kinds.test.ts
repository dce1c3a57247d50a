/**
 * The describe functions on objects captured from a real 1.20 cluster (test/fixtures/real) and on
 * crafted ones, with a fixed clock: sections in kubectl's order and the key lines. (The
 * line-for-line comparison with kubectl itself is test/integration/describe-kubectl.test.ts.)
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describeLoaded, preloadDescribers } from '../../../src/kinds/describe/describe-object.ts';
import { deploymentReplicaSets } from '../../../src/kinds/describe/describe-deployment.ts';
import type { DescribeRelated } from '../../../src/kinds/describe/describe-types.ts';
import { eventQueries } from '../../../src/kinds/describe/fetch-related.ts';
import type { KubeObject } from '../../../src/kube/object.ts';
import { craftedObjects } from './crafted-objects.ts';

const now = Date.parse('2026-11-22T10:00:00Z');
const real = (file: string): KubeObject[] => {
  const body = JSON.parse(readFileSync(new URL(`../../fixtures/real/${file}`, import.meta.url), 'utf8')) as { items?: KubeObject[] } & KubeObject;
  return body.items ?? [body];
};
const find = (list: KubeObject[], name: string): KubeObject => list.find((o) => o.metadata.name === name) ?? assert.fail(`no ${name}`);
await preloadDescribers();
const describe = (object: KubeObject, related: DescribeRelated = {}): string[] => describeLoaded(object, related, now);
/** The lines that start a section (no indent, a label ending in ':'), in order. */
const sections = (lines: readonly string[]): string[] => lines.filter((l) => /^[A-Z][^:]*:/.test(l)).map((l) => l.slice(0, l.indexOf(':')));
const line = (lines: readonly string[], pattern: RegExp): string => lines.find((l) => pattern.test(l)) ?? assert.fail(`no line matching ${pattern} in\n${lines.join('\n')}`);

before(() => {
  process.env['TZ'] = 'UTC';
});

test('real pods: sections in kubectl order, init containers, crash loop state and last state, terminating', () => {
  const pods = real('pods.json');
  const withInit = describe(find(pods, 'with-init'));
  assert.deepEqual(sections(withInit), [
    'Name',
    'Namespace',
    'Priority',
    'Service Account',
    'Node',
    'Start Time',
    'Labels',
    'Annotations',
    'Status',
    'IP',
    'IPs',
    'Init Containers',
    'Containers',
    'Conditions',
    'Volumes',
    'QoS Class',
    'Node-Selectors',
    'Tolerations',
    'Events',
  ]);
  assert.equal(line(withInit, /^Node:/), 'Node:             kx-worker-1/127.0.0.1');
  assert.equal(line(withInit, /^Start Time:/), 'Start Time:       Sun, 22 Nov 2026 09:05:49 +0000');
  assert.ok(withInit.includes('  migrate:') && withInit.includes('  warm-cache:'), 'both init containers');
  assert.match(line(withInit, /^Events:/), /^Events:\s+<none>$/);
  const crash = describe(find(pods, 'crashloop'));
  assert.match(line(crash, /^    State:/), /^    State:\s+Waiting$/);
  assert.match(line(crash, /^      Reason:/), /CrashLoopBackOff$/);
  assert.match(line(crash, /^    Last State:/), /Terminated$/);
  assert.match(line(crash, /^    Restart Count:/), /\s[1-9]\d*$/);
  assert.match(line(crash, /^QoS Class:/), /BestEffort$/);
  assert.match(line(crash, /^    Type:/), /Secret \(a volume populated by a Secret\)$/);
  const held = describe(find(pods, 'held'));
  assert.equal(line(held, /^Status:/), 'Status:                    Terminating (lasts 54m)');
  const owned = describe(find(pods, 'api-cd9d94699-5gght'));
  assert.match(line(owned, /^Controlled By:/), /ReplicaSet\/api-cd9d94699$/);
});

test('real deployment: replicas line, strategy, pod template, conditions, old and new ReplicaSets', () => {
  const d = find(real('deployments.json'), 'api');
  const lines = describe(d, { replicaSets: real('replicasets.json') });
  assert.deepEqual(sections(lines), [
    'Name',
    'Namespace',
    'CreationTimestamp',
    'Labels',
    'Annotations',
    'Selector',
    'Replicas',
    'StrategyType',
    'MinReadySeconds',
    'RollingUpdateStrategy',
    'Pod Template',
    'Conditions',
    'OldReplicaSets',
    'NewReplicaSet',
    'Events',
  ]);
  assert.match(line(lines, /^Replicas:/), /^Replicas:\s+\d+ desired \| \d+ updated \| \d+ total \| \d+ available \| \d+ unavailable$/);
  assert.match(line(lines, /^RollingUpdateStrategy:/), /^RollingUpdateStrategy:\s+\d+%? max unavailable, \d+%? max surge$/);
  const { oldSets, newSet } = deploymentReplicaSets(d, real('replicasets.json'));
  assert.ok(newSet, 'the ReplicaSet with the current template is the new one');
  assert.match(line(lines, /^NewReplicaSet:/), new RegExp(`${newSet.metadata.name} \\(\\d+/\\d+ replicas created\\)$`));
  assert.match(line(lines, /^OldReplicaSets:/), new RegExp(oldSets.map((s) => s.metadata.name).join('|')));
  assert.ok(lines.includes('Pod Template:'));
});

test('real nodes: roles, taints, conditions table, capacity, system info, pods and totals', () => {
  const node = find(real('nodes.json'), 'kx-control-plane');
  const pods = real('pods.json').filter((p) => (p['spec'] as { nodeName?: string }).nodeName === 'kx-control-plane');
  const lines = describe(node, { pods, leaseError: 'leases.coordination.k8s.io "kx-control-plane" not found' });
  assert.equal(line(lines, /^Roles:/), 'Roles:              control-plane,master');
  assert.equal(line(lines, /^Taints:/), 'Taints:             node-role.kubernetes.io/master:NoSchedule');
  assert.match(line(lines, /^  Type\s+Status\s+LastHeartbeatTime/), /Reason\s+Message$/);
  assert.match(line(lines, /^  Kubelet Version:/), /v1\.20\.2$/);
  assert.match(line(lines, /^Non-terminated Pods:/), /\(\d+ in total\)$/);
  assert.match(line(lines, /^  cpu  /), /^  cpu\s+\S+ \(\d+%\)\s+\S+ \(\d+%\)$/);
  assert.ok(sections(lines).indexOf('Lease') < sections(lines).indexOf('Conditions'));
});

test('real services and jobs; generic describe of a custom resource and its CRD', () => {
  const svc = describe(find(real('services.json'), 'api-nodeport'), { endpointSlices: [] });
  assert.match(line(svc, /^Type:/), /NodePort$/);
  assert.match(line(svc, /^NodePort:/), /\d+\/TCP$/);
  assert.match(line(svc, /^Endpoints:/), /<none>$/);
  const job = describe(real('jobs.json')[0]!);
  assert.match(line(job, /^Pods Statuses:/), /\d+ Active .*\/ \d+ Succeeded \/ \d+ Failed$/);
  const ct = describe(real('crontabs.json')[0]!);
  assert.deepEqual(sections(ct).slice(0, 7), ['Name', 'Namespace', 'Labels', 'Annotations', 'API Version', 'Kind', 'Metadata']);
  assert.ok(
    ct.some((l) => /^  Cron Spec:/.test(l)),
    'spec fields with smart labels',
  );
  assert.ok(!ct.some((l) => /Managed Fields/.test(l)), 'managedFields left out');
  const crd = describe(real('crd-crontabs.json')[0]!);
  assert.ok(crd.some((l) => /^      openAPIV3Schema:$/.test(l)));
});

test('crafted pod: sidecar among init containers, env sources, probes, mounts, volumes, readiness gates, events', () => {
  const objects = craftedObjects(now).map((p) => p.object);
  const pod = find(objects, 'full');
  const events = objects.filter((o) => o.kind === 'Event' && (o['involvedObject'] as { name: string }).name === 'full');
  const lines = describe(pod, { events });
  assert.ok(lines.includes('  sidecar:'), 'the restartable init container is listed with the init containers');
  assert.equal(line(lines, /^      MY_LABEL:/), "      MY_LABEL:     backend (v1:metadata.labels['tier'])");
  assert.equal(line(lines, /^      CPU_LIMIT:/), '      CPU_LIMIT:    1500 (limits.cpu)');
  assert.equal(line(lines, /^      MEM_LIMIT:/), '      MEM_LIMIT:    node allocatable (limits.memory)');
  assert.equal(line(lines, /^      MULTI:/), '      MULTI:        line one');
  assert.equal(line(lines, /^    Liveness:/), '    Liveness:           exec [cat /tmp/healthy] delay=3s timeout=2s period=7s #success=1 #failure=4');
  assert.match(line(lines, /^    Readiness:.*https/), /http-get https:\/\/\[::1\]:http\/healthz/);
  assert.equal(line(lines, /^      \/etc\/app/), '      /etc/app from config (ro,path="app.yaml")');
  assert.ok(lines.includes('    Devices:'));
  assert.match(line(lines, /^    SizeLimit:/), /128Mi$/);
  assert.match(line(lines, /^    TokenExpirationSeconds:/), /3607$/);
  assert.match(line(lines, /^  example\.com\/missing /), /<none> $/);
  assert.equal(line(lines, /^QoS Class:/), 'QoS Class:                    Burstable');
  // Oldest last-seen first; an event series has no lastTimestamp, so it sorts before the rest.
  assert.deepEqual(lines.slice(-6), [
    'Events:',
    '  Type     Reason     Age                From               Message',
    '  ----     ------     ----               ----               -------',
    '  Normal   Pulled     24h (x5 over 2d)   kubelet            image pulled',
    '  Normal   Scheduled  3d                 default-scheduler  Successfully assigned crafted/full to node-a',
    '  Warning  BackOff    24h (x42 over 3d)  kubelet            Back-off restarting failed container app',
  ]);
});

test('crafted objects: HPA metrics, secret sizes only, configmap data, quotas, statefulset claims', () => {
  const objects = craftedObjects(now).map((p) => p.object);
  const hpa = describe(
    find(
      objects.filter((o) => o.kind === 'HorizontalPodAutoscaler'),
      'web',
    ),
  );
  assert.match(line(hpa, /resource cpu on pods/), /^  resource cpu on pods  \(as a percentage of request\):\s+82% \(205m\) \/ 70%$/);
  assert.match(line(hpa, /resource memory on pods/), /400Mi \/ 512Mi$/);
  assert.match(line(hpa, /"requests_per_second" on pods/), /<unknown> \/ 1k$/);
  assert.match(line(hpa, /Select Policy: Max/), /^    Select Policy: Max$/);
  assert.match(line(hpa, /^Deployment pods:/), /3 current \/ 4 desired$/);
  const token = describe(find(objects, 'sa-token'));
  assert.equal(token.at(-1), 'token:  47 bytes');
  assert.ok(!token.join('\n').includes('not-a-real-token'));
  const cm = describe(
    find(
      objects.filter((o) => o.kind === 'ConfigMap'),
      'app-config',
    ),
  );
  assert.ok(cm.includes('app.yaml:') && cm.includes('  port: 8080') && cm.includes('logo.png: 7 bytes'));
  const ns = describe(
    find(
      objects.filter((o) => o.kind === 'Namespace'),
      'crafted',
    ),
    {
      resourceQuotas: objects.filter((o) => o.kind === 'ResourceQuota'),
      limitRanges: objects.filter((o) => o.kind === 'LimitRange'),
    },
  );
  assert.ok(ns.includes('Resource Quotas') && ns.includes('Resource Limits'));
  assert.match(line(ns, /^  requests\.cpu/), /1500m\s+4$/);
  assert.match(line(ns, /^ Container\s+cpu/), /-\s+2\s+100m\s+500m\s+-$/);
  const sts = describe(
    find(
      objects.filter((o) => o.kind === 'StatefulSet'),
      'db',
    ),
  );
  assert.match(line(sts, /^  Access Modes:.*ReadOnlyMany/), /\[ReadWriteOnce ReadOnlyMany\]$/);
  assert.match(line(sts, /^  StorageClass:\s+slow$/), /slow/);
  assert.ok(sts.includes('  Capacity:      <default>'));
});

test('event queries: a pod without its kind, a node also by its name as uid, a mirror pod by the static pod uid', () => {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'ns', uid: 'u1' } } as KubeObject;
  assert.deepEqual(eventQueries(pod), [{ namespace: 'ns', fieldSelector: 'involvedObject.name=p,involvedObject.namespace=ns,involvedObject.uid=u1' }]);
  const mirror = { ...pod, metadata: { ...pod.metadata, annotations: { 'kubernetes.io/config.mirror': 'static' } } } as KubeObject;
  assert.match(eventQueries(mirror)[0]!.fieldSelector, /involvedObject\.uid=static$/);
  const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', uid: 'u2' } } as KubeObject;
  assert.deepEqual(
    eventQueries(node).map((q) => q.fieldSelector),
    [
      'involvedObject.kind=Node,involvedObject.name=n1,involvedObject.namespace=,involvedObject.uid=u2',
      'involvedObject.kind=Node,involvedObject.name=n1,involvedObject.namespace=,involvedObject.uid=n1',
    ],
  );
});
