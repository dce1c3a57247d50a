/**
 * `kx --snapshot FILE|DIR`: a kx snapshot file, or a kubectl cluster-info dump directory, served
 * read-only by the demo's API server machinery, with a kubeconfig kubectl can use too.
 */
import { readFileSync, statSync } from 'node:fs';
import type { KubeObject } from '../../kube/object.ts';
import { decodeSnapshot, type KxSnapshot } from '../../kube/snapshot/snapshot-format.ts';
import { startDemoApiServer, type DemoServer } from '../server/index.ts';
import { refKey } from '../server/resource-def.ts';
import type { DemoResourceRef } from '../types.ts';
import { readDumpDir } from './read-dump-dir.ts';
import { snapshotResources } from './snapshot-resources.ts';
import { snapshotRuntime } from './snapshot-runtime.ts';

/** A snapshot being served. */
export interface SnapshotCluster {
  server: DemoServer;
  snapshot: KxSnapshot;
  kubeconfigPath: string;
  stop(): Promise<void>;
}

/** Reads FILE or DIR into a snapshot; throws one sentence when it cannot be opened at all. */
export function readSnapshotSource(path: string): KxSnapshot {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    throw new Error(`cannot open snapshot ${path}: no such file or directory`);
  }
  return isDir ? readDumpDir(path) : decodeSnapshot(readFileSync(path), path);
}

/** Starts the API server on the snapshot's objects and writes its kubeconfig (context `kx-snapshot`) to `kubeconfigPath`. */
export async function serveSnapshot(snapshot: KxSnapshot, opts: { kubeconfigPath: string; port?: number }): Promise<SnapshotCluster> {
  const resources = snapshotResources(snapshot);
  const served = new Set(resources.map((d) => refKey(d.group, d.plural)));
  const objects: Array<{ resource: DemoResourceRef; object: KubeObject }> = [];
  for (const list of snapshot.lists) {
    if (!served.has(refKey(list.group, list.plural))) continue;
    for (const object of list.items ?? []) objects.push({ resource: { group: list.group, plural: list.plural }, object });
  }
  const server = await startDemoApiServer({
    resources,
    objects,
    frozen: 'snapshot',
    version: snapshot.serverVersion,
    ...(opts.port !== undefined ? { port: opts.port } : {}),
    runtime: snapshotRuntime(snapshot.logs ?? {}, new Date(snapshot.takenAt)),
  });
  try {
    server.writeKubeconfig(opts.kubeconfigPath, { context: 'kx-snapshot' });
  } catch (err) {
    await server.close();
    throw err;
  }
  return { server, snapshot, kubeconfigPath: opts.kubeconfigPath, stop: () => server.close() };
}
