/** The demo cluster's API server: an in-process HTTP server speaking the Kubernetes REST protocol. */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { KubeObject } from '../../kube/object.ts';
import type { DemoResourceRef, DemoStore, PodRuntime } from '../types.ts';
import type { ResourceDef } from './resource-def.ts';
import { builtinResources } from './builtin-resources.ts';
import { ResourceCatalogue } from './catalogue.ts';
import { metricsApiService, metricsResources } from './metrics-resources.ts';
import type { ServerContext } from './context.ts';
import { watchCrds } from './crd-registry.ts';
import { startGarbageCollector } from './garbage-collector.ts';
import { createDemoHttpServer } from './http-server.ts';
import { writeDemoKubeconfig } from './kubeconfig.ts';
import { MemoryStore } from './store.ts';
import { selfSignedCertificate } from './self-signed.ts';
import { WatchHub } from './watch-hub.ts';

/** How to start the demo API server. */
export interface DemoServerOptions {
  host?: string;
  port?: number;
  /** Bearer token required on every request; default random. */
  token?: string;
  /** Number of recent changes kept for watch resume; default 10000. */
  compactionWindow?: number;
  /** Default 30000. */
  bookmarkIntervalMs?: number;
  /**
   * How long a list, get or watch from a resourceVersion newer than the store's waits for it before
   * the server answers 504 Too large resource version; default 3000 (the watch cache's blockTimeout).
   */
  resourceVersionWaitMs?: number;
  runtime?: PodRuntime;
  /** Serve metrics.k8s.io (and its APIService), as a cluster with metrics-server does; default false. */
  metrics?: boolean;
  /** The resources served instead of the built-in ones (a snapshot's discovery). */
  resources?: ResourceDef[];
  /** Objects stored as they are (uid, resourceVersion, timestamps kept) before anything runs: a snapshot's. */
  objects?: Array<{ resource: DemoResourceRef; object: KubeObject }>;
  /** Set for a snapshot: every write is refused with this reason, metrics are served as stored, no garbage collector runs. */
  frozen?: string;
  /** What /version answers; default demoVersion. */
  version?: object;
}

/** A running demo API server. */
export interface DemoServer {
  /** http://127.0.0.1:PORT */
  url: string;
  token: string;
  store: DemoStore;
  /** The scenario's kubelet, for pods/log and pods/exec. */
  setRuntime(runtime: PodRuntime): void;
  /**
   * Context 'kx-demo', cluster 'kx-demo', user 'kx-demo', token auth. The kubeconfig names the
   * https:// address of the same port (with the server's CA), because kubectl sends tokens only over TLS.
   */
  writeKubeconfig(path: string, opts?: { context?: string; namespace?: string }): void;
  /** Destroys every open socket, watches included (tests: reconnect). */
  dropConnections(): void;
  /** Keeps watch sockets open but writes nothing, no bookmarks either (tests: stall detection). */
  stallWatches(stalled: boolean): void;
  /** Forgets event history: a watch/list from any older resourceVersion now gets 410 Gone. */
  compact(): void;
  close(): Promise<void>;
}

/** Starts the demo API server on 127.0.0.1 (port 0 picks a free port). */
export async function startDemoApiServer(opts: DemoServerOptions = {}): Promise<DemoServer> {
  const host = opts.host ?? '127.0.0.1';
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const catalogue = new ResourceCatalogue(opts.resources ?? (opts.metrics ? [...builtinResources(), ...metricsResources()] : undefined));
  const store = new MemoryStore(catalogue, opts.compactionWindow ?? 10_000);
  for (const { resource, object } of opts.objects ?? []) store.restore(resource, object);
  if (opts.metrics) store.create({ group: 'apiregistration.k8s.io', plural: 'apiservices' }, metricsApiService(new Date()));
  const stopCrds = watchCrds(store);
  // A snapshot's owners may be missing (taken with --kinds or -n): nothing may be collected.
  const stopGc = opts.frozen === undefined ? startGarbageCollector(store) : () => undefined;
  const watches = new WatchHub();
  let runtime = opts.runtime;
  const ctx: ServerContext = {
    store,
    catalogue,
    watches,
    bookmarkIntervalMs: opts.bookmarkIntervalMs ?? 30_000,
    resourceVersionWaitMs: opts.resourceVersionWaitMs ?? 3000,
    address: '',
    runtime: () => runtime,
    issuedTokens: new Map(),
    ...(opts.frozen !== undefined ? { frozen: opts.frozen } : {}),
    ...(opts.version ? { version: opts.version } : {}),
  };
  const tls = selfSignedCertificate();
  const { server, sockets } = createDemoHttpServer(ctx, token, tls);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  ctx.address = `${host}:${port}`;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const dropConnections = (): void => {
    // Abrupt, like a server crash: destroy sockets first, then forget the streams.
    for (const s of [...sockets]) s.destroy();
    sockets.clear();
    watches.closeAll();
  };
  return {
    url,
    token,
    store,
    setRuntime: (r) => {
      runtime = r;
    },
    writeKubeconfig: (path, kcOpts) => writeDemoKubeconfig(path, `https://${ctx.address}`, token, tls.cert, kcOpts),
    dropConnections,
    stallWatches: (stalled) => watches.setStalled(stalled),
    compact: () => store.compact(),
    close: async () => {
      stopCrds();
      stopGc();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        dropConnections();
      });
    },
  };
}

export { MemoryStore } from './store.ts';
export { ResourceCatalogue } from './catalogue.ts';
