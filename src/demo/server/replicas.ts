/** The API server's checks on spec.replicas: it must decode into an int32 (else 400) and be at least 0 (else 422). */
import { badRequest, invalid, type DemoStatusError } from './errors.ts';
import { isRecord } from './http-util.ts';
import type { ResourceDef } from './resource-def.ts';

const int32Min = -(2 ** 31);
const int32Max = 2 ** 31 - 1;

/** Built-in kinds whose spec.replicas is an int32, by group/plural, with the Go type that holds it. */
const workloadSpecs = new Map([
  ['apps/deployments', 'DeploymentSpec'],
  ['apps/replicasets', 'ReplicaSetSpec'],
  ['apps/statefulsets', 'StatefulSetSpec'],
]);

/** encoding/json's complaint about a value that does not fit an int32 field, or undefined when it fits. */
function int32DecodeError(value: unknown, goField: string): string | undefined {
  // null leaves the field unset (defaulted later), as Go's decoder does.
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= int32Min && value <= int32Max) return undefined;
    return `json: cannot unmarshal number ${value} into Go struct field ${goField} of type int32`;
  }
  const type = typeof value === 'string' ? 'string' : typeof value === 'boolean' ? 'bool' : Array.isArray(value) ? 'array' : 'object';
  return `json: cannot unmarshal ${type} into Go struct field ${goField} of type int32`;
}

/**
 * Throws what the API server answers for a bad replicas value: the body's decode error (400, worded as
 * for a PUT; a PATCH gets a 422 on field "patch" quoting the whole object there, too long to be useful)
 * or the validation error (422 on spec.replicas).
 */
function checkReplicas(value: unknown, kind: string, version: string, goSpec: string, negative: (n: number) => DemoStatusError): void {
  const decode = int32DecodeError(value, `${goSpec}.spec.replicas`);
  if (decode) throw badRequest(`${kind} in version "${version}" cannot be handled as a ${kind}: ${decode}`);
  if (typeof value === 'number' && value < 0) throw negative(value);
}

/** Rejects a Deployment, ReplicaSet or StatefulSet whose spec.replicas the API server would refuse; other kinds pass. */
export function checkWorkloadReplicas(def: ResourceDef, version: string, obj: unknown): void {
  const goSpec = def.custom ? undefined : workloadSpecs.get(`${def.group}/${def.plural}`);
  if (!goSpec || !isRecord(obj) || !isRecord(obj.spec)) return;
  const name = isRecord(obj.metadata) && typeof obj.metadata.name === 'string' ? obj.metadata.name : '';
  checkReplicas(obj.spec.replicas, def.kind, version, goSpec, (n) => invalid(def, name, 'spec.replicas', `Invalid value: ${n}: must be greater than or equal to 0`));
}

/** Rejects an autoscaling/v1 Scale whose spec.replicas the API server would refuse. */
export function checkScaleReplicas(name: string, replicas: unknown): void {
  checkReplicas(replicas, 'Scale', 'v1', 'ScaleSpec', (n) =>
    invalid({ group: 'autoscaling', plural: 'scales', kind: 'Scale' }, name, 'spec.replicas', `Invalid value: ${n}: must be greater than or equal to 0`),
  );
}
