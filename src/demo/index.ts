/** The whole demo cluster: the API server, its scenario, and a kubeconfig file pointing at it. */
import { rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startScenario, type ScenarioOptions } from './scenario/index.ts';
import { startDemoApiServer, type DemoServer } from './server/index.ts';

/** A running demo cluster. */
export interface DemoCluster {
  server: DemoServer;
  kubeconfigPath: string;
  /** Stops the scenario and the server, and removes a kubeconfig file we chose the path of. */
  stop(): Promise<void>;
}

/** Where the kubeconfig goes when the caller does not say: ~/.cache/kx/demo, or the temp dir without a home. */
function defaultKubeconfigPath(): string {
  let base: string;
  try {
    const home = homedir();
    base = home ? join(process.env.XDG_CACHE_HOME ?? join(home, '.cache'), 'kx', 'demo') : join(tmpdir(), 'kx-demo');
  } catch {
    base = join(tmpdir(), 'kx-demo');
  }
  return join(base, `kubeconfig-${process.pid}.yaml`);
}

/** Starts the demo API server and scenario and writes the kubeconfig. */
export async function startDemoCluster(opts: ScenarioOptions & { port?: number; kubeconfigPath?: string } = {}): Promise<DemoCluster> {
  const server = await startDemoApiServer({ ...(opts.port !== undefined ? { port: opts.port } : {}), metrics: true });
  const scenario = startScenario(server.store, opts);
  server.setRuntime(scenario.runtime);
  const kubeconfigPath = opts.kubeconfigPath ?? defaultKubeconfigPath();
  const ownsPath = opts.kubeconfigPath === undefined;
  try {
    server.writeKubeconfig(kubeconfigPath, { context: 'kx-demo' });
  } catch (err) {
    scenario.stop();
    await server.close();
    throw err;
  }
  let stopped = false;
  return {
    server,
    kubeconfigPath,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      scenario.stop();
      await server.close();
      if (ownsPath) rmSync(kubeconfigPath, { force: true });
    },
  };
}
