/**
 * The bulk action pane: nothing is sent before `y`; RBAC is asked once per namespace and a denied
 * namespace's objects are refused by name while the others are deleted; the read-only gate
 * refuses every object before any request.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WriteGate } from '../../../src/kube/access/write-gate.ts';
import type { ApiClient } from '../../../src/kube/api-client.ts';
import type { ResourceInfo } from '../../../src/kube/resource-info.ts';
import { BulkActionPane } from '../../../src/ui/panes/bulk-action-pane.tsx';
import type { ObjectTarget } from '../../../src/ui/panes/pane-types.ts';
import { renderThemed } from '../../support/render-themed.tsx';
import { waitForFrame } from '../../support/ink-frame.ts';

const configmaps: ResourceInfo = {
  group: '',
  version: 'v1',
  versions: ['v1'],
  plural: 'configmaps',
  singular: 'configmap',
  kind: 'ConfigMap',
  shortNames: ['cm'],
  categories: [],
  namespaced: true,
  verbs: ['get', 'list', 'watch', 'delete'],
  subresources: { scale: false, status: false, log: false, exec: false },
};
const target = (namespace: string, name: string): ObjectTarget => ({ resource: configmaps, namespace, name, uid: `${namespace}-${name}` });

/** A client whose SelfSubjectAccessReviews deny namespace `locked`; it records every request. */
function fakeClient(): { client: ApiClient; calls: string[] } {
  const calls: string[] = [];
  const client = {
    delete: async (path: string) => {
      calls.push(`DELETE ${path}`);
      return {};
    },
    post: async (path: string, body: { spec: { resourceAttributes: { namespace?: string; verb: string } } }) => {
      const attrs = body.spec.resourceAttributes;
      calls.push(`REVIEW ${attrs.verb} ${attrs.namespace ?? ''}`);
      return { status: { allowed: attrs.namespace !== 'locked' } };
    },
  } as unknown as ApiClient;
  return { client, calls };
}

function pane(client: ApiClient, gate: WriteGate, targets: ObjectTarget[], seen: { flash?: string; finished: number; closed: number }) {
  return renderThemed(
    <BulkActionPane
      client={client}
      contextName="prod"
      width={120}
      height={20}
      active
      gate={gate}
      action="delete"
      targets={targets}
      onFinished={() => (seen.finished += 1)}
      onClose={() => (seen.closed += 1)}
      onFlash={(f) => (seen.flash = f.text)}
    />,
  );
}

test('RBAC per namespace: the denied namespace’s objects are refused by name, the others deleted; one review per namespace', async () => {
  const { client, calls } = fakeClient();
  const seen = { finished: 0, closed: 0 } as { flash?: string; finished: number; closed: number };
  const targets = [target('shop', 'a'), target('locked', 'b'), target('shop', 'c'), target('locked', 'd')];
  const ui = pane(client, new WriteGate(undefined), targets, seen);
  await waitForFrame(ui.lastFrame, (t) => t.includes('Delete 4 configmaps (shop/a, locked/b, shop/c and 1 more) in namespaces shop, locked on context'), 'the question');
  assert.equal(calls.length, 0, 'nothing is sent before y');
  ui.stdin.write('y');
  const frame = await waitForFrame(ui.lastFrame, (t) => t.includes('(any key closes)'), 'the results');
  assert.match(frame, /2 configmaps deleted, 2 failed: b, d/);
  assert.match(frame, /✗ configmap\/b: You may not delete configmaps in namespace locked \(RBAC\)/);
  assert.match(frame, /✓ configmap "a" deleted/);
  assert.deepEqual(
    calls.filter((c) => c.startsWith('DELETE')),
    ['DELETE /api/v1/namespaces/shop/configmaps/a', 'DELETE /api/v1/namespaces/shop/configmaps/c'],
  );
  assert.deepEqual(
    calls.filter((c) => c.startsWith('REVIEW')),
    ['REVIEW delete shop', 'REVIEW delete locked'],
  );
  assert.equal(seen.finished, 1);
  // The pane takes keys from the effect after the frame that shows the results.
  await new Promise((r) => setTimeout(r, 50));
  ui.stdin.write('q');
  await waitForFrame(ui.lastFrame, () => seen.closed === 1, 'closed');
  assert.equal(seen.flash, '2 configmaps deleted, 2 failed: b, d');
  ui.unmount();
});

test('read-only: every object is refused by the gate and no request is sent', async () => {
  const { client, calls } = fakeClient();
  const seen = { finished: 0, closed: 0 };
  const ui = pane(client, new WriteGate({ kind: 'flag' }), [target('shop', 'a'), target('shop', 'b')], seen);
  await waitForFrame(ui.lastFrame, (t) => t.includes('Delete 2 configmaps'), 'the question');
  ui.stdin.write('y');
  const frame = await waitForFrame(ui.lastFrame, (t) => t.includes('(any key closes)'), 'the results');
  assert.match(frame, /✗ configmap\/a: kx is read-only here \(--readonly\): delete is off/);
  assert.match(frame, /0 configmaps deleted, 2 failed: a, b/);
  assert.deepEqual(calls, []);
  ui.unmount();
});

test('n cancels: nothing sent, the marks are not used up', async () => {
  const { client, calls } = fakeClient();
  const seen = { finished: 0, closed: 0 };
  const ui = pane(client, new WriteGate(undefined), [target('shop', 'a')], seen);
  await waitForFrame(ui.lastFrame, (t) => t.includes('Delete 1 configmap (a) in namespace shop on context prod?'), 'the question');
  ui.stdin.write('n');
  await waitForFrame(ui.lastFrame, () => seen.closed === 1, 'closed');
  assert.equal(seen.finished, 0);
  assert.deepEqual(calls, []);
  ui.unmount();
});
