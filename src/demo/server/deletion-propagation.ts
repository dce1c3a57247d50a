/**
 * DeleteOptions.propagationPolicy as the API server applies it: the policy becomes the `orphan` or
 * `foregroundDeletion` finalizer on the deleted object, and the garbage collector does the rest.
 */
import { DemoStatusError } from './errors.ts';
import type { ResourceDef } from './resource-def.ts';

/** metav1.DeletionPropagation. */
export type PropagationPolicy = 'Orphan' | 'Background' | 'Foreground';

/** The finalizer the garbage collector removes once it has orphaned the dependents. */
export const ORPHAN_FINALIZER = 'orphan';
/** The finalizer the garbage collector removes once the blocking dependents are gone. */
export const FOREGROUND_FINALIZER = 'foregroundDeletion';

/**
 * The policy a DELETE asks for, from its DeleteOptions (body) or query, like the server's decoding:
 * deprecated orphanDependents maps onto Orphan/Background; an unknown value is 422 Invalid.
 */
export function requestedPropagation(options: Record<string, unknown>, query: URLSearchParams): PropagationPolicy | undefined {
  const policy = options.propagationPolicy ?? query.get('propagationPolicy') ?? undefined;
  const orphanRaw = options.orphanDependents ?? query.get('orphanDependents') ?? undefined;
  const orphan = orphanRaw === undefined || orphanRaw === null ? undefined : orphanRaw === true || orphanRaw === 'true';
  if (policy !== undefined && policy !== null && policy !== 'Orphan' && policy !== 'Background' && policy !== 'Foreground') {
    throw invalidOptions('propagationPolicy', `Unsupported value: ${JSON.stringify(policy)}: supported values: "Foreground", "Background", "Orphan", "nil"`);
  }
  if (orphan !== undefined && policy) {
    throw invalidOptions('orphanDependents', `Invalid value: ${orphan}: orphanDependents and deletionPropagation cannot be both set`);
  }
  if (orphan !== undefined) return orphan ? 'Orphan' : 'Background';
  return policy ?? undefined;
}

/**
 * A resource's DefaultGarbageCollectionPolicy when the request names none: batch/v1 Jobs and v1
 * ReplicationControllers orphan their pods (back compatibility), everything else cascades.
 */
export function defaultPropagation(def: Pick<ResourceDef, 'group' | 'plural'>, version: string): PropagationPolicy | undefined {
  if (def.group === 'batch' && def.plural === 'jobs' && version === 'v1') return 'Orphan';
  if (def.group === '' && def.plural === 'replicationcontrollers' && version === 'v1') return 'Orphan';
  return undefined;
}

/**
 * The finalizers after a delete (deletionFinalizersForGarbageCollection): an explicit policy wins,
 * then an orphan/foreground finalizer already there, then the resource's default, then Background.
 */
export function finalizersAfterDelete(finalizers: readonly string[], policy: PropagationPolicy | undefined, fallback?: PropagationPolicy): string[] {
  const has = (f: string): boolean => finalizers.includes(f);
  const effective = policy ?? (has(ORPHAN_FINALIZER) ? 'Orphan' : has(FOREGROUND_FINALIZER) ? 'Foreground' : (fallback ?? 'Background'));
  const kept = finalizers.filter((f) => f !== ORPHAN_FINALIZER && f !== FOREGROUND_FINALIZER);
  if (effective === 'Orphan') kept.push(ORPHAN_FINALIZER);
  if (effective === 'Foreground') kept.push(FOREGROUND_FINALIZER);
  return kept;
}

function invalidOptions(field: string, detail: string): DemoStatusError {
  return new DemoStatusError(422, 'Invalid', `DeleteOptions.meta.k8s.io "" is invalid: ${field}: ${detail}`, {
    group: 'meta.k8s.io',
    kind: 'DeleteOptions',
    name: '',
    causes: [{ reason: 'FieldValueNotSupported', message: detail, field }],
  });
}
