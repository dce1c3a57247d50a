/** Reads from a resourceVersion wait, like the watch cache's waitUntilFreshAndBlock, until the store has reached it. */
import type { ServerResponse } from 'node:http';
import type { ServerContext } from './context.ts';
import { badRequest, tooLargeResourceVersion } from './errors.ts';

/** The resourceVersion a request names; undefined for none or "0" (any state will do). */
export function requestedResourceVersion(query: URLSearchParams): number | undefined {
  const raw = query.get('resourceVersion') ?? '';
  if (raw === '' || raw === '0') return undefined;
  const rv = Number(raw);
  if (!Number.isSafeInteger(rv) || rv < 0) throw badRequest(`invalid resource version: ${raw}`);
  return rv;
}

/**
 * Resolves once the store's resourceVersion is at least `rv`, at once when it already is. A store
 * that does not get there in ctx.resourceVersionWaitMs (it was reset: a new demo on the same port,
 * like a restored etcd) rejects with 504 Too large resource version. When the client leaves first,
 * the wait just ends and the promise stays pending, so nothing is written to a closed response.
 */
export function waitUntilFresh(ctx: ServerContext, res: ServerResponse, rv: number): Promise<void> {
  if (ctx.store.currentResourceVersion() >= rv) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const stop = (): void => {
      clearTimeout(timer);
      unsubscribe();
      res.off('close', stop);
    };
    const unsubscribe = ctx.store.subscribe(() => {
      if (ctx.store.currentResourceVersion() < rv) return;
      stop();
      resolve();
    });
    const timer = setTimeout(() => {
      stop();
      reject(tooLargeResourceVersion(rv, ctx.store.currentResourceVersion()));
    }, ctx.resourceVersionWaitMs);
    res.on('close', stop);
  });
}
