/** Content negotiation: does the client want plain JSON or a meta.k8s.io Table? */
import type { IncomingMessage } from 'node:http';
import { badRequest } from './errors.ts';

/** What to include as each Table row's object. */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** The response shape a request asked for. */
export type ResponseFormat = { kind: 'json' } | { kind: 'table'; includeObject: IncludeObject };

/** Reads the Accept header (entries in order, parameters in any order) and includeObject. */
export function negotiate(req: IncomingMessage, query: URLSearchParams): ResponseFormat {
  const accept = req.headers.accept ?? '';
  for (const entry of accept.split(',')) {
    const [type, ...params] = entry.split(';').map((p) => p.trim());
    if (type !== 'application/json' && type !== '*/*' && type !== 'application/*') continue;
    const p = new Map(params.map((kv) => kv.split('=').map((x) => x.trim()) as [string, string]));
    const as = p.get('as');
    if (as === undefined) return { kind: 'json' };
    if (as === 'Table' && p.get('g') === 'meta.k8s.io' && (p.get('v') === 'v1' || p.get('v') === 'v1beta1')) {
      return { kind: 'table', includeObject: includeObject(query) };
    }
    // Other conversions (PartialObjectMetadata, aggregated discovery) are not offered: try the next entry.
  }
  return { kind: 'json' };
}

function includeObject(query: URLSearchParams): IncludeObject {
  const v = query.get('includeObject');
  if (v === null || v === '' || v === 'Metadata') return 'Metadata';
  if (v === 'None' || v === 'Object') return v;
  throw badRequest(`Unable to convert to Table as requested: includeObject: Unsupported value: "${v}": supported values: "Metadata", "None", "Object"`);
}
