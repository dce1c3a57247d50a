/**
 * What the explorer knows about the session's cluster: its resources (discovery, kept current)
 * and its version for the header. Both belong to one cluster: a context switch redoes them.
 */
import { useEffect, useState } from 'react';
import type { DiscoveryResult } from '../../kube/discovery.ts';
import { startDiscovery } from '../../kube/discovery-cache.ts';
import { toKxError } from '../../kube/errors.ts';
import type { KubeSession } from '../../kube/session.ts';

/** Discovery (undefined until it lands) and the server's version. */
export function useClusterInfo(session: KubeSession, onError: (text: string) => void): { discovery: DiscoveryResult | undefined; serverVersion: string | undefined } {
  const [discovery, setDiscovery] = useState<DiscoveryResult | undefined>(undefined);
  const [serverVersion, setServerVersion] = useState<string | undefined>(undefined);
  useEffect(() => {
    let stopped = false;
    let stop: (() => void) | undefined;
    setDiscovery(undefined);
    startDiscovery(session.client, { onError: (err) => onError(err.message) })
      .then((cache) => {
        if (stopped) return cache.stop();
        const unsubscribe = cache.subscribe(setDiscovery);
        stop = () => {
          unsubscribe();
          cache.stop();
        };
        setDiscovery(cache.current());
      })
      .catch((err: unknown) => onError(`Discovery failed: ${toKxError(err).message}`));
    session.client
      .get<{ gitVersion?: string }>('/version')
      .then((v) => !stopped && setServerVersion(v.gitVersion))
      .catch(() => undefined);
    return () => {
      stopped = true;
      stop?.();
    };
    // onError is the explorer's flash: a new function each render, the same sink.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- onError is the same sink each render (above)
  }, [session.client]);
  return { discovery, serverVersion };
}
