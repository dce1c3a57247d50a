import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { discoverCached, pickFromDiscovery, type DiscoveryDiskCache } from '../../src/kube/discovery-disk-cache.ts';
import { findResource } from '../../src/kube/resource-resolver.ts';
import { crdRef, crontabCrd } from '../support/crontab-crd.ts';
import { openDemo } from '../support/kube-demo.ts';

/** Discovery requests (/api, /apis, group versions) the demo server has answered so far. */
async function discoveryRequests(base: string, token: string): Promise<number> {
  const res = await fetch(`${base}/kx-demo/requests`, { headers: { authorization: `Bearer ${token}` } });
  return ((await res.json()) as { other: number }).other;
}

test('discovery is kept on disk: a second run asks the server nothing, a stale or unknown type asks again', async () => {
  const demo = await openDemo();
  const dir = mkdtempSync(join(tmpdir(), 'kx-discovery-cache-'));
  try {
    const base = demo.session.client.server.replace('https://', 'http://');
    const token = /token: (\S+)/.exec(readFileSync(demo.kubeconfig, 'utf8'))![1]!;
    const cache: DiscoveryDiskCache = { dir, identity: demo.session.discoveryCache.identity };
    assert.equal(demo.session.discoveryCache.identity.length, 32, 'the session names its cluster');

    const before = await discoveryRequests(base, token);
    const first = await discoverCached(demo.session.client, cache);
    const afterFirst = await discoveryRequests(base, token);
    assert.ok(afterFirst - before >= 3, `the first run asks /api, /apis and the group versions (${afterFirst - before} requests)`);
    assert.deepEqual(readdirSync(join(dir, 'discovery')), [`${cache.identity}.json`]);

    const second = await discoverCached(demo.session.client, cache);
    assert.equal(await discoveryRequests(base, token), afterFirst, 'a fresh cache answers without the server');
    assert.deepEqual(
      second.resources.map((r) => r.plural),
      first.resources.map((r) => r.plural),
    );

    // A CRD installed after the cache was written: its short name is unknown to the cached copy,
    // so pickFromDiscovery asks the server again and finds it.
    demo.server.store.create(crdRef, crontabCrd());
    assert.equal(findResource(second, 'ct'), undefined);
    const crontabs = await pickFromDiscovery(demo.session.client, cache, (d) => findResource(d, 'ct'));
    assert.equal(crontabs?.plural, 'crontabs');
    const afterMiss = await discoveryRequests(base, token);
    assert.ok(afterMiss > afterFirst, 'an unknown type re-discovers');

    // A known type is answered from the refreshed cache.
    assert.equal((await pickFromDiscovery(demo.session.client, cache, (d) => findResource(d, 'ct')))?.plural, 'crontabs');
    assert.equal(await discoveryRequests(base, token), afterMiss);

    // Older than six hours: asked again.
    const file = join(dir, 'discovery', `${cache.identity}.json`);
    const old = new Date(Date.now() - 7 * 60 * 60 * 1000);
    utimesSync(file, old, old);
    await discoverCached(demo.session.client, cache);
    assert.ok((await discoveryRequests(base, token)) > afterMiss, 'a stale cache is refreshed');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await demo.close();
  }
});

test('a cache directory that cannot be written is only slower', async () => {
  const demo = await openDemo();
  const dir = mkdtempSync(join(tmpdir(), 'kx-discovery-cache-'));
  try {
    // A file where the cache folder should be: every write fails.
    const blocked = join(dir, 'not-a-folder');
    writeFileSync(blocked, '');
    const cache: DiscoveryDiskCache = { dir: blocked, identity: 'x' };
    const result = await discoverCached(demo.session.client, cache);
    assert.ok(findResource(result, 'deploy'), 'discovery still answers');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await demo.close();
  }
});
