/**
 * views.yaml's JSONPath columns next to `kubectl get -o custom-columns` on the same objects of the
 * demo server (pods captured from a real cluster plus crafted ones): every cell the same, the same
 * refusal where kubectl stops on an object, and the same message for an expression that does not parse.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startDemoSetup, type DemoSetup } from '../support/demo-server-setup.ts';
import { kubectlFor } from '../support/kubectl.ts';
import type { KubeObject } from '../../src/kube/object.ts';
import { JsonPathSyntaxError, parseColumnPath } from '../../src/kinds/jsonpath/jsonpath-parse.ts';
import { customColumnCell, JsonPathEvalError } from '../../src/kinds/jsonpath/jsonpath-eval.ts';
import { loadObjects } from '../unit/describe/crafted-objects.ts';

let demo: DemoSetup;
const kubectl = kubectlFor(() => demo.kubeconfig);

const real = (file: string): KubeObject[] => (JSON.parse(readFileSync(new URL(`../fixtures/real/${file}`, import.meta.url), 'utf8')) as { items: KubeObject[] }).items;

/** Two-container pods with the labels, ports and fields the expressions below reach. */
function craftedPod(name: string, zone: string | undefined): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, uid: '', namespace: 'shop', labels: { app: 'web', ...(zone ? { 'topology.kubernetes.io/zone': zone } : {}) }, annotations: { 'kx.test/ratio': '0.5' } },
    spec: {
      terminationGracePeriodSeconds: 45,
      containers: [
        {
          name: 'main',
          image: `nginx:${name}`,
          ports: [
            { containerPort: 80, protocol: 'TCP' },
            { containerPort: 8443, name: 'https', protocol: 'TCP' },
          ],
          resources: { limits: { cpu: '500m', memory: '128Mi' } },
        },
        { name: 'sidecar', image: 'envoy:1.30', stdin: true },
      ],
    },
  };
}

before(async () => {
  demo = await startDemoSetup();
  loadObjects(demo.server.store, [
    { resource: { group: '', plural: 'namespaces' }, object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', uid: '' } } },
    ...real('nodes.json').map((object) => ({ resource: { group: '', plural: 'nodes' }, object })),
    ...real('pods.json').map((object) => ({ resource: { group: '', plural: 'pods' }, object })),
    { resource: { group: '', plural: 'pods' }, object: craftedPod('zz-web-a', 'eu-west-1a') },
    { resource: { group: '', plural: 'pods' }, object: craftedPod('zz-web-b', undefined) },
  ]);
});

after(async () => {
  await demo.close();
});

/** The objects `kubectl get <what>` lists, in its order, and the custom-columns cells for `expr`. */
async function bothSides(what: string[], expr: string): Promise<{ objects: KubeObject[]; cells: string[] }> {
  const list = JSON.parse(await kubectl.ok('get', ...what, '-o', 'json')) as { items: KubeObject[] };
  const out = await kubectl.ok('get', ...what, '--no-headers', '-o', `custom-columns=X:${expr}`);
  return {
    objects: list.items,
    cells: out
      .split('\n')
      .slice(0, -1)
      .map((line) => line.trimEnd()),
  };
}

const podExpressions = [
  '.metadata.name',
  'metadata.namespace',
  '{.metadata.labels.app}',
  '{metadata.uid}',
  '.metadata.labels.topology\\.kubernetes\\.io/zone',
  ".metadata.labels['topology\\.kubernetes\\.io/zone']",
  '.metadata.labels',
  '.metadata.annotations.kx\\.test/ratio',
  '.metadata.labels.nope',
  '.spec.nodeName',
  '.spec.containers[0].image',
  '.spec.containers[-1].name',
  '.spec.containers[*].name',
  '.spec.containers[0:1].name',
  '.spec.containers[*].ports[*].containerPort',
  '.spec.containers[*].ports',
  '.spec.containers[0].resources',
  '.spec.containers[0].resources.limits.memory',
  '.spec.containers[?(@.name=="sidecar")].image',
  ".spec.containers[?(@.name!='sidecar')].name",
  '.spec.containers[?(@.stdin)].name',
  '.spec.containers[*].ports[?(@.containerPort>100)].name',
  '.spec.terminationGracePeriodSeconds',
  '.spec.tolerations[*].tolerationSeconds',
  '.status.phase',
  '.status.conditions[?(@.type=="Ready")].status',
  '.status.containerStatuses[*].ready',
  '.status.containerStatuses[0].restartCount',
  '.status.containerStatuses[*].state',
  '.status.containerStatuses[*].state.waiting.reason',
  '.status.initContainerStatuses[*].name',
  '.status.startTime',
  '.status.podIPs[*].ip',
];

test('every JSONPath cell is the cell kubectl get -o custom-columns prints for the same pod', async () => {
  for (const expr of podExpressions) {
    const { objects, cells } = await bothSides(['pods', '-A'], expr);
    assert.equal(cells.length, objects.length, expr);
    const path = parseColumnPath(expr);
    objects.forEach((o, i) => assert.equal(customColumnCell(path, o), cells[i], `${expr} on ${o.metadata.name}`));
  }
});

test('node labels by escaped key, as kubectl reads them', async () => {
  for (const expr of [
    '.metadata.labels.topology\\.kubernetes\\.io/zone',
    '.metadata.labels.node-role\\.kubernetes\\.io/control-plane',
    '.status.addresses[?(@.type=="InternalIP")].address',
    '.status.capacity',
  ]) {
    const { objects, cells } = await bothSides(['nodes'], expr);
    const path = parseColumnPath(expr);
    objects.forEach((o, i) => assert.equal(customColumnCell(path, o), cells[i], `${expr} on ${o.metadata.name}`));
  }
});

test('where kubectl stops on an object, kx refuses the same object with the same message', async () => {
  for (const expr of ['.spec.containers[1].image', '.metadata.labels[0]', '.spec.containers[?(@.name==1)].name']) {
    const res = await kubectl.run('get', 'pods', '-n', 'shop', 'crashloop', '-o', `custom-columns=X:${expr}`);
    assert.notEqual(res.code, 0, expr);
    const o = JSON.parse(await kubectl.ok('get', 'pods', '-n', 'shop', 'crashloop', '-o', 'json')) as KubeObject;
    assert.throws(
      () => customColumnCell(parseColumnPath(expr), o),
      (err: unknown) => err instanceof JsonPathEvalError && res.stderr.trim() === `error: ${err.message}`,
      `${expr}: kubectl said ${res.stderr.trim()}`,
    );
  }
});

test('an expression kubectl cannot parse is refused with kubectl message', async () => {
  for (const expr of [
    '.metadata.name[',
    '.spec.containers[x]',
    '.spec.containers[?(@.name=="a")',
    '.metadata.name ^',
    "{.metadata.labels['a}",
    '{.metadata.name',
    '.spec.containers[0] "name',
    '.metadata.name foo',
  ]) {
    const res = await kubectl.run('get', 'pods', '-n', 'shop', 'crashloop', '-o', `custom-columns=X:${expr}`);
    assert.notEqual(res.code, 0, expr);
    assert.throws(
      () => parseColumnPath(expr),
      (err: unknown) => err instanceof JsonPathSyntaxError && res.stderr.trim() === `error: ${err.message}`,
      `${expr}: kubectl said ${res.stderr.trim()}`,
    );
  }
});
