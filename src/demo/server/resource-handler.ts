/** Dispatches a request on a resource path by method and subresource. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerContext } from './context.ts';
import { deleteCollection, getExisting, handleCreate, handleDelete, handlePatch, handleUpdate, sendObject } from './crud.ts';
import { DemoStatusError, methodNotAllowed, unknownResource } from './errors.ts';
import { queryBool, sendJson } from './http-util.ts';
import { requestedResourceVersion, waitUntilFresh } from './fresh-wait.ts';
import { handleList, handleWatch } from './list-watch.ts';
import { handleLogs } from './logs.ts';
import { negotiate } from './negotiate.ts';
import { presentList } from './present.ts';
import type { ResourceRoute } from './router.ts';
import { handleScale } from './scale.ts';
import { validateAttach } from './attach.ts';
import { handleTokenRequest } from './token-request.ts';
import { handleEviction } from './eviction.ts';
import { validateExec } from './exec.ts';
import { validatePortForward } from './portforward.ts';
import { combine, parseFieldSelector, parseLabelSelector } from './selectors.ts';

/** Handles every non-upgrade request on a resource path. */
export async function handleResource(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, route: ResourceRoute, query: URLSearchParams): Promise<void> {
  const method = req.method ?? 'GET';
  const format = negotiate(req, query);
  const { def } = route;
  const verbs = new Set(def.verbs);
  const watch = route.watchPath || queryBool(query, 'watch');
  // A snapshot's kind it could not read: every request says why, as a forbidden list would.
  if (def.unavailable !== undefined) throw new DemoStatusError(403, 'Forbidden', def.unavailable);

  if (route.subresource !== undefined) {
    await handleSubresource(ctx, req, res, route, query);
    return;
  }
  if (route.name === undefined) {
    switch (method) {
      case 'GET':
        if (watch) {
          if (!verbs.has('watch')) throw methodNotAllowed();
          await handleWatch(ctx, req, res, route, query, format);
        } else {
          if (!verbs.has('list')) throw methodNotAllowed();
          await handleList(ctx, res, route, query, format);
        }
        return;
      case 'POST':
        if (!verbs.has('create')) throw methodNotAllowed();
        await handleCreate(ctx, req, res, route, format);
        return;
      case 'DELETE': {
        if (!verbs.has('deletecollection')) throw methodNotAllowed();
        const filter = combine(parseLabelSelector(query.get('labelSelector')), parseFieldSelector(query.get('fieldSelector'), def.plural, def.kind, def.group));
        const items = ctx.store.page(def, { ...(route.namespace ? { namespace: route.namespace } : {}), ...(filter ? { filter } : {}) }).items;
        const deleted = deleteCollection(ctx, route, items, query);
        sendJson(res, 200, presentList(def, route.version, deleted, { resourceVersion: String(ctx.store.currentResourceVersion()) }));
        return;
      }
      default:
        throw methodNotAllowed();
    }
  }
  if (!verbs.has('get') && method !== 'POST') throw methodNotAllowed();
  switch (method) {
    case 'GET': {
      if (watch) {
        await handleWatch(ctx, req, res, route, query, format);
        return;
      }
      const wanted = requestedResourceVersion(query);
      if (wanted !== undefined) await waitUntilFresh(ctx, res, wanted);
      sendObject(res, 200, getExisting(ctx, route), route, format);
      return;
    }
    case 'PUT':
      await handleUpdate(ctx, req, res, route, format);
      return;
    case 'PATCH':
      await handlePatch(ctx, req, res, route, format);
      return;
    case 'DELETE':
      await handleDelete(ctx, req, res, route, query, format);
      return;
    default:
      throw methodNotAllowed();
  }
}

async function handleSubresource(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, route: ResourceRoute, query: URLSearchParams): Promise<void> {
  const method = req.method ?? 'GET';
  const { def } = route;
  const format = negotiate(req, query);
  switch (route.subresource) {
    case 'status':
    case 'approval':
      // approval writes the Approved/Denied conditions, which live in status as status's do.
      if (!(route.subresource === 'status' ? def.subresources.status : def.subresources.approval)) throw unknownResource();
      if (method === 'GET') sendObject(res, 200, getExisting(ctx, route), route, format);
      else if (method === 'PUT') await handleUpdate(ctx, req, res, route, format);
      else if (method === 'PATCH') await handlePatch(ctx, req, res, route, format);
      else throw methodNotAllowed();
      return;
    case 'scale':
      if (!def.subresources.scale) throw unknownResource();
      if (method !== 'GET' && method !== 'PUT' && method !== 'PATCH') throw methodNotAllowed();
      await handleScale(ctx, req, res, route);
      return;
    case 'log':
      if (!def.subresources.log) throw unknownResource();
      if (method !== 'GET') throw methodNotAllowed();
      await handleLogs(ctx, req, res, route, query);
      return;
    case 'exec':
      if (!def.subresources.exec) throw unknownResource();
      // A plain request (no WebSocket upgrade) is what an old SPDY-only client would send; the
      // request is validated first, as the apiserver does.
      validateExec(ctx, route, query);
      throw new DemoStatusError(400, 'BadRequest', 'Upgrade request required');
    case 'eviction':
      if (!def.subresources.eviction) throw unknownResource();
      if (method !== 'POST') throw methodNotAllowed();
      await handleEviction(ctx, req, res, route, query);
      return;
    case 'token':
      if (!def.subresources.token) throw unknownResource();
      if (method !== 'POST') throw methodNotAllowed();
      await handleTokenRequest(ctx, req, res, route);
      return;
    case 'portforward':
      if (!def.subresources.portforward) throw unknownResource();
      validatePortForward(ctx, route, query);
      throw new DemoStatusError(400, 'BadRequest', 'Upgrade request required');
    case 'attach':
      if (!def.subresources.attach) throw unknownResource();
      validateAttach(ctx, route, query);
      throw new DemoStatusError(400, 'BadRequest', 'Upgrade request required');
    default:
      throw unknownResource();
  }
}
