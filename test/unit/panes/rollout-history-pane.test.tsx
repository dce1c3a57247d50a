/** The rollout history pane's table: every column keeps a space before the next, however long the images. */
import { WriteGate } from '../../../src/kube/access/write-gate.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ApiClient } from '../../../src/kube/api-client.ts';
import type { KubeObject } from '../../../src/kube/object.ts';
import type { ResourceInfo } from '../../../src/kube/resource-info.ts';
import type { PaneProps } from '../../../src/ui/panes/pane-types.ts';
import { renderThemed } from '../../support/render-themed.tsx';

const { RolloutHistoryPane } = await import('../../../src/ui/panes/rollout-history-pane.tsx');

const deployments: ResourceInfo = {
  group: 'apps',
  version: 'v1',
  versions: ['v1'],
  plural: 'deployments',
  singular: 'deployment',
  kind: 'Deployment',
  shortNames: ['deploy'],
  categories: ['all'],
  namespaced: true,
  verbs: ['get', 'list', 'watch', 'patch'],
  subresources: { scale: true, status: true, log: false, exec: false },
};
const uid = '6c1f0f52-3c55-4d51-9a65-8f0d9f1f3a10';
const longImages = 'registry.example.com/platform/payments-api:2024.05.14-1f2e3d4c,registry.example.com/platform/envoy-sidecar:1.30.1';

function replicaSet(revision: number, images: string[], cause?: string): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `payments-${revision}`,
      namespace: 'shop',
      uid: `rs-${revision}`,
      creationTimestamp: new Date(Date.now() - revision * 3_600_000).toISOString(),
      annotations: { 'deployment.kubernetes.io/revision': String(revision), ...(cause ? { 'kubernetes.io/change-cause': cause } : {}) },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'payments', uid, controller: true }],
    },
    spec: { template: { spec: { containers: images.map((image, i) => ({ name: `c${i}`, image })) } } },
  };
}

const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'payments', namespace: 'shop', uid, annotations: { 'deployment.kubernetes.io/revision': '2' } },
  spec: { selector: { matchLabels: { app: 'payments' } }, template: { spec: { containers: [] } } },
};

const client = {
  get: async (path: string) =>
    path.endsWith('/replicasets') ? { items: [replicaSet(1, ['nginx:1.25'], 'kubectl set image'), replicaSet(2, longImages.split(','), 'roll out 2024.05.14')] } : deployment,
} as unknown as ApiClient;

function props(width: number): PaneProps {
  return {
    client,
    target: { resource: deployments, namespace: 'shop', name: 'payments' },
    contextName: 'kx-demo',
    width,
    height: 20,
    active: true,
    gate: new WriteGate(undefined),
    onClose: () => undefined,
    onFlash: () => undefined,
  };
}

async function frameOf(width: number): Promise<string[]> {
  const pane = renderThemed(<RolloutHistoryPane {...props(width)} />);
  try {
    const deadline = Date.now() + 5_000;
    while (!(pane.lastFrame() ?? '').includes('REVISION')) {
      if (Date.now() > deadline) assert.fail(`no history; last frame:\n${pane.lastFrame()}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return (pane.lastFrame() ?? '').split('\n');
  } finally {
    pane.unmount();
  }
}

test('long images are cut with a space before CHANGE-CAUSE, which keeps its place under its heading', async () => {
  const lines = await frameOf(100);
  const heading = lines.find((l) => l.includes('CHANGE-CAUSE'))!;
  const row = lines.find((l) => l.includes('roll out'))!;
  const cause = heading.indexOf('CHANGE-CAUSE');
  assert.equal(row.indexOf('roll out'), cause, row);
  assert.match(row.slice(0, cause), /… $/);
  assert.ok(row.length <= 100, row);
});

test('on a wide pane the images show whole with a gap before CHANGE-CAUSE, every row under its heading', async () => {
  const lines = await frameOf(300);
  const heading = lines.find((l) => l.includes('CHANGE-CAUSE'))!;
  const row = lines.find((l) => l.includes('kubectl set image'))!;
  assert.equal(row.indexOf('kubectl set image'), heading.indexOf('CHANGE-CAUSE'));
  const full = lines.find((l) => l.includes('roll out'))!;
  assert.ok(full.includes(`${longImages}  roll out 2024.05.14`), full);
});
