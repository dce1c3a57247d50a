/** GET/POST/PUT/PATCH/DELETE of single objects and their status subresource. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import type { KubeObject } from '../../kube/object.ts';
import type { ServerContext } from './context.ts';
import type { DeletionRequest } from './deletion.ts';
import { defaultPropagation, requestedPropagation } from './deletion-propagation.ts';
import { DemoStatusError, badRequest, notFound } from './errors.ts';
import { isRecord, queryInt, readBody, readJson, sendJson } from './http-util.ts';
import type { ResponseFormat } from './negotiate.ts';
import { applyPatch, patchTypeOf } from './patch/apply-patch.ts';
import { presentObject } from './present.ts';
import { toStorage } from './conversion.ts';
import { checkWorkloadReplicas } from './replicas.ts';
import { qualifiedName, type ResourceDef } from './resource-def.ts';
import { handleReview } from './reviews.ts';
import { applyCreateDefaults } from './defaults.ts';
import type { ResourceRoute } from './router.ts';
import { toTable } from './table/table.ts';

/** Objects whose DELETE answers with the object rather than a Status (ReturnDeletedObject in the real registry). */
const returnsDeletedObject = new Set(['/pods', '/services', '/namespaces', '/persistentvolumeclaims', '/persistentvolumes']);

/** Sends one object as JSON or as a one-row Table. */
export function sendObject(res: ServerResponse, code: number, obj: KubeObject, route: ResourceRoute, format: ResponseFormat): void {
  if (format.kind === 'table') {
    sendJson(res, code, toTable(route.def, route.version, [obj], { includeObject: format.includeObject }, { resourceVersion: obj.metadata.resourceVersion ?? '' }));
  } else sendJson(res, code, presentObject(obj, route.def, route.version));
}

/** The stored object a route names, or 404. */
export function getExisting(ctx: ServerContext, route: ResourceRoute): KubeObject {
  const obj = ctx.store.get(route.def, route.namespace, route.name ?? '');
  if (!obj) throw notFound(route.def, route.name ?? '');
  return obj;
}

/** POST to a collection. */
export async function handleCreate(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, route: ResourceRoute, format: ResponseFormat): Promise<void> {
  const { def } = route;
  if (await handleReview(def, req, res)) return;
  const body = await readJson(req);
  if (!isRecord(body)) throw badRequest("Object 'Kind' is missing in 'null'");
  const obj = body as unknown as KubeObject;
  obj.metadata = isRecord(obj.metadata) ? obj.metadata : ({} as KubeObject['metadata']);
  if (def.namespaced) {
    const ns = obj.metadata.namespace;
    if (ns && route.namespace && ns !== route.namespace) throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    if (!route.namespace && !ns) throw notFoundNamespace('');
    obj.metadata.namespace = route.namespace ?? ns;
    const namespace = obj.metadata.namespace as string;
    if (!ctx.store.get({ group: '', plural: 'namespaces' }, undefined, namespace)) throw notFoundNamespace(namespace);
  }
  // The registry's PrepareForCreate resets status for kinds with a status subresource.
  if (def.subresources.status) {
    if (def.group === '' && def.plural === 'pods') obj.status = { phase: 'Pending', qosClass: 'BestEffort' };
    else if (!(def.group === '' && def.plural === 'namespaces')) delete obj.status;
  }
  if (def.group === '' && def.plural === 'namespaces') obj.status = { phase: 'Active' };
  applyCreateDefaults(def, obj, ctx.store);
  obj.apiVersion = def.group === '' ? route.version : `${def.group}/${route.version}`;
  obj.kind = def.kind;
  delete obj.metadata.resourceVersion;
  checkWorkloadReplicas(def, route.version, obj);
  const stored = toStorage(def, route.version, obj);
  if (isDryRun(req)) {
    sendObject(res, 201, stored, route, format);
    return;
  }
  sendObject(res, 201, ctx.store.create(def, stored), route, format);
}

function notFoundNamespace(name: string): DemoStatusError {
  return notFound({ group: '', plural: 'namespaces' }, name);
}

function isDryRun(req: IncomingMessage): boolean {
  return new URL(req.url ?? '/', 'http://x').searchParams.getAll('dryRun').includes('All');
}

/** Keeps what a PUT/PATCH may not change through this endpoint (status via main resource, everything but status via /status). */
function scopeUpdate(def: ResourceDef, existing: KubeObject, next: KubeObject, subresource: string | undefined): KubeObject {
  if (subresource === 'status' || subresource === 'approval')
    return { ...existing, metadata: { ...existing.metadata, resourceVersion: next.metadata?.resourceVersion ?? existing.metadata.resourceVersion }, status: next.status };
  if (def.subresources.status) {
    const out = { ...next };
    if (existing.status === undefined) delete out.status;
    else out.status = existing.status;
    return out;
  }
  return next;
}

/** PUT an object (or its status). */
export async function handleUpdate(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, route: ResourceRoute, format: ResponseFormat): Promise<void> {
  const body = await readJson(req);
  if (!isRecord(body) || !isRecord(body.metadata)) throw badRequest("Object 'Kind' is missing in 'null'");
  const obj = body as unknown as KubeObject;
  const name = route.name ?? '';
  if (obj.metadata.name && obj.metadata.name !== name) throw badRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${name})`);
  obj.metadata.name = name;
  if (route.def.namespaced) {
    if (obj.metadata.namespace && obj.metadata.namespace !== route.namespace) throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    obj.metadata.namespace = route.namespace;
  }
  const existing = getExisting(ctx, route);
  const next = scopeUpdate(route.def, existing, toStorage(route.def, route.version, obj), route.subresource);
  checkWorkloadReplicas(route.def, route.version, next);
  if (isDryRun(req)) {
    sendObject(res, 200, next, route, format);
    return;
  }
  sendObject(res, 200, ctx.store.update(route.def, next), route, format);
}

/** PATCH an object (or its status). */
export async function handlePatch(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, route: ResourceRoute, format: ResponseFormat): Promise<void> {
  const type = patchTypeOf(req.headers['content-type'], route.def.custom === true);
  const raw = (await readBody(req)).toString('utf8');
  let patch: unknown;
  try {
    patch = type === 'apply' ? parseYaml(raw) : JSON.parse(raw);
  } catch (err) {
    throw badRequest(`error decoding patch: ${err instanceof Error ? err.message : String(err)}`);
  }
  const existing = getExisting(ctx, route);
  const patched = applyPatch(presentObject(existing, route.def, route.version), type, patch);
  if (!isRecord(patched.metadata)) throw badRequest('metadata must be an object');
  patched.metadata.name = existing.metadata.name;
  if (route.def.namespaced) patched.metadata.namespace = existing.metadata.namespace;
  patched.metadata.resourceVersion ??= existing.metadata.resourceVersion;
  const next = scopeUpdate(route.def, existing, toStorage(route.def, route.version, patched), route.subresource);
  checkWorkloadReplicas(route.def, route.version, next);
  if (isDryRun(req)) {
    sendObject(res, 200, next, route, format);
    return;
  }
  sendObject(res, 200, ctx.store.update(route.def, next), route, format);
}

/** DELETE an object: the object (terminating or, for some kinds, as deleted) or a Success Status. */
export async function handleDelete(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, route: ResourceRoute, query: URLSearchParams, format: ResponseFormat): Promise<void> {
  const body = await readJson(req).catch(() => undefined);
  const options = isRecord(body) ? body : {};
  const grace = queryInt(query, 'gracePeriodSeconds') ?? (typeof options.gracePeriodSeconds === 'number' ? options.gracePeriodSeconds : undefined);
  const request = deletionRequest(route, grace, requestedPropagation(options, query));
  const existing = getExisting(ctx, route);
  const pre = isRecord(options.preconditions) ? options.preconditions : {};
  if (typeof pre.uid === 'string' && pre.uid !== existing.metadata.uid) {
    throw new DemoStatusError(
      409,
      'Conflict',
      `Operation cannot be fulfilled on ${qualifiedName(route.def)} "${existing.metadata.name}": Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${existing.metadata.uid}`,
    );
  }
  if (typeof pre.resourceVersion === 'string' && pre.resourceVersion !== existing.metadata.resourceVersion) {
    throw new DemoStatusError(
      409,
      'Conflict',
      `Operation cannot be fulfilled on ${qualifiedName(route.def)} "${existing.metadata.name}": Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${existing.metadata.resourceVersion}`,
    );
  }
  if (isDryRun(req)) {
    sendObject(res, 200, existing, route, format);
    return;
  }
  const result = ctx.store.delete(route.def, route.namespace, existing.metadata.name, request);
  if (!result) throw notFound(route.def, existing.metadata.name);
  const stillThere = ctx.store.get(route.def, route.namespace, existing.metadata.name) !== undefined;
  const key = `${route.def.custom ? '' : route.def.group}/${route.def.plural}`;
  if (stillThere || route.def.custom || returnsDeletedObject.has(key)) {
    sendObject(res, 200, result, route, format);
    return;
  }
  const details: Record<string, string> = { name: existing.metadata.name, kind: route.def.plural, uid: existing.metadata.uid };
  if (route.def.group) details.group = route.def.group;
  sendJson(res, 200, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details });
}

/** DELETE on a collection (deletecollection): deletes every selected object, returns the list. */
export function deleteCollection(ctx: ServerContext, route: ResourceRoute, items: KubeObject[], query: URLSearchParams): KubeObject[] {
  const request = deletionRequest(route, queryInt(query, 'gracePeriodSeconds'), requestedPropagation({}, query));
  const out: KubeObject[] = [];
  for (const obj of items) {
    const r = ctx.store.delete(route.def, obj.metadata.namespace, obj.metadata.name, request);
    if (r) out.push(r);
  }
  return out;
}

/** The store's delete options for a request, with the resource's default propagation for this API version. */
function deletionRequest(route: ResourceRoute, grace: number | undefined, policy: DeletionRequest['propagationPolicy']): DeletionRequest {
  const fallback = defaultPropagation(route.def, route.version);
  return {
    ...(grace !== undefined ? { gracePeriodSeconds: grace } : {}),
    ...(policy ? { propagationPolicy: policy } : {}),
    ...(fallback ? { defaultPropagationPolicy: fallback } : {}),
  };
}
