/** Starts the demo API server in-process with a kubeconfig, and opens a kube/ session on it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoApiServer, type DemoServerOptions } from '../../src/demo/server/index.ts';
import type { DemoServer } from '../../src/demo/server/index.ts';
import { loadKubeconfig } from '../../src/kube/kubeconfig.ts';
import { openSession, type KubeSession } from '../../src/kube/session.ts';

/** A demo server, the kubeconfig that points at it, and a session opened through that kubeconfig. */
export interface DemoFixture {
  server: DemoServer;
  kubeconfig: string;
  session: KubeSession;
  close(): Promise<void>;
}

/** Starts a demo server and connects to it the way kx does (kubeconfig → session). */
export async function openDemo(opts: DemoServerOptions & { namespace?: string } = {}): Promise<DemoFixture> {
  const server = await startDemoApiServer(opts);
  const dir = mkdtempSync(join(tmpdir(), 'kx-kube-demo-'));
  const kubeconfig = join(dir, 'config');
  server.writeKubeconfig(kubeconfig, opts.namespace ? { namespace: opts.namespace } : {});
  const session = await openSession(loadKubeconfig({ kubeconfig }));
  return {
    server,
    kubeconfig,
    session,
    async close() {
      await session.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
