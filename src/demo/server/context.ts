/** What request handlers share: the store, the catalogue, the kubelet runtime and open watches. */
import type { PodRuntime } from '../types.ts';
import type { ResourceCatalogue } from './catalogue.ts';
import type { MemoryStore } from './store.ts';
import type { IssuedTokens } from './token-request.ts';
import type { WatchHub } from './watch-hub.ts';

/** Server-wide state handed to every handler. */
export interface ServerContext {
  store: MemoryStore;
  catalogue: ResourceCatalogue;
  watches: WatchHub;
  bookmarkIntervalMs: number;
  /** How long a read waits for a resourceVersion the store has not reached before it is a 504. */
  resourceVersionWaitMs: number;
  /** host:port, for /api's serverAddressByClientCIDRs. */
  address: string;
  runtime(): PodRuntime | undefined;
  /** Set on a snapshot's server: why every write is refused. */
  frozen?: string;
  /** What /version answers, when not the demo's release. */
  version?: object;
  /** Service account tokens issued through TokenRequest, accepted until they expire. */
  issuedTokens: IssuedTokens;
}
