import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canGoBack, canGoForward, currentEntry, emptyHistory, goBack, goForward, pushHistory, type NavHistory } from '../../src/explorer/nav-history.ts';

interface View {
  resource: string;
  namespace: string;
}
const same = (a: View, b: View) => a.resource === b.resource && a.namespace === b.namespace;
const visit = (h: NavHistory<View>, resource: string, namespace = 'default') => pushHistory(h, { resource, namespace }, { same });
const at = (h: NavHistory<View>) => currentEntry(h)?.resource;

test('back and forward move through visited views like a browser', () => {
  let h = emptyHistory<View>();
  assert.equal(at(h), undefined);
  assert.equal(canGoBack(h), false);
  h = visit(visit(visit(h, 'pods'), 'deployments'), 'replicasets');
  assert.equal(at(h), 'replicasets');
  h = goBack(h);
  assert.equal(at(h), 'deployments');
  h = goBack(h);
  assert.equal(at(h), 'pods');
  assert.equal(canGoBack(h), false);
  assert.equal(goBack(h), h, 'nowhere to go: unchanged');
  h = goForward(h);
  assert.equal(at(h), 'deployments');
  assert.equal(canGoForward(h), true);
});

test('visiting after going back drops the forward entries', () => {
  let h = visit(visit(visit(emptyHistory<View>(), 'pods'), 'deployments'), 'replicasets');
  h = visit(goBack(goBack(h)), 'services');
  assert.deepEqual(
    h.entries.map((e) => e.resource),
    ['pods', 'services'],
  );
  assert.equal(canGoForward(h), false);
  assert.equal(goForward(h), h);
});

test('revisiting the current view adds nothing; the same resource elsewhere does', () => {
  let h = visit(emptyHistory<View>(), 'pods');
  const again = visit(h, 'pods');
  assert.equal(again, h);
  h = visit(h, 'pods', 'shop');
  assert.equal(h.entries.length, 2);
});

test('the oldest entries are forgotten beyond the limit', () => {
  let h = emptyHistory<number>();
  for (let i = 0; i < 10; i++) h = pushHistory(h, i, { limit: 4 });
  assert.deepEqual(h.entries, [6, 7, 8, 9]);
  assert.equal(currentEntry(h), 9);
  assert.equal(currentEntry(goBack(goBack(goBack(goBack(h))))), 6);
});
