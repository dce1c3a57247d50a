/** A kubectl cluster-info dump directory read as a snapshot: lists, per-container logs, missing files and a directory that is not a dump. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { readDumpDir } from '../../../src/demo/snapshot/read-dump-dir.ts';

const dir = mkdtempSync(join(tmpdir(), 'kx-dump-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const list = (...names: string[]) => JSON.stringify({ kind: 'List', items: names.map((name) => ({ metadata: { name, namespace: 'shop', uid: name } })) });

test('lists, logs split by container, and a kind missing everywhere says why', () => {
  const d = join(dir, 'ok');
  mkdirSync(join(d, 'shop', 'web-1'), { recursive: true });
  writeFileSync(join(d, 'nodes.json'), JSON.stringify({ items: [{ metadata: { name: 'n1' }, status: { nodeInfo: { kubeletVersion: 'v1.20.2' } } }] }));
  writeFileSync(join(d, 'shop', 'pods.json'), list('web-1'));
  writeFileSync(join(d, 'shop', 'events.json'), '{"items": [');
  writeFileSync(
    join(d, 'shop', 'web-1', 'logs.txt'),
    '==== START logs for container init of pod shop/web-1 ====\n==== END logs for container init of pod shop/web-1 ====\n==== START logs for container main of pod shop/web-1 ====\nhello\nworld\n==== END logs for container main of pod shop/web-1 ====\n',
  );
  const doc = readDumpDir(d);
  const byPlural = (p: string) => doc.lists.find((l) => l.plural === p);
  assert.deepEqual(
    byPlural('pods')?.items?.map((o) => o.metadata.name),
    ['web-1'],
  );
  assert.deepEqual(
    byPlural('namespaces')?.items?.map((o) => o.metadata.name),
    ['shop'],
  );
  assert.equal(byPlural('deployments')?.error, 'the dump has no shop/deployments.json');
  assert.equal(byPlural('events')?.error, 'shop/events.json in the dump is truncated or not JSON');
  assert.equal(byPlural('configmaps')?.error, 'kubectl cluster-info dump does not save configmaps');
  assert.deepEqual(doc.logs, { 'shop/web-1/init': '', 'shop/web-1/main': 'hello\nworld\n' });
  assert.equal(doc.serverVersion['gitVersion'], 'v1.20.2');
  assert.equal(doc.context, 'cluster-info dump ok');
});

test('a directory that is not a dump is one sentence', () => {
  const d = join(dir, 'empty');
  mkdirSync(d);
  assert.throws(() => readDumpDir(d), { message: `${d} is not a kubectl cluster-info dump directory (no nodes.json, no <namespace>/pods.json)` });
});
