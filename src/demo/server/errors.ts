/** Builds the metav1.Status errors the real API server answers with, as DemoApiErrors. */
import type { KubeStatus } from '../../kube/object.ts';
import { DemoApiError } from '../types.ts';
import { qualifiedName, type ResourceDef } from './resource-def.ts';

type Named = Pick<ResourceDef, 'group' | 'plural'>;

/** metav1.StatusDetails as the demo fills them (retryAfterSeconds also becomes a Retry-After header). */
export type StatusDetails = NonNullable<KubeStatus['details']> & { retryAfterSeconds?: number };

/** An error carrying Status details (the name/kind/group the real server reports). */
export class DemoStatusError extends DemoApiError {
  constructor(
    code: number,
    reason: string,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(code, reason, message);
  }
}

/** `pods "x" not found`. */
export function notFound(def: Named, name: string): DemoStatusError {
  return new DemoStatusError(404, 'NotFound', `${qualifiedName(def)} "${name}" not found`, details(def, name));
}

/** `pods "x" already exists`. */
export function alreadyExists(def: Named, name: string): DemoStatusError {
  return new DemoStatusError(409, 'AlreadyExists', `${qualifiedName(def)} "${name}" already exists`, details(def, name));
}

/** The optimistic-concurrency conflict for a stale resourceVersion. */
export function conflict(def: Named, name: string): DemoStatusError {
  return new DemoStatusError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedName(def)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    details(def, name),
  );
}

/** 422 Invalid with one field cause, worded like the server's validation errors. */
export function invalid(def: Pick<ResourceDef, 'group' | 'plural' | 'kind'>, name: string, field: string, detail: string): DemoStatusError {
  const group = def.group === '' ? '' : `.${def.group}`;
  return new DemoStatusError(422, 'Invalid', `${def.kind}${group} "${name}" is invalid: ${field}: ${detail}`, {
    ...details(def, name),
    kind: def.kind,
    causes: [{ reason: 'FieldValueInvalid', message: detail, field }],
  });
}

/** 400 BadRequest. */
export function badRequest(message: string): DemoStatusError {
  return new DemoStatusError(400, 'BadRequest', message);
}

/** 404 for a path that names no served resource. */
export function unknownResource(): DemoStatusError {
  // The apiserver's NewNotFound for no resource: empty details, which clients dereference
  // (kubectl debug reads details.name to tell a missing subresource from a missing pod).
  return new DemoStatusError(404, 'NotFound', 'the server could not find the requested resource', {});
}

/** 405 for a verb the resource does not support. */
export function methodNotAllowed(): DemoStatusError {
  return new DemoStatusError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
}

/** 410 Expired for a resourceVersion or continue token older than the kept history. */
export function expired(message: string): DemoStatusError {
  return new DemoStatusError(410, 'Expired', message);
}

/**
 * 504 for a resourceVersion the store has not reached, as storage.NewTooLargeResourceVersionError:
 * client-go's reflector recognises the cause and lists again without a resourceVersion.
 */
export function tooLargeResourceVersion(requested: number, current: number): DemoStatusError {
  return new DemoStatusError(504, 'Timeout', `Timeout: Too large resource version: ${requested}, current: ${current}`, {
    causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
    retryAfterSeconds: 1,
  });
}

/** The Status body for any error (DemoApiError or unexpected). */
export function statusOf(err: unknown): KubeStatus & { metadata: Record<string, never> } {
  if (err instanceof DemoApiError) {
    const status: KubeStatus & { metadata: Record<string, never> } = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: err.message,
      reason: err.reason,
      code: err.code,
    };
    if (err instanceof DemoStatusError && err.details) status.details = err.details;
    return status;
  }
  const message = err instanceof Error ? err.message : String(err);
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'InternalError', code: 500 };
}

function details(def: Named & { kind?: string }, name: string): NonNullable<KubeStatus['details']> {
  const d: NonNullable<KubeStatus['details']> = { name, kind: def.plural };
  if (def.group !== '') d.group = def.group;
  return d;
}
