/**
 * The OpenAPI documents kubectl reads before it writes: /openapi/v3 (the root and one document per
 * group version) and /openapi/v2. The demo has no schemas, so the documents say only what kubectl
 * decides by: which kinds can be patched, and that their PATCH takes `fieldValidation`. With that,
 * kubectl 1.32's `apply`/`create`/`replace` validate on the server (they send fieldValidation) instead
 * of failing to download schemas for client-side validation; the v2 document, which kubectl falls
 * back to for `v1/List` files, has no definitions, so kubectl skips its client-side checks.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ResourceCatalogue } from './catalogue.ts';
import type { ServerContext } from './context.ts';
import { demoVersion } from './discovery.ts';
import { unknownResource } from './errors.ts';
import { sendJson } from './http-util.ts';
import type { ResourceDef } from './resource-def.ts';

/** The query parameters of a real PATCH operation (kube-openapi names and types). */
const patchParameters = [
  { name: 'dryRun', in: 'query', description: 'When present, indicates that modifications should not be persisted.', schema: { type: 'string', uniqueItems: true } },
  { name: 'fieldManager', in: 'query', description: 'A name associated with the actor or entity that is making these changes.', schema: { type: 'string', uniqueItems: true } },
  { name: 'fieldValidation', in: 'query', description: 'How the server handles unknown or duplicate fields in the request.', schema: { type: 'string', uniqueItems: true } },
  { name: 'force', in: 'query', description: 'Force "Applying" requests, re-acquiring conflicting fields owned by other people.', schema: { type: 'boolean', uniqueItems: true } },
];

/**
 * The PATCH body types. Strategic merge is left out on purpose: kubectl would then compute its
 * patch from these documents' schemas, which the demo does not have, and warn; without it kubectl
 * uses the patch metadata compiled into it, as it does for any server without OpenAPI.
 */
const patchBodies = ['application/json-patch+json', 'application/merge-patch+json', 'application/apply-patch+yaml'];

/** 'api/v1' or 'apis/GROUP/VERSION': the key of a group version in the v3 root. */
export function groupVersionKey(group: string, version: string): string {
  return group === '' ? `api/${version}` : `apis/${group}/${version}`;
}

/** Every served group version, with the resources served in it. */
function groupVersions(catalogue: ResourceCatalogue): Map<string, { group: string; version: string; defs: ResourceDef[] }> {
  const out = new Map<string, { group: string; version: string; defs: ResourceDef[] }>();
  for (const def of catalogue.all()) {
    if (def.unavailable !== undefined) continue;
    for (const version of def.versions) {
      const key = groupVersionKey(def.group, version);
      let gv = out.get(key);
      if (!gv) out.set(key, (gv = { group: def.group, version, defs: [] }));
      gv.defs.push(def);
    }
  }
  return out;
}

function patchPath(def: ResourceDef, version: string): [string, object] {
  const base = `/${groupVersionKey(def.group, version)}`;
  const path = def.namespaced ? `${base}/namespaces/{namespace}/${def.plural}/{name}` : `${base}/${def.plural}/{name}`;
  return [
    path,
    {
      patch: {
        description: `partially update the specified ${def.kind}`,
        operationId: `patch${def.kind}`,
        parameters: patchParameters,
        requestBody: { content: Object.fromEntries(patchBodies.map((type) => [type, { schema: { type: 'object' } }])), required: true },
        responses: { '200': { description: 'OK' }, '201': { description: 'Created' }, '401': { description: 'Unauthorized' } },
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': { group: def.group, version, kind: def.kind },
      },
    },
  ];
}

function groupVersionDocument(gv: { group: string; version: string; defs: ResourceDef[] }, release: string): object {
  const paths = gv.defs
    .filter((def) => def.verbs.includes('patch'))
    .sort((a, b) => a.plural.localeCompare(b.plural))
    .map((def) => patchPath(def, gv.version));
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: release }, paths: Object.fromEntries(paths), components: { schemas: {} } };
}

/** GET /openapi/v3/KEY: one group version's document, or undefined when none is served. */
export function openApiV3Document(catalogue: ResourceCatalogue, key: string, release: string): object | undefined {
  const gv = groupVersions(catalogue).get(key);
  return gv ? groupVersionDocument(gv, release) : undefined;
}

/**
 * GET /openapi/v3: each group version's document by URL. The URL carries the document's hash, as the
 * real server's does, so kubectl's disk cache keeps a document exactly as long as it is current
 * (a CRD that adds a kind changes its group version's hash).
 */
export function openApiV3Root(catalogue: ResourceCatalogue, release: string): object {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const [key, gv] of [...groupVersions(catalogue)].sort(([a], [b]) => a.localeCompare(b))) {
    const hash = createHash('sha512')
      .update(JSON.stringify(groupVersionDocument(gv, release)))
      .digest('hex')
      .slice(0, 128)
      .toUpperCase();
    paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${hash}` };
  }
  return { paths };
}

/** The v2 document as JSON: a swagger document with no paths and no definitions. */
export function openApiV2Json(release: string): object {
  return { swagger: '2.0', info: { title: 'Kubernetes', version: release }, paths: {}, definitions: {} };
}

/** The media type kubectl asks /openapi/v2 for: gnostic's openapi_v2.Document in protobuf. */
export const openApiV2Protobuf = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';
/** What the real server answers it with: Go's mime parser refuses the '@' of the type asked for. */
const openApiV2ProtobufAnswer = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

/**
 * The same document in protobuf: only `swagger` (field 1, a string), since that is all the JSON one
 * says that kubectl reads. One length-delimited field needs no protobuf library.
 */
export function openApiV2ProtobufBytes(): Buffer {
  return stringField(1, '2.0');
}

function stringField(field: number, value: string): Buffer {
  const bytes = Buffer.from(value, 'utf8');
  // Tag and length are single-byte varints for a field below 16 and a value below 128 bytes.
  return Buffer.concat([Buffer.from([(field << 3) | 2, bytes.length]), bytes]);
}

/** Answers GET /openapi/v2, /openapi/v3 and /openapi/v3/KEY. */
export function sendOpenApi(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, r: { version: 'v2' | 'v3'; key?: string }): void {
  const version = (ctx.version ?? demoVersion) as { gitVersion?: unknown };
  const release = typeof version.gitVersion === 'string' ? version.gitVersion : demoVersion.gitVersion;
  if (r.version === 'v2') {
    // kubectl asks for protobuf only; anything that takes JSON (curl, a browser) gets JSON.
    if ((req.headers.accept ?? '').includes(openApiV2Protobuf)) {
      const body = openApiV2ProtobufBytes();
      res.writeHead(200, { 'Content-Type': openApiV2ProtobufAnswer, 'Content-Length': body.length });
      res.end(body);
    } else sendJson(res, 200, openApiV2Json(release));
    return;
  }
  if (r.key === undefined) {
    sendJson(res, 200, openApiV3Root(ctx.catalogue, release));
    return;
  }
  const doc = openApiV3Document(ctx.catalogue, r.key, release);
  if (!doc) throw unknownResource();
  sendJson(res, 200, doc);
}
