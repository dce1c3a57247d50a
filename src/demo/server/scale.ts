/** The scale subresource: an autoscaling/v1 Scale view of replicas for workloads and custom resources. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import type { KubeObject } from '../../kube/object.ts';
import type { ServerContext } from './context.ts';
import { conflict, badRequest } from './errors.ts';
import { getExisting } from './crud.ts';
import { isRecord, readBody, sendJson } from './http-util.ts';
import { clone } from './object-meta.ts';
import { applyPatch, patchTypeOf } from './patch/apply-patch.ts';
import { checkScaleReplicas } from './replicas.ts';
import type { ResourceRoute } from './router.ts';
import type { ScaleSpec } from './resource-def.ts';
import { formatSelector } from './table/columns.ts';
import { readPath, writePath } from './table/jsonpath.ts';

/** The Scale object of a scalable object. */
export function scaleOf(obj: KubeObject, spec: ScaleSpec, custom: boolean): KubeObject {
  const specReplicas = readPath(obj, spec.specReplicasPath);
  const statusReplicas = readPath(obj, spec.statusReplicasPath);
  const rawSelector = spec.labelSelectorPath ? readPath(obj, spec.labelSelectorPath) : undefined;
  const selector = typeof rawSelector === 'string' ? rawSelector : rawSelector ? formatSelector(rawSelector) : undefined;
  const m = obj.metadata;
  const status: Record<string, unknown> = { replicas: typeof statusReplicas === 'number' ? statusReplicas : 0 };
  if (selector && selector !== '<none>') status.selector = selector;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: m.name,
      uid: m.uid,
      resourceVersion: m.resourceVersion,
      creationTimestamp: m.creationTimestamp,
      ...(m.namespace ? { namespace: m.namespace } : {}),
    },
    spec: { replicas: typeof specReplicas === 'number' ? specReplicas : custom ? 0 : 1 },
    status,
  };
}

/** GET, PUT or PATCH on /scale. */
export async function handleScale(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, route: ResourceRoute): Promise<void> {
  const spec = route.def.subresources.scale as ScaleSpec;
  const custom = route.def.custom === true;
  const existing = getExisting(ctx, route);
  const current = scaleOf(existing, spec, custom);
  if (req.method === 'GET') {
    sendJson(res, 200, current);
    return;
  }
  const raw = (await readBody(req)).toString('utf8');
  let wanted: KubeObject;
  try {
    if (req.method === 'PUT') wanted = JSON.parse(raw) as KubeObject;
    else {
      const type = patchTypeOf(req.headers['content-type'], false);
      wanted = applyPatch(current, type, type === 'apply' ? parseYaml(raw) : JSON.parse(raw));
    }
  } catch (err) {
    if (err instanceof SyntaxError) throw badRequest(`error decoding scale: ${err.message}`);
    throw err;
  }
  if (!isRecord(wanted) || !isRecord(wanted.spec)) throw badRequest('Scale must have a spec');
  checkScaleReplicas(existing.metadata.name, wanted.spec.replicas);
  // Scale's replicas is a plain int32: left out, it decodes as 0.
  const replicas = typeof wanted.spec.replicas === 'number' ? wanted.spec.replicas : 0;
  const rv = wanted.metadata?.resourceVersion;
  if (rv && rv !== existing.metadata.resourceVersion) throw conflict(route.def, existing.metadata.name);
  const next = clone(existing);
  writePath(next as unknown as Record<string, unknown>, spec.specReplicasPath, replicas);
  // dryRun=All: validated and answered as if written, but the store is left alone (the apiserver's rule).
  const dryRun = new URL(req.url ?? '/', 'http://x').searchParams.getAll('dryRun').includes('All');
  const updated = dryRun ? next : ctx.store.update(route.def, next);
  sendJson(res, 200, scaleOf(updated, spec, custom));
}
