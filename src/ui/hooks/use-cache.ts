/** Subscribes a component to the normalised cache's published frames. */
import { useSyncExternalStore } from 'react';
import type { ObjectCache } from '../../store/object-cache.ts';
import type { CacheSnapshot } from '../../store/types.ts';

/** The cache's latest snapshot; the component re-renders once per published frame, not per event. */
export function useCacheSnapshot(cache: ObjectCache): CacheSnapshot {
  return useSyncExternalStore(cache.subscribe, cache.getSnapshot);
}
