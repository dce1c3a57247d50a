/** k9s's namespace favourites: per context, most recent first, nine at most, kept in a private file; and the header's room for them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recentAt, recentFor, recentFromJson, rememberNamespace, type RecentNamespaces } from '../../../src/explorer/recent-namespaces.ts';
import { readRecentNamespaces, recentNamespacesPath, writeRecentNamespaces } from '../../../src/config/recent-namespaces-file.ts';
import { headerLayout, type HeaderInfo } from '../../../src/ui/components/header-layout.ts';
import { explorerReducer, initialState, currentView } from '../../../src/ui/explorer/explorer-state.ts';
import { viewOf } from '../../../src/explorer/view-entry.ts';
import type { ResourceInfo } from '../../../src/kube/resource-info.ts';

test('the namespace used last comes first, a repeat moves up, and each context keeps its own list', () => {
  let r: RecentNamespaces = {};
  for (const ns of ['default', 'shop', 'payments', 'shop']) r = rememberNamespace(r, 'prod', ns);
  r = rememberNamespace(r, 'dev', 'sandbox');
  assert.deepEqual(recentFor(r, 'prod'), ['shop', 'payments', 'default']);
  assert.deepEqual(recentFor(r, 'dev'), ['sandbox']);
  assert.deepEqual(recentFor(r, 'other'), []);
  assert.equal(recentAt(r, 'prod', 2), 'payments');
  assert.equal(recentAt(r, 'prod', 4), undefined);
  // Remembering the current namespace again changes nothing (no write).
  assert.equal(rememberNamespace(r, 'prod', 'shop'), r);
});

test('nine namespaces at most: the oldest goes', () => {
  let r: RecentNamespaces = {};
  for (let i = 1; i <= 11; i++) r = rememberNamespace(r, 'c', `ns-${i}`);
  assert.deepEqual(recentFor(r, 'c'), ['ns-11', 'ns-10', 'ns-9', 'ns-8', 'ns-7', 'ns-6', 'ns-5', 'ns-4', 'ns-3']);
  assert.equal(recentAt(r, 'c', 9), 'ns-3');
});

test('a stored list survives a restart; a malformed one is dropped, not trusted', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kx-recent-'));
  try {
    const path = recentNamespacesPath({ XDG_STATE_HOME: join(dir, 'state') });
    assert.equal(path, join(dir, 'state', 'kx', 'recent-namespaces.json'));
    assert.deepEqual(recentFromJson(readRecentNamespaces(path)), {});
    writeRecentNamespaces(rememberNamespace(rememberNamespace({}, 'prod', 'a'), 'prod', 'b'), path);
    assert.deepEqual(recentFromJson(readRecentNamespaces(path)), { prod: ['b', 'a'] });
    assert.equal(statSync(path).mode & 0o777, 0o600);
    writeFileSync(path, '{"prod": ["a", 3, "", "a", "b"], "dev": "x", "qa": []}');
    assert.deepEqual(recentFromJson(readRecentNamespaces(path)), { prod: ['a', 'b'] });
    writeFileSync(path, '{"prod": [');
    assert.deepEqual(recentFromJson(readRecentNamespaces(path)), {});
    assert.deepEqual(recentFromJson(['a']), {});
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const info: HeaderInfo = { context: 'kx-demo', cluster: 'kx-demo', user: 'kx-demo', namespace: 'shop', serverVersion: 'v1.32.0' };

test('the header puts the favourites at the end of its first line when they fit, else on a line of their own when the terminal is tall', () => {
  assert.deepEqual(headerLayout(info, 120, 30), { favourites: 'none', demo: false, lines: 1 });
  const recent = { ...info, recent: ['shop', 'default'] };
  assert.deepEqual(headerLayout(recent, 120, 30), { favourites: 'inline', demo: false, lines: 1 });
  assert.deepEqual(headerLayout(recent, 80, 30), { favourites: 'line', demo: false, lines: 2 });
  assert.deepEqual(headerLayout({ ...recent, demoReason: '--demo' }, 80, 30), { favourites: 'line', demo: true, lines: 3 });
  // A short terminal keeps its one header line: no room for either.
  assert.deepEqual(headerLayout({ ...recent, demoReason: '--demo' }, 80, 12), { favourites: 'none', demo: false, lines: 1 });
});

const pods = { group: '', version: 'v1', plural: 'pods', kind: 'Pod', namespaced: true } as ResourceInfo;
const deployments = { group: 'apps', version: 'v1', plural: 'deployments', kind: 'Deployment', namespaced: true } as ResourceInfo;

test('k9s’s "-" goes to the previous view as a new step, so pressing it again returns', () => {
  let s = initialState(viewOf(pods, 'shop'), 'shop');
  assert.equal(explorerReducer(s, { type: 'last-view' }), s);
  s = explorerReducer(s, { type: 'visit', entry: viewOf(deployments, 'shop'), cursorUid: undefined });
  s = explorerReducer(s, { type: 'last-view' });
  assert.equal(currentView(s).resource.plural, 'pods');
  s = explorerReducer(s, { type: 'last-view' });
  assert.equal(currentView(s).resource.plural, 'deployments');
});
