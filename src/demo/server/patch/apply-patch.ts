/** Applies a PATCH body by its content type (json-patch, merge-patch, strategic-merge-patch, apply). */
import fastJsonPatch from 'fast-json-patch';
import type { KubeObject } from '../../../kube/object.ts';
import { DemoStatusError, badRequest } from '../errors.ts';
import { mergePatch } from './merge-patch.ts';
import { strategicMergePatch } from './strategic-merge.ts';

/** The patch types the server accepts. */
export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

/** Maps a Content-Type to a patch type; anything else is 415 like the real server. */
export function patchTypeOf(contentType: string | undefined, custom: boolean): PatchType {
  const type = (contentType ?? '').split(';')[0]?.trim();
  switch (type) {
    case 'application/json-patch+json':
      return 'json';
    case 'application/merge-patch+json':
      return 'merge';
    case 'application/strategic-merge-patch+json':
      // Custom resources have no strategic merge schema: the real server refuses it.
      if (custom)
        throw new DemoStatusError(
          415,
          'UnsupportedMediaType',
          'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
        );
      return 'strategic';
    case 'application/apply-patch+yaml':
    case 'application/apply-patch+cbor':
      return 'apply';
    default: {
      const accepted = custom
        ? 'application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml'
        : 'application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json, application/apply-patch+yaml';
      throw new DemoStatusError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${accepted}`);
    }
  }
}

/** Applies a parsed patch body to an object, returning the patched copy. */
export function applyPatch(obj: KubeObject, type: PatchType, patch: unknown): KubeObject {
  switch (type) {
    case 'json': {
      if (!Array.isArray(patch)) throw badRequest('json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp');
      try {
        const doc = structuredClone(obj);
        return fastJsonPatch.applyPatch(doc, patch as fastJsonPatch.Operation[], true, true).newDocument;
      } catch (err) {
        const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
        throw new DemoStatusError(422, 'Invalid', `the server rejected our request due to an error in our request: ${message}`);
      }
    }
    case 'merge':
    case 'apply':
      // Server-side apply without field ownership: a merge of the applied configuration is what a demo needs.
      return mergePatch(obj, requireObject(patch)) as KubeObject;
    case 'strategic':
      return strategicMergePatch(obj, requireObject(patch)) as KubeObject;
    default: {
      const never: never = type;
      return never;
    }
  }
}

function requireObject(patch: unknown): Record<string, unknown> {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw badRequest('json: cannot unmarshal array into Go value of type map[string]interface {}');
  }
  return patch as Record<string, unknown>;
}
