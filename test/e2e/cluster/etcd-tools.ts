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
