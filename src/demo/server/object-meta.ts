/** Small helpers for stamping object metadata the way the API server does. */
import { randomBytes, randomUUID } from 'node:crypto';
import type { KubeObject } from '../../kube/object.ts';

const alphabet = 'bcdfghjklmnpqrstvwxz2456789';

/** RFC 3339 with second precision, as metadata timestamps are written. */
export function rfc3339(date: Date = new Date()): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z');
}

/** A new object UID. */
export function newUid(): string {
  return randomUUID();
}

/** The 5 random characters the server appends to generateName (k8s uses a vowel-free alphabet). */
export function randomSuffix(length = 5): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

/** A deep copy of a JSON object. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** JSON of everything but metadata and status: what decides whether generation moves. */
export function specFingerprint(obj: KubeObject): string {
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = obj;
  return JSON.stringify(rest);
}

/** JSON of the object without its resourceVersion: an update that changes nothing is a no-op. */
export function contentFingerprint(obj: KubeObject): string {
  const { resourceVersion: _rv, managedFields: _mf, ...meta } = obj.metadata;
  return JSON.stringify({ ...obj, apiVersion: '', metadata: meta });
}
