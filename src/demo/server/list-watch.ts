/** GET on a collection: list (paged, selected, as JSON or Table) and watch (streamed WatchEvents). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KubeObject } from '../../kube/object.ts';
import type { StoreChange } from '../types.ts';
import type { ServerContext } from './context.ts';
import { decodeContinue, encodeContinue } from './continue-token.ts';
import { badRequest, statusOf } from './errors.ts';
import { requestedResourceVersion, waitUntilFresh } from './fresh-wait.ts';
import { queryBool, queryInt, sendJson } from './http-util.ts';
import type { ResponseFormat } from './negotiate.ts';
import { groupVersion, presentList, presentObject, type ListMeta } from './present.ts';
import type { ResourceRoute } from './router.ts';
import { combine, parseFieldSelector, parseLabelSelector, type ObjectPredicate } from './selectors.ts';
import { toTable } from './table/table.ts';
import { WatchStream } from './watch-hub.ts';

/** The selectors of a request (plus the name of a single-object watch). */
function requestFilter(route: ResourceRoute, query: URLSearchParams): ObjectPredicate | undefined {
  const { def } = route;
  const byName = route.name !== undefined ? (o: KubeObject) => o.metadata.name === route.name : undefined;
  return combine(parseLabelSelector(query.get('labelSelector')), parseFieldSelector(query.get('fieldSelector'), def.plural, def.kind, def.group), byName);
}

/** Answers a list request. */
export async function handleList(ctx: ServerContext, res: ServerResponse, route: ResourceRoute, query: URLSearchParams, format: ResponseFormat): Promise<void> {
  const { def, version } = route;
  const filter = requestFilter(route, query);
  const limit = queryInt(query, 'limit');
  if (limit !== undefined && limit < 0) throw badRequest(`limit: Invalid value: ${limit}: must be greater than or equal to 0`);
  const token = query.get('continue');
  // resourceVersion=N (NotOlderThan or Exact) needs a store at least that new; the demo keeps no
  // older states, so once there it serves the current one, as a list "not older than" N may.
  const wanted = token ? undefined : requestedResourceVersion(query);
  if (wanted !== undefined) await waitUntilFresh(ctx, res, wanted);
  const state = token ? decodeContinue(token, ctx.store.log.oldestResumable()) : undefined;
  const rv = state?.rv ?? ctx.store.currentResourceVersion();
  const page = ctx.store.page(def, {
    ...(route.namespace !== undefined ? { namespace: route.namespace } : {}),
    ...(state ? { after: state.after } : {}),
    ...(limit ? { limit } : {}),
    ...(filter ? { filter } : {}),
  });
  const meta: ListMeta = { resourceVersion: String(rv) };
  if (page.lastKey !== undefined) {
    meta.continue = encodeContinue({ rv, after: page.lastKey });
    // Like the real server: an exact count is only known when nothing filtered the scan.
    if (!filter) meta.remainingItemCount = page.remaining;
  }
  if (format.kind === 'table') {
    sendJson(res, 200, toTable(def, version, page.items, { includeObject: format.includeObject }, meta));
    return;
  }
  sendJson(res, 200, presentList(def, version, page.items, meta));
}

/** Streams a watch until the client leaves, timeoutSeconds passes, or the server drops it. */
export async function handleWatch(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, route: ResourceRoute, query: URLSearchParams, format: ResponseFormat): Promise<void> {
  const { def, version } = route;
  const filter = requestFilter(route, query);
  const fromRv = requestedResourceVersion(query);
  const bookmarks = queryBool(query, 'allowWatchBookmarks');
  const initialEventsEnd = queryBool(query, 'sendInitialEvents');
  const timeoutSeconds = queryInt(query, 'timeoutSeconds');
  // A resourceVersion from the future (the store was reset) fails like the watch cache's errWatcher:
  // a 200 whose one event is the 504 Status, after waiting to see whether the store gets there.
  const notFresh =
    fromRv !== undefined
      ? await waitUntilFresh(ctx, res, fromRv).then(
          () => undefined,
          (err: unknown) => err,
        )
      : undefined;

  res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache, private' });
  res.flushHeaders();
  req.socket.setNoDelay(true);
  const stream = new WatchStream(res, ctx.watches);
  if (notFresh) {
    stream.send({ type: 'ERROR', object: statusOf(notFresh) });
    stream.close();
    return;
  }
  let headersSent = false;
  const wire = (obj: KubeObject): unknown => {
    if (format.kind !== 'table') return presentObject(obj, def, version);
    const table = toTable(def, version, [obj], { includeObject: format.includeObject, noHeaders: headersSent }, { resourceVersion: obj.metadata.resourceVersion ?? '' });
    headersSent = true;
    return table;
  };
  const inScope = (obj: KubeObject): boolean => (route.namespace === undefined || obj.metadata.namespace === route.namespace) && (!filter || filter(obj));
  const sendChange = (change: StoreChange): void => {
    if (change.resource.group !== def.group || change.resource.plural !== def.plural) return;
    if (!inScope(change.object)) return;
    stream.send({ type: change.type, object: wire(change.object) });
  };
  const bookmark = (extra?: Record<string, string>): void => {
    const rv = String(ctx.store.currentResourceVersion());
    const plain = { kind: def.kind, apiVersion: groupVersion(def, version), metadata: { resourceVersion: rv, ...(extra ? { annotations: extra } : {}) } };
    const object = format.kind === 'table' ? { ...(wire(plain as KubeObject) as object), rows: [] } : plain;
    stream.send({ type: 'BOOKMARK', object });
  };

  if (fromRv === undefined) {
    // No resourceVersion: synthetic ADDED for the current state, then live changes.
    const initial = ctx.store.page(def, {
      ...(route.namespace !== undefined ? { namespace: route.namespace } : {}),
      ...(filter ? { filter } : {}),
    }).items;
    for (const obj of initial) stream.send({ type: 'ADDED', object: wire(obj) });
    if (initialEventsEnd && bookmarks) bookmark({ 'k8s.io/initial-events-end': 'true' });
  } else {
    const missed = ctx.store.changesSince(fromRv);
    if (!missed) {
      const oldest = ctx.store.log.oldestResumable();
      const message = `too old resource version: ${fromRv} (${oldest})`;
      stream.send({ type: 'ERROR', object: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'Expired', code: 410 } });
      stream.close();
      return;
    }
    for (const { change } of missed) sendChange(change);
  }
  stream.onClose(ctx.store.subscribe(sendChange));
  if (bookmarks) {
    const timer = setInterval(() => {
      if (!ctx.watches.stalled) bookmark();
    }, ctx.bookmarkIntervalMs);
    stream.onClose(() => clearInterval(timer));
  }
  if (timeoutSeconds !== undefined && timeoutSeconds > 0) {
    const timer = setTimeout(() => stream.close(), timeoutSeconds * 1000);
    stream.onClose(() => clearTimeout(timer));
  }
}
