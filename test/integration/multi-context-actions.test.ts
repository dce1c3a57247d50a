/**
 * Keys in a view of several contexts act on the row's own context: its session, its read-only
 * setting and its RBAC (asked of that context's server), through the same handlers as a view of
 * one context. The sessions are real ones to a demo API server.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startDemoApiServer, type DemoServer } from '../../src/demo/server/index.ts';
import { contextRow } from '../../src/explorer/multi-context.ts';
import { viewOf } from '../../src/explorer/view-entry.ts';
import { actionSpecs, type ObjectActionId } from '../../src/keys/actions.ts';
import { writeGateFor } from '../../src/kube/access/write-gate.ts';
import { loadKubeconfig } from '../../src/kube/kubeconfig.ts';
import { openSession, type KubeSession } from '../../src/kube/session.ts';
import type { Row } from '../../src/kinds/types.ts';
import { podsResource } from '../support/pods-resource.ts';
import { multiContextAction } from '../../src/ui/explorer/multi-context-actions.ts';
import { contextSetWiring } from '../../src/ui/explorer/context-set-wiring.ts';
import type { ContextSet } from '../../src/ui/explorer/context-set.ts';
import { ObjectCache } from '../../src/store/object-cache.ts';

const pods = podsResource;
const own = (uid: string, name: string) =>
  ({ uid, resourceKey: 'pods', namespace: 'shop', name, resourceVersion: '1', createdAt: 0, deleting: false, cells: [], timeCells: [], labels: {}, ownerRefs: [] }) as Row;

let server: DemoServer;
let dir: string;
let session: KubeSession;

before(async () => {
  server = await startDemoApiServer();
  dir = mkdtempSync(join(tmpdir(), 'kx-multi-actions-'));
  server.writeKubeconfig(join(dir, 'config'));
  session = await openSession(loadKubeconfig({ kubeconfig: join(dir, 'config') }));
});

after(async () => {
  await session.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `id` on staging's row (prod's session is never given: an action that used it would fail). */
async function run(id: ObjectActionId, opts: { readonlyContexts?: string[]; marked?: Row[]; connected?: boolean } = {}) {
  const said: string[] = [];
  const dispatched: unknown[] = [];
  multiContextAction(
    id,
    contextRow('staging', own('u1', 'shared')),
    {
      entry: { ...viewOf(pods, 'shop'), contexts: ['prod', 'staging'] },
      namespace: 'shop',
      discovery: undefined,
      dispatch: (a) => dispatched.push(a),
      visit: () => undefined,
      switchNamespace: () => undefined,
      say: (text) => said.push(text),
      suspend: () => Promise.reject(new Error('no terminal in this test')),
      spec: (a) => actionSpecs.find((s) => s.id === a),
      sessionOf: (context) => (context === 'staging' && opts.connected !== false ? session : undefined),
      gateFor: (context) => writeGateFor({ readonlyFlag: false, context, readonlyContexts: new Set(opts.readonlyContexts ?? []) }),
    },
    opts.marked,
  );
  // RBAC is asked of staging's server before a write: wait for its answer to act.
  for (let i = 0; i < 100 && said.length + dispatched.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
  return { said, dispatched };
}

const target = { resource: pods, namespace: 'shop', name: 'shared', uid: 'u1' };
const stagingUid = contextRow('staging', own('u1', 'shared')).uid;

test("delete on a staging row asks staging's RBAC, then opens the question over staging's object", async () => {
  const { said, dispatched } = await run('delete');
  assert.deepEqual(said, []);
  assert.deepEqual(dispatched, [{ type: 'pane', pane: { kind: 'confirm', action: 'delete', target }, cursorUid: stagingUid }]);
});

test('scale, set image and port-forward open their panes over the staging row (the explorer gives them its session)', async () => {
  for (const [id, kind] of [
    ['scale', 'scale'],
    ['set-image', 'set-image'],
    ['port-forward', 'port-forward'],
    ['rollout-history', 'history'],
  ] as const) {
    const { said, dispatched } = await run(id);
    assert.deepEqual(said, [], id);
    assert.deepEqual(dispatched, [{ type: 'pane', pane: { kind, target }, cursorUid: stagingUid }], id);
  }
});

test('a read-only staging refuses every write before any question; prod being writable does not matter', async () => {
  for (const id of ['delete', 'kill', 'scale', 'shell', 'edit', 'set-image'] as const) {
    const { said, dispatched } = await run(id, { readonlyContexts: ['staging'] });
    assert.deepEqual(dispatched, [], id);
    const label = actionSpecs.find((s) => s.id === id)!.label;
    assert.deepEqual(said, [`kx is read-only here (context staging in config.yaml): ${label} is off`], id);
  }
});

test('a context whose session is not open says so instead of acting', async () => {
  const { said, dispatched } = await run('scale', { connected: false });
  assert.deepEqual(dispatched, []);
  assert.deepEqual(said, ['Context staging is not connected: scale waits for it.']);
});

test('marks of one context delete together; marks across contexts are refused with their names', async () => {
  const marked = [contextRow('staging', own('u1', 'shared')), contextRow('staging', own('u2', 'other'))];
  const together = await run('delete', { marked });
  assert.deepEqual(together.dispatched, [{ type: 'pane', pane: { kind: 'bulk', action: 'delete', targets: [target, { ...target, name: 'other', uid: 'u2' }] }, cursorUid: stagingUid }]);
  const across = await run('delete', { marked: [...marked, contextRow('prod', own('u3', 'p'))] });
  assert.deepEqual(across.dispatched, []);
  assert.deepEqual(across.said, ['The marks are in 2 contexts (staging, prod): delete acts on the marks of one context.']);
});

test("a plugin on a staging row gets staging's context, cluster and user, the row as staging has it, and staging's gate", () => {
  const contexts = ['prod', 'staging'].map((name) => ({ name, cluster: `${name}-cluster`, user: `${name}-user`, namespace: undefined, server: '', current: name === 'prod' }));
  const wiring = (contextSet: ContextSet | undefined) =>
    contextSetWiring({
      contextSet,
      onOwnAction: () => undefined,
      paneOpen: false,
      own: { session, cache: new ObjectCache(), watches: undefined as never, gate: writeGateFor({ readonlyFlag: false, context: 'prod', readonlyContexts: new Set() }) },
      ownHints: { readonly: false, denied: new Set() },
      readonlyFlag: false,
      contexts: () => contexts,
      entry: { ...viewOf(pods, 'shop'), contexts: ['prod', 'staging'] },
      namespace: 'shop',
      discovery: undefined,
      dispatch: () => undefined,
      visit: () => undefined,
      switchNamespace: () => undefined,
      switchContext: () => undefined,
      say: () => undefined,
      suspend: () => Promise.resolve(),
      spec: () => undefined,
      gateFor: (context) => writeGateFor({ readonlyFlag: false, context, readonlyContexts: new Set(['staging']) }),
    });
  const row = contextRow('staging', own('u1', 'shared'));
  const at = wiring({} as ContextSet).rowContext(row);
  assert.deepEqual([at.context.name, at.context.cluster, at.context.user, at.row.uid], ['staging', 'staging-cluster', 'staging-user', 'u1']);
  assert.equal(at.gate.refusal('plugin x'), 'kx is read-only here (context staging in config.yaml): plugin x is off');
  // A view of one context: the session's own context and gate.
  const plain = wiring(undefined).rowContext(own('u2', 'web'));
  assert.equal(plain.context.name, session.context.name);
  assert.equal(plain.gate.refusal('plugin x'), undefined);
});
