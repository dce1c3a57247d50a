import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeClients } from './kube-api.ts';
import { startKubeletServer } from './kubelet-server.ts';
import { startNodeAgent } from './node-agent.ts';
import { DEFAULT_NODES, type FakeNodeSpec } from './node-specs.ts';
import { startPodSync } from './pod-sync.ts';
import { selfSignedCert } from './tls-cert.ts';

/** Options for startFakeKubelet. */
export interface FakeKubeletOptions {
  /** Admin kubeconfig the kubelet talks to the API server with. */
  kubeconfigPath: string;
  /** Scratch dir for its cert, exec working dirs and debug log. */
  workDir: string;
  /** Nodes to register (default: a tainted control-plane node and two workers). */
  nodes?: FakeNodeSpec[];
}

/** A running fake kubelet serving several nodes from this process. */
export interface FakeKubelet {
  /** HTTPS port of /containerLogs and /exec (the nodes' kubeletEndpoint). */
  port: number;
  nodeNames: string[];
  /** Where it logs API errors and watch reconnects (debugging aid). */
  logPath: string;
  stop(): Promise<void>;
}

/**
 * Starts the fake kubelet: registers the nodes, keeps their leases fresh, drives the status of
 * pods scheduled to them and serves logs and exec for the API server to proxy. Conventions for
 * crash-looping, completing and never-ready containers are in container-plan.ts.
 */
export async function startFakeKubelet(opts: FakeKubeletOptions): Promise<FakeKubelet> {
  mkdirSync(opts.workDir, { recursive: true });
  const logPath = join(opts.workDir, 'fake-kubelet.log');
  const log = (msg: string): void => appendFileSync(logPath, `${new Date().toISOString()} ${msg}\n`);
  const nodes = opts.nodes ?? DEFAULT_NODES;
  const api = makeClients(opts.kubeconfigPath);
  const pods = startPodSync(
    api,
    nodes.map((n) => n.name),
    log,
  );
  const server = await startKubeletServer(selfSignedCert(opts.workDir), join(opts.workDir, 'exec'), pods.find);
  let agent;
  try {
    agent = await startNodeAgent(api, nodes, server.port, log);
  } catch (err) {
    pods.stop();
    await server.close();
    throw err;
  }
  const nodeAgent = agent;
  return {
    port: server.port,
    nodeNames: nodes.map((n) => n.name),
    logPath,
    async stop() {
      nodeAgent.stop();
      pods.stop();
      await server.close();
    },
  };
}
