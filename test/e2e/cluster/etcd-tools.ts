import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The current etcd revision (the newest write in the store). */
export async function etcdRevision(etcdctl: string, endpoint: string): Promise<number> {
  const { stdout } = await run(etcdctl, [`--endpoints=${endpoint}`, 'endpoint', 'status', '-w', 'json'], {
    env: { ...process.env, ETCDCTL_API: '3' },
  });
  const status = JSON.parse(stdout) as { Status?: { header?: { revision?: number } } }[];
  const rev = status[0]?.Status?.header?.revision;
  if (typeof rev !== 'number') throw new Error('etcdctl endpoint status returned no revision.');
  return rev;
}

/** Compacts etcd up to its current revision, so watches from any older resourceVersion get 410. */
export async function compactToCurrent(etcdctl: string, endpoint: string): Promise<number> {
  const rev = await etcdRevision(etcdctl, endpoint);
  await run(etcdctl, [`--endpoints=${endpoint}`, 'compact', String(rev)], { env: { ...process.env, ETCDCTL_API: '3' } });
  return rev;
}

/** Writes a snapshot of etcd's keyspace to `file` (etcdctl snapshot save). */
export async function saveSnapshot(etcdctl: string, endpoint: string, file: string): Promise<void> {
  await run(etcdctl, [`--endpoints=${endpoint}`, 'snapshot', 'save', file], { env: { ...process.env, ETCDCTL_API: '3' } });
}

/**
 * Restores `file` into a new data dir for a single member (etcdctl snapshot restore). etcd 3.4
 * keeps the snapshot's revision, so the restored store is behind every write made after it.
 */
export async function restoreSnapshot(etcdctl: string, file: string, member: { dataDir: string; name: string; peerUrl: string }): Promise<void> {
  await run(
    etcdctl,
    ['snapshot', 'restore', file, `--data-dir=${member.dataDir}`, `--name=${member.name}`, `--initial-cluster=${member.name}=${member.peerUrl}`, `--initial-advertise-peer-urls=${member.peerUrl}`],
    { env: { ...process.env, ETCDCTL_API: '3' } },
  );
}
