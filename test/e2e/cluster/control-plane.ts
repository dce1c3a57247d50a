import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeKubelet, type FakeKubelet, type FakeKubeletOptions } from '../fake-kubelet/fake-kubelet.ts';
import { registerMetricsApi, startMetricsServer, type MetricsServer } from '../metrics-server/metrics-server.ts';
import { ensureBinaries, type ControlPlaneBinaries } from './binaries.ts';
import { apiserverArgs, controllerManagerArgs, etcdArgs, schedulerArgs, type ControlPlanePorts } from './component-args.ts';
import { RESTRICTED_NAMESPACE, RESTRICTED_USER, writeCredentials, writeKubeconfig } from './credentials.ts';
import { compactToCurrent, etcdRevision, restoreSnapshot, saveSnapshot } from './etcd-tools.ts';
import { freePorts } from './ports.ts';
import { logTail, startProcess, type ManagedProcess } from './processes.ts';
import { setupRestrictedUser } from './rbac-setup.ts';
import { waitForApiServer, waitForEtcd, waitForNodes, waitForServiceAccount } from './readiness.ts';
import { removeOnExit, RUN_DIR_PREFIX, sweepStaleRuns, writeOwner } from './stale-sweep.ts';

export { RESTRICTED_NAMESPACE, RESTRICTED_USER } from './credentials.ts';

/** Options for startControlPlane. */
export interface ControlPlaneOptions {
  /** Start the in-process fake kubelet (default true); pass options to change its nodes. */
  fakeKubelet?: boolean | Pick<FakeKubeletOptions, 'nodes'>;
  /** API server watch cache (default true, like real clusters). With false every list/watch is
   * served from etcd, so compactEtcd() makes any older resourceVersion answer 410. */
  watchCache?: boolean;
  /** Keep the temp dir (logs, data) after stop() for debugging (default: env KX_E2E_KEEP=1). */
  keepDir?: boolean;
  /** Serve metrics.k8s.io (test/e2e/metrics-server/) through an APIService, for kubectl top (default false). */
  metricsServer?: boolean;
}

/** A running etcd + kube-apiserver + controller-manager + scheduler (+ fake kubelet) on loopback. */
export interface ControlPlane {
  /** https://127.0.0.1:PORT */
  server: string;
  /** Kubeconfig of the admin user (system:masters), token auth, TLS verification off. */
  kubeconfigPath: string;
  /** Kubeconfig of 'alice', who may do everything in namespace team-a and nothing else. */
  aliceKubeconfigPath: string;
  /** Bearer tokens for raw requests in tests; never print them. */
  adminToken: string;
  aliceToken: string;
  /** The namespace alice is limited to ('team-a'). */
  restrictedNamespace: string;
  /** etcd's client URL (http://127.0.0.1:PORT). */
  etcdEndpoint: string;
  /** Temp dir with data, logs (*.log) and kubeconfigs; removed by stop(). */
  dir: string;
  /** The fake kubelet, when started. */
  kubelet: FakeKubelet | undefined;
  /** The metrics server, when started (its stop() makes the APIService unavailable). */
  metricsServer: MetricsServer | undefined;
  /** Kills the API server (its whole process group) and waits for it to exit. */
  stopApiServer(): Promise<void>;
  /** Starts the API server again on the same port and waits for /readyz. */
  startApiServer(): Promise<void>;
  /** The current etcd revision. */
  etcdRevision(): Promise<number>;
  /** Compacts etcd to its current revision and returns it; older resourceVersions then get 410
   * from etcd (watches the API server's watch cache serves get 410 once older than its window). */
  compactEtcd(): Promise<number>;
  /** Writes a snapshot of etcd to `file` (etcdctl snapshot save). */
  saveEtcdSnapshot(file: string): Promise<void>;
  /** Kills etcd and waits for it to exit (stop the API server first for a clean reset). */
  stopEtcd(): Promise<void>;
  /** Replaces etcd's data dir with `snapshot` restored, or with nothing (a new, empty store); etcd must be stopped. */
  resetEtcdData(snapshot?: string): Promise<void>;
  /** Starts etcd again on the same ports and waits until it answers. */
  startEtcd(): Promise<void>;
  /** Stops everything (kubelet, scheduler, controller-manager, API server, etcd) and removes dir. */
  stop(): Promise<void>;
}

/**
 * Starts a real Kubernetes 1.20.2 control plane on free loopback ports, with token auth and RBAC,
 * an admin and a namespace-limited user, and a fake kubelet with three nodes. Builds the binaries
 * first if this machine has none (about 6 minutes, once). Everything is killed on stop(), on
 * process exit and on SIGINT/SIGTERM.
 */
export async function startControlPlane(opts: ControlPlaneOptions = {}): Promise<ControlPlane> {
  const bins: ControlPlaneBinaries = ensureBinaries();
  sweepStaleRuns();
  const dir = mkdtempSync(join(tmpdir(), RUN_DIR_PREFIX));
  const procs: ManagedProcess[] = [];
  const keep = opts.keepDir ?? process.env.KX_E2E_KEEP === '1';
  const cancelRemoval = keep ? () => false : removeOnExit(dir);
  const record = (): void =>
    writeOwner(
      dir,
      procs.map((p) => p.pid),
    );
  record();
  let kubelet: FakeKubelet | undefined;
  let metricsServer: MetricsServer | undefined;
  let apiserver: ManagedProcess | undefined;
  const stopAll = async (): Promise<void> => {
    await metricsServer?.stop().catch(() => {});
    await kubelet?.stop().catch(() => {});
    for (const p of [...procs].reverse()) await p.stop();
    if (!keep) rmSync(dir, { recursive: true, force: true });
    cancelRemoval();
  };
  try {
    const [etcdClient = 0, etcdPeer = 0, api = 0, kcm = 0, sched = 0] = await freePorts(5);
    const ports: ControlPlanePorts = { etcdClient, etcdPeer, apiserver: api, controllerManager: kcm, scheduler: sched };
    const server = `https://127.0.0.1:${ports.apiserver}`;
    const etcdEndpoint = `http://127.0.0.1:${ports.etcdClient}`;
    const creds = writeCredentials(dir);
    const kubeconfigPath = join(dir, 'admin.kubeconfig');
    const aliceKubeconfigPath = join(dir, 'alice.kubeconfig');
    writeKubeconfig(kubeconfigPath, { server, user: 'admin', token: creds.adminToken });
    writeKubeconfig(aliceKubeconfigPath, { server, user: RESTRICTED_USER, token: creds.aliceToken, namespace: RESTRICTED_NAMESPACE });
    const launch = (name: string, cmd: string, args: string[]): ManagedProcess => {
      const p = startProcess(name, cmd, args, { cwd: dir, logPath: join(dir, `${name}.log`) });
      procs.push(p);
      record();
      return p;
    };
    const guard = async (p: ManagedProcess, wait: Promise<void>): Promise<void> => {
      const died = p.exited.then((code) => {
        throw new Error(`${p.name} exited (${code}) while starting:\n${logTail(p.logPath)}`);
      });
      await Promise.race([wait, died]);
    };
    let etcd: ManagedProcess | undefined;
    const startEtcd = async (): Promise<void> => {
      const p = launch('etcd', bins.etcd, etcdArgs(dir, ports));
      // Keep etcd first in procs so stop() still kills it last.
      procs.splice(procs.indexOf(p), 1);
      procs.unshift(p);
      etcd = p;
      await guard(p, waitForEtcd(etcdEndpoint));
    };
    await startEtcd();
    const apiArgs = [...apiserverArgs(dir, ports, creds), ...(opts.watchCache === false ? ['--watch-cache=false'] : [])];
    const startApi = async (): Promise<void> => {
      apiserver = launch('kube-apiserver', bins.kubeApiserver, apiArgs);
      await guard(apiserver, waitForApiServer(server, creds.adminToken));
    };
    await startApi();
    launch('kube-controller-manager', bins.kubeControllerManager, controllerManagerArgs(dir, ports, creds, kubeconfigPath));
    launch('kube-scheduler', bins.kubeScheduler, schedulerArgs(dir, ports, kubeconfigPath));
    await setupRestrictedUser(server, creds.adminToken);
    await waitForServiceAccount(server, creds.adminToken, 'default');
    await waitForServiceAccount(server, creds.adminToken, RESTRICTED_NAMESPACE);
    if (opts.fakeKubelet !== false) {
      const custom = typeof opts.fakeKubelet === 'object' ? opts.fakeKubelet : {};
      kubelet = await startFakeKubelet({ kubeconfigPath, workDir: join(dir, 'kubelet'), ...custom });
      await waitForNodes(server, creds.adminToken, kubelet.nodeNames);
    }
    if (opts.metricsServer) {
      metricsServer = await startMetricsServer({ server, token: creds.adminToken, workDir: join(dir, 'metrics-server') });
      await registerMetricsApi(server, creds.adminToken, metricsServer.port);
    }
    return {
      server,
      kubeconfigPath,
      aliceKubeconfigPath,
      adminToken: creds.adminToken,
      aliceToken: creds.aliceToken,
      restrictedNamespace: RESTRICTED_NAMESPACE,
      etcdEndpoint,
      dir,
      kubelet,
      metricsServer,
      async stopApiServer() {
        const p = apiserver;
        apiserver = undefined;
        if (!p) return;
        await p.stop(5000);
        procs.splice(procs.indexOf(p), 1);
        record();
      },
      async startApiServer() {
        if (apiserver) throw new Error('The API server is already running.');
        await startApi();
      },
      etcdRevision: () => etcdRevision(bins.etcdctl, etcdEndpoint),
      compactEtcd: () => compactToCurrent(bins.etcdctl, etcdEndpoint),
      saveEtcdSnapshot: (file) => saveSnapshot(bins.etcdctl, etcdEndpoint, file),
      async stopEtcd() {
        const p = etcd;
        etcd = undefined;
        if (!p) return;
        await p.stop(5000);
        procs.splice(procs.indexOf(p), 1);
        record();
      },
      async resetEtcdData(snapshot) {
        if (etcd) throw new Error('etcd is still running.');
        const dataDir = join(dir, 'etcd');
        rmSync(dataDir, { recursive: true, force: true });
        if (snapshot) await restoreSnapshot(bins.etcdctl, snapshot, { dataDir, name: 'kx-e2e', peerUrl: `http://127.0.0.1:${ports.etcdPeer}` });
      },
      async startEtcd() {
        if (etcd) throw new Error('etcd is already running.');
        await startEtcd();
      },
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
