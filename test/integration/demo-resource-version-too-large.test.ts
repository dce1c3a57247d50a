import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { api } from '../support/demo-http.ts';
import { pod } from '../support/demo-fixtures.ts';
import { startDemoSetup, type DemoSetup } from '../support/demo-server-setup.ts';

// A resourceVersion newer than the store's (the server was reset: a new demo on the same port, a
// restored etcd) waits for the store to get there, then fails as the apiserver's watch cache does:
// 504 Timeout with cause ResourceVersionTooLarge, which client-go's reflector answers with a fresh
// list. The demo used to serve such a list and open such a watch that never sent anything.
let demo: DemoSetup;
const pods = { group: '', plural: 'pods' };

before(async () => {
  // The real wait is 3 s; this knob keeps the test short.
  demo = await startDemoSetup({ resourceVersionWaitMs: 200 });
  demo.server.store.create(pods, pod('default', 'web-1'));
});
after(() => demo.close());

const current = (): number => Number(demo.server.store.currentResourceVersion());

function tooLarge(requested: number, now: number): Record<string, unknown> {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `Timeout: Too large resource version: ${requested}, current: ${now}`,
    reason: 'Timeout',
    code: 504,
    details: { causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }], retryAfterSeconds: 1 },
  };
}

/** Reads a whole watch response (the server ends it) as parsed event lines. */
async function watchToEnd(path: string): Promise<{ status: number; events: { type: string; object: Record<string, unknown> }[] }> {
  // A bound, so a watch that never ends fails the test rather than hanging it.
  const res = await fetch(demo.server.url + path, { headers: { authorization: `Bearer ${demo.server.token}` }, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  return {
    status: res.status,
    events: text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { type: string; object: Record<string, unknown> }),
  };
}

test('a list from a resourceVersion the server has not reached is a 504 Too large resource version', async () => {
  const far = current() + 1000;
  for (const query of [`resourceVersion=${far}&resourceVersionMatch=NotOlderThan`, `resourceVersion=${far}`, `resourceVersion=${far}&resourceVersionMatch=Exact`]) {
    const res = await api(demo.server, `/api/v1/namespaces/default/pods?${query}`);
    assert.equal(res.status, 504, query);
    assert.deepEqual(res.body, tooLarge(far, current()), query);
    assert.equal(res.headers.get('retry-after'), '1', 'the apiserver puts retryAfterSeconds in a header too');
  }
  const get = await api(demo.server, `/api/v1/namespaces/default/pods/web-1?resourceVersion=${far}`);
  assert.equal(get.status, 504);
});

test('a list from the current resourceVersion, or one the store reaches while it waits, is served', async () => {
  const now = current();
  const same = await api<{ items: unknown[]; metadata: { resourceVersion: string } }>(demo.server, `/api/v1/namespaces/default/pods?resourceVersion=${now}&resourceVersionMatch=NotOlderThan`);
  assert.equal(same.status, 200);
  assert.equal(same.body.metadata.resourceVersion, String(now));
  const waiting = api<{ items: unknown[] }>(demo.server, `/api/v1/namespaces/default/pods?resourceVersion=${now + 1}`);
  demo.server.store.create(pods, pod('default', 'web-2'));
  const served = await waiting;
  assert.equal(served.status, 200);
  assert.equal(served.body.items.length, 2);
});

test('a watch from a resourceVersion the server has not reached gets the 504 Status as its one ERROR event', async () => {
  const far = current() + 1000;
  const res = await watchToEnd(`/api/v1/namespaces/default/pods?watch=true&resourceVersion=${far}`);
  assert.equal(res.status, 200);
  assert.deepEqual(res.events, [{ type: 'ERROR', object: tooLarge(far, current()) }]);
});

test('a watch from the current resourceVersion streams what happens next', async () => {
  const now = current();
  const controller = new AbortController();
  const res = await fetch(`${demo.server.url}/api/v1/namespaces/default/pods?watch=true&resourceVersion=${now}`, {
    headers: { authorization: `Bearer ${demo.server.token}` },
    signal: controller.signal,
  });
  assert.equal(res.status, 200);
  demo.server.store.create(pods, pod('default', 'web-3'));
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  let text = '';
  while (!text.includes('\n')) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  controller.abort();
  const first = JSON.parse(text.split('\n')[0] as string) as { type: string; object: { metadata: { name: string } } };
  assert.deepEqual([first.type, first.object.metadata.name], ['ADDED', 'web-3']);
});
