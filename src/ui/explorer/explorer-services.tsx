/**
 * What the explorer's views and panes share, through context rather than props: the session
 * (client, context), the connection, the cache and its watches, discovery, the write gate and the port-forwards.
 */
import { createContext, useContext, type ReactElement, type ReactNode } from 'react';
import type { WriteGate } from '../../kube/access/write-gate.ts';
import type { ClusterConnection } from '../../kube/cluster-connection.ts';
import type { DiscoveryResult } from '../../kube/discovery.ts';
import type { PortForwardRegistry } from '../../kube/port-forward/registry.ts';
import type { KubeSession } from '../../kube/session.ts';
import type { ObjectCache } from '../../store/object-cache.ts';
import type { WatchManager } from '../../store/watch-manager.ts';

/** The explorer's services. */
export interface ExplorerServices {
  session: KubeSession;
  connection: ClusterConnection;
  cache: ObjectCache;
  watches: WatchManager;
  discovery: DiscoveryResult | undefined;
  gate: WriteGate;
  /** The port-forwards started from this explorer; they run until stopped or kx exits. */
  forwards: PortForwardRegistry;
}

const ServicesContext = createContext<ExplorerServices | undefined>(undefined);

/** Provides the services to everything below. */
export function ExplorerServicesProvider(props: { services: ExplorerServices; children: ReactNode }): ReactElement {
  return <ServicesContext.Provider value={props.services}>{props.children}</ServicesContext.Provider>;
}

/** The explorer's services; only components inside the explorer may ask. */
export function useExplorerServices(): ExplorerServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useExplorerServices outside the explorer');
  return services;
}
