import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scopeLabel, triageKinds } from '../../../src/explorer/triage/triage-scope.ts';

test('the status line says where triage reads, and why not everywhere', () => {
  assert.equal(scopeLabel({ namespace: 'team-a', narrowed: [], forbidden: [] }), '(all namespaces)');
  const namespaced = triageKinds.filter((k) => k.namespaced).map((k) => k.key);
  assert.equal(scopeLabel({ namespace: 'team-a', narrowed: namespaced, forbidden: ['nodes'] }), '(namespace team-a: listing across namespaces is forbidden · may not list nodes)');
  assert.equal(scopeLabel({ namespace: 'shop', narrowed: ['pods', 'events'], forbidden: [] }), '(all namespaces, pods, events in shop only: listing them across namespaces is forbidden)');
});
