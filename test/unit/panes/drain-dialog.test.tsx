/** The drain dialog: kubectl's options, then each pod's eviction live, a PodDisruptionBudget refusal shown with its reason. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WriteGate } from '../../../src/kube/access/write-gate.ts';
import type { ApiClient } from '../../../src/kube/api-client.ts';
import { KxError } from '../../../src/kube/errors.ts';
import type { ResourceInfo } from '../../../src/kube/resource-info.ts';
import type { PaneProps } from '../../../src/ui/panes/pane-types.ts';
import { renderThemed } from '../../support/render-themed.tsx';
import { waitFor } from '../../support/wait-for.ts';

const { DrainDialog } = await import('../../../src/ui/panes/drain-dialog.tsx');

const nodes: ResourceInfo = {
  group: '',
  version: 'v1',
  versions: ['v1'],
  plural: 'nodes',
  singular: 'node',
  kind: 'Node',
  shortNames: ['no'],
  categories: [],
  namespaced: false,
  verbs: ['get', 'list', 'watch', 'patch'],
  subresources: { scale: false, status: true, log: false, exec: false },
};

const budgetMessage = "Cannot evict pod as it would violate the pod's disruption budget.";

/** A cluster of one node with pod web-1 (a ReplicaSet's); `evictions` says what each eviction POST does. */
function cluster(evictions: ('429' | 'ok')[]): { client: ApiClient; calls: string[] } {
  const calls: string[] = [];
  let gone = false;
  const client = {
    get: async (path: string) => {
      if (path === '/api/v1/nodes/n1') return { metadata: { name: 'n1', uid: 'n' }, spec: {} };
      if (path === '/api/v1') return { resources: [{ name: 'pods/eviction', kind: 'Eviction', group: 'policy', version: 'v1' }] };
      if (path === '/api/v1/pods')
        return { items: [{ metadata: { name: 'web-1', namespace: 'shop', uid: 'w', ownerReferences: [{ kind: 'ReplicaSet', name: 'web', controller: true }] }, status: { phase: 'Running' } }] };
      if (gone) throw new KxError('notFound', 'Error from server (NotFound): pods "web-1" not found', { code: 404 });
      return { metadata: { name: 'web-1', namespace: 'shop', uid: 'w' } };
    },
    patch: async (path: string, _type: string, body: unknown) => {
      calls.push(`PATCH ${path} ${JSON.stringify(body)}`);
      return {};
    },
    post: async (path: string) => {
      calls.push(`POST ${path}`);
      const next = evictions.shift();
      if (next === 'ok') {
        gone = true;
        return {};
      }
      throw new KxError('server', `Error from server (TooManyRequests): ${budgetMessage}`, {
        code: 429,
        status: { kind: 'Status', apiVersion: 'v1', code: 429, reason: 'TooManyRequests', message: budgetMessage } as never,
      });
    },
  } as unknown as ApiClient;
  return { client, calls };
}

function props(client: ApiClient): PaneProps {
  return {
    client,
    target: { resource: nodes, namespace: '', name: 'n1' },
    contextName: 'kx-demo',
    width: 120,
    height: 30,
    active: true,
    gate: new WriteGate(undefined),
    onClose: () => undefined,
    onFlash: () => undefined,
  };
}

const settle = () => new Promise((r) => setTimeout(r, 30));

test('the options are kubectl drain’s; enter cordons and shows the pod retrying with the budget’s reason', async () => {
  const { client, calls } = cluster(['429']);
  const r = renderThemed(<DrainDialog {...props(client)} />);
  const options = r.lastFrame() ?? '';
  for (const flag of ['--ignore-daemonsets', '--delete-emptydir-data', '--force', '--grace-period']) assert.ok(options.includes(flag), flag);
  try {
    await settle();
    r.stdin.write('\r');
    const frame = await waitFor('the retry line', () => (r.lastFrame()?.includes('retrying') ? r.lastFrame() : undefined), 5000, 20);
    assert.match(frame!, /node\/n1 cordoned/);
    // The test renderer is 100 columns wide: the line ends truncated after the reason.
    assert.ok(frame!.includes(`retrying  shop/web-1  ${budgetMessage} (retrying every 5`), frame);
    assert.deepEqual(calls, ['PATCH /api/v1/nodes/n1 {"spec":{"unschedulable":true}}', 'POST /api/v1/namespaces/shop/pods/web-1/eviction']);
  } finally {
    // Closing the dialog stops the drain (its 5 s retry wait ends at once).
    r.unmount();
  }
});

test('x toggles an option and digits set the grace period; the pod shows evicted and the node drained', async () => {
  const { client } = cluster(['ok']);
  let flashed = '';
  const r = renderThemed(<DrainDialog {...props(client)} onFlash={(f) => (flashed = f.text)} />);
  await settle();
  r.stdin.write('x');
  await settle();
  for (const key of ['j', 'j', 'j', '3', '0']) {
    r.stdin.write(key);
    await settle();
  }
  assert.match(r.lastFrame() ?? '', /\[x\] --ignore-daemonsets[\s\S]*--grace-period 30/);
  r.stdin.write('\r');
  const frame = await waitFor('the drained line', () => (r.lastFrame()?.includes('drained') ? r.lastFrame() : undefined), 5000, 20);
  assert.match(frame!, /evicted\s+shop\/web-1/);
  assert.equal(flashed, 'node/n1 drained');
  r.unmount();
});
