/** Starts a demo API server for a test file, with a kubeconfig on disk and the test kubelet. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoApiServer, type DemoServer, type DemoServerOptions } from '../../src/demo/server/index.ts';
import { namespace } from './demo-fixtures.ts';
import { TestRuntime } from './demo-test-runtime.ts';

/** A running server plus what tests need around it. */
export interface DemoSetup {
  server: DemoServer;
  runtime: TestRuntime;
  kubeconfig: string;
  close(): Promise<void>;
}

/** Starts a server with namespaces 'default' and 'kube-system' and writes its kubeconfig. */
export async function startDemoSetup(opts: DemoServerOptions = {}): Promise<DemoSetup> {
  const runtime = new TestRuntime();
  const server = await startDemoApiServer({ runtime, ...opts });
  for (const ns of ['default', 'kube-system']) server.store.create({ group: '', plural: 'namespaces' }, namespace(ns));
  const dir = mkdtempSync(join(tmpdir(), 'kx-demo-test-'));
  const kubeconfig = join(dir, 'kubeconfig');
  server.writeKubeconfig(kubeconfig);
  return {
    server,
    runtime,
    kubeconfig,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
