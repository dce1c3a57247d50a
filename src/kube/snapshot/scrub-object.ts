/** What a snapshot keeps of an object: no managedFields, and Secrets without their values unless asked. */
import type { KubeObject } from '../object.ts';

const lastApplied = 'kubectl.kubernetes.io/last-applied-configuration';

/** A copy of `obj` fit for a snapshot file (the input is not changed). */
export function scrubObject(obj: KubeObject, opts: { secret: boolean; includeSecretValues: boolean }): KubeObject {
  const copy = structuredClone(obj);
  delete copy.metadata.managedFields;
  if (!opts.secret || opts.includeSecretValues) return copy;
  const s = copy as KubeObject & { data?: Record<string, string>; stringData?: Record<string, string> };
  // The keys say what a secret holds, which an incident review wants; the values stay behind.
  if (s.data) s.data = Object.fromEntries(Object.keys(s.data).map((k) => [k, '']));
  if (s.stringData) s.stringData = Object.fromEntries(Object.keys(s.stringData).map((k) => [k, '']));
  // kubectl apply keeps the whole secret, values included, in this annotation.
  const annotations = copy.metadata.annotations;
  if (annotations && lastApplied in annotations) {
    delete annotations[lastApplied];
    if (Object.keys(annotations).length === 0) delete copy.metadata.annotations;
  }
  return copy;
}
