import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { api } from '../support/demo-http.ts';
import { namespace, pod } from '../support/demo-fixtures.ts';
import { startDemoSetup, type DemoSetup } from '../support/demo-server-setup.ts';

// A sanity check that 10,000 pods page through the API (counts only; speed belongs in bench/).
let demo: DemoSetup;
const total = 10_000;

before(async () => {
  demo = await startDemoSetup();
  const s = demo.server.store;
  for (let n = 0; n < 20; n++) s.create({ group: '', plural: 'namespaces' }, namespace(`team-${n}`));
  for (let i = 0; i < total; i++) s.create({ group: '', plural: 'pods' }, pod(`team-${i % 20}`, `pod-${i}`, { labels: { app: `app-${i % 7}` } }));
});
after(() => demo.close());

test('10,000 pods list completely in pages of 500, in key order, with exact remaining counts', async () => {
  let token = '';
  let seen = 0;
  let last = '';
  let pages = 0;
  do {
    const page = await api<{ items: { metadata: { namespace: string; name: string } }[]; metadata: { continue?: string; remainingItemCount?: number } }>(
      demo.server,
      `/api/v1/pods?limit=500${token ? `&continue=${encodeURIComponent(token)}` : ''}`,
    );
    for (const p of page.body.items) {
      const key = `${p.metadata.namespace}/${p.metadata.name}`;
      assert.ok(key > last, `${key} after ${last}`);
      last = key;
    }
    seen += page.body.items.length;
    pages++;
    if (page.body.metadata.continue) assert.equal(page.body.metadata.remainingItemCount, total - seen);
    token = page.body.metadata.continue ?? '';
  } while (token);
  assert.equal(seen, total);
  assert.equal(pages, total / 500);
});

test('a namespace and a label selector narrow 10,000 pods', async () => {
  const ns = await api<{ items: unknown[] }>(demo.server, '/api/v1/namespaces/team-3/pods');
  assert.equal(ns.body.items.length, total / 20);
  const labelled = await api<{ items: unknown[] }>(demo.server, '/api/v1/pods?labelSelector=app%3Dapp-0');
  assert.equal(labelled.body.items.length, Math.ceil(total / 7));
});
