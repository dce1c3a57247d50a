/**
 * Discovery kept on disk between runs, as kubectl keeps ~/.kube/cache/discovery: a one-shot
 * command would otherwise ask /api, /apis and every group version (17 requests on a small
 * cluster, most of `kx scale`'s wall time) before its one real request.
 *
 * - One file per cluster identity: the server URL and its CA (a new cluster at the same address,
 *   like a restarted test cluster with a new certificate, gets its own file).
 * - Fresh for 6 hours, kubectl's default; a type the cached answer does not know makes the caller
 *   re-discover once (discoverFresh), so a CRD installed a minute ago still resolves.
 * - Any problem reading or writing the file falls back to asking the server: it is only a cache.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiClient } from './api-client.ts';
import { buildDiscovery, fetchRawDiscovery, type DiscoveryResult, type RawDiscovery } from './discovery.ts';

/** Where and for which cluster; `dir` undefined turns the cache off. */
export interface DiscoveryDiskCache {
  dir: string | undefined;
  /** Identifies the cluster: see clusterIdentity(). */
  identity: string;
  /** Default 6 hours. */
  ttlMs?: number;
  now?: () => number;
}

const sixHours = 6 * 60 * 60 * 1000;

/** A stable file name for a cluster: its server URL and CA (data or file contents). */
export function clusterIdentity(server: string, ca: string | Buffer | undefined): string {
  return createHash('sha256')
    .update(server)
    .update('\0')
    .update(ca ?? '')
    .digest('hex')
    .slice(0, 32);
}

/** Discovery from the cache when it is fresh, else from the server (and then cached). */
export async function discoverCached(client: ApiClient, cache: DiscoveryDiskCache, opts: { signal?: AbortSignal } = {}): Promise<DiscoveryResult> {
  const cached = read(cache);
  if (cached) return buildDiscovery(cached);
  return discoverFresh(client, cache, opts);
}

/** Discovery from the server, replacing the cached copy. */
export async function discoverFresh(client: ApiClient, cache: DiscoveryDiskCache, opts: { signal?: AbortSignal } = {}): Promise<DiscoveryResult> {
  const raw = await fetchRawDiscovery(client, opts);
  write(cache, raw);
  return buildDiscovery(raw);
}

function fileOf(cache: DiscoveryDiskCache): string | undefined {
  return cache.dir === undefined ? undefined : join(cache.dir, 'discovery', `${cache.identity}.json`);
}

function read(cache: DiscoveryDiskCache): RawDiscovery | undefined {
  const file = fileOf(cache);
  if (!file) return undefined;
  try {
    const age = (cache.now?.() ?? Date.now()) - statSync(file).mtimeMs;
    if (age < 0 || age > (cache.ttlMs ?? sixHours)) return undefined;
    const raw = JSON.parse(readFileSync(file, 'utf8')) as RawDiscovery;
    return Array.isArray(raw.coreVersions) && Array.isArray(raw.groups) && raw.resourceLists ? raw : undefined;
  } catch {
    return undefined;
  }
}

function write(cache: DiscoveryDiskCache, raw: RawDiscovery): void {
  const file = fileOf(cache);
  if (!file) return;
  // A group version that failed (an unavailable aggregated API) is asked again next time.
  if (Object.values(raw.resourceLists).some((list) => typeof list === 'string')) return;
  try {
    mkdirSync(join(cache.dir!, 'discovery'), { recursive: true });
    // Written beside and renamed: a concurrent reader sees the old file or the new one, never half.
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(raw));
    renameSync(temp, file);
  } catch {
    // Read-only home, full disk: the next run asks the server again.
  }
}

/**
 * `pick` applied to the cached discovery, and when that finds nothing, to a fresh one (kubectl's
 * "invalidate and retry" for a type it does not know yet). undefined when neither finds it.
 */
export async function pickFromDiscovery<T>(
  client: ApiClient,
  cache: DiscoveryDiskCache,
  pick: (discovery: DiscoveryResult) => T | undefined,
  opts: { signal?: AbortSignal } = {},
): Promise<T | undefined> {
  const cached = read(cache);
  if (cached) {
    const found = pick(buildDiscovery(cached));
    if (found !== undefined) return found;
  }
  return pick(await discoverFresh(client, cache, opts));
}
