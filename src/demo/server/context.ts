/** What request handlers share: the store, the catalogue, the kubelet runtime and open watches. */
import type { PodRuntime } from '../types.ts';
import type { ResourceCatalogue } from './catalogue.ts';
import type { MemoryStore } from './store.ts';
import type { WatchHub } from './watch-hub.ts';

/** Server-wide state handed to every handler. */
export interface ServerContext {
  store: MemoryStore;
  catalogue: ResourceCatalogue;
  watches: WatchHub;
  bookmarkIntervalMs: number;
  /** host:port, for /api's serverAddressByClientCIDRs. */
  address: string;
  runtime(): PodRuntime | undefined;
}
