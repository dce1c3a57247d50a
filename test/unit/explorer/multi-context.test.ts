import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellsAt } from '../../../src/kinds/cells.ts';
import type { KubeObject } from '../../../src/kube/object.ts';
import type { ResourceInfo } from '../../../src/kube/resource-info.ts';
import { contextRow, multiContextRows, multiContextState, multiContextTable, rowOrigin, untagUid, type ContextMember } from '../../../src/explorer/multi-context.ts';
import { parseCommand } from '../../../src/explorer/commands/parse-command.ts';
import { viewOf } from '../../../src/explorer/view-entry.ts';
import { ManualScheduler } from '../../../src/store/manual-scheduler.ts';
import { ObjectCache } from '../../../src/store/object-cache.ts';
import { streamStateText } from '../../../src/ui/status-text.ts';
import { commandContext } from '../../support/command-context.ts';

const T0 = Date.parse('2024-05-14T10:30:00Z');
const pods: ResourceInfo = { group: '', version: 'v1', kind: 'Pod', plural: 'pods', singular: 'pod', namespaced: true, verbs: ['list', 'watch'], shortNames: ['po'] } as ResourceInfo;

function pod(name: string, uid: string, restarts = 0): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'shop', uid, resourceVersion: '1', creationTimestamp: '2024-05-14T10:00:00Z' },
    spec: { containers: [{ name: 'c', image: 'nginx' }], nodeName: 'node-a' },
    status: { phase: 'Running', containerStatuses: [{ name: 'c', ready: true, restartCount: restarts, state: { running: {} } }] },
  };
}

/** A cache with these pods, listed and live (a cluster's stream of pods in every namespace). */
function clusterWith(...objects: KubeObject[]): ObjectCache {
  const cache = new ObjectCache({ scheduler: new ManualScheduler(T0) });
  const sink = cache.sinkFor('pods', { kind: 'Pod', namespaced: true });
  sink.beginSync();
  for (const o of objects) sink.upsert(o);
  sink.endSync();
  sink.state({ phase: 'live', since: T0 });
  cache.flush();
  return cache;
}

test('two clusters in one table: CONTEXT first, rows never mix, the cached rows stay as they were', () => {
  // The same uid in both clusters (two demo servers make the same objects): the view keeps both.
  const prod = clusterWith(pod('web', 'same-uid'), pod('api', 'p-api'));
  const staging = clusterWith(pod('web', 'same-uid', 3));
  const members: ContextMember[] = [
    { context: 'prod', cache: prod },
    { context: 'staging', cache: staging },
  ];
  const entry = viewOf(pods, undefined, { contexts: ['prod', 'staging'] });
  const rows = multiContextRows(members, entry, T0);
  const { columns } = multiContextTable(members, entry);
  assert.equal(columns[0]!.name, 'CONTEXT');
  assert.equal(columns[1]!.name, 'NAMESPACE');
  const shown = rows.map((row) => cellsAt(row, T0).slice(0, 3).join(' '));
  assert.deepEqual(shown, ['prod shop api', 'prod shop web', 'staging shop web']);
  assert.equal(new Set(rows.map((r) => r.uid)).size, 3);
  // Each wrapper leads back to its own cluster's row; the cache's row is not changed.
  const stagingWeb = rows[2]!;
  assert.deepEqual(untagUid(stagingWeb.uid), { context: 'staging', uid: 'same-uid' });
  assert.equal(rowOrigin(stagingWeb)?.row, staging.row('same-uid'));
  assert.equal(staging.row('same-uid')!.cells[0], 'shop');
  assert.equal(rowOrigin(prod.row('same-uid')!), undefined);
  // The wrapper is made once per cached row: React sees the same row until the object changes.
  assert.equal(contextRow('staging', staging.row('same-uid')!), stagingWeb);
  // RESTARTS (a time cell moved one column right) reads the staging pod's 3, sorts across contexts.
  const restarts = columns.findIndex((c) => c.name === 'RESTARTS');
  const sorted = multiContextRows(members, { ...entry, sort: { column: restarts, descending: true } }, T0);
  assert.equal(sorted[0], stagingWeb);
  assert.equal(cellsAt(stagingWeb, T0)[restarts], '3');
});

test('each context has its own state: one unreachable or unopened context does not hide the others', () => {
  const prod = clusterWith(pod('web', 'p-web'));
  const staging = clusterWith(pod('web', 's-web'));
  staging.sinkFor('pods', { kind: 'Pod', namespaced: true }).state({ phase: 'reconnecting', since: T0, attempt: 2, reason: 'connect ECONNREFUSED 127.0.0.1:1' });
  staging.flush();
  const members: ContextMember[] = [
    { context: 'prod', cache: prod },
    { context: 'staging', cache: staging },
    { context: 'dev', cache: undefined, failure: 'cannot read the client certificate' },
  ];
  const entry = viewOf(pods, undefined, { contexts: ['prod', 'staging', 'dev'] });
  const { state, text } = multiContextState(members, entry, (s) => streamStateText(s, T0));
  assert.equal(text, 'prod live · staging reconnecting for 0 s: connect ECONNREFUSED 127.0.0.1:1 · dev failed: cannot read the client certificate');
  assert.equal(state.phase, 'failed');
  // The rows of the live context and the last known of the reconnecting one stay.
  assert.deepEqual(
    multiContextRows(members, entry, T0).map((r) => rowOrigin(r)?.context),
    ['prod', 'staging'],
  );
});

test('`:po @a,b` opens one view of several contexts; an unknown one is named with did-you-mean', () => {
  const ctx = commandContext(['default', 'shop']);
  const both = parseCommand('po @prod-eu,prod-us', ctx);
  assert.equal(both.kind, 'view');
  assert.deepEqual(both.kind === 'view' && both.contexts, ['prod-eu', 'prod-us']);
  const withAt = parseCommand('po shop @prod-eu,@kind-kx', ctx);
  assert.deepEqual(withAt.kind === 'view' && [withAt.contexts, withAt.scope], [['prod-eu', 'kind-kx'], { kind: 'namespace', name: 'shop' }]);
  // One context stays the switch it always was.
  const one = parseCommand('po @prod-eu', ctx);
  assert.deepEqual(one.kind === 'view' && [one.context, one.contexts], ['prod-eu', undefined]);
  const typo = parseCommand('po @prod-eu,prd-us', ctx);
  assert.deepEqual(typo, { kind: 'error', message: 'There is no context "prd-us"; did you mean "prod-us"?', suggestion: 'po @prod-eu,prod-us' });
});
