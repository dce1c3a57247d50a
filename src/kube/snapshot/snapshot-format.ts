/**
 * The kx snapshot file: one gzipped JSON document (`KxSnapshot`, version 1) holding a cluster's
 * objects as lists per resource, what discovery said about each resource and the server's version,
 * so `kx --snapshot FILE` can serve it again as an API server.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { KubeObject } from '../object.ts';

/** What discovery said about one resource, enough to serve it again. */
export interface SnapshotResource {
  group: string;
  /** The version the lists were read at (the preferred one). */
  version: string;
  versions: string[];
  plural: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  subresources: { scale: boolean; status: boolean; log: boolean; exec: boolean };
}

/** The objects of one resource, or why they are missing. */
export interface SnapshotList {
  group: string;
  version: string;
  plural: string;
  /** Absent when the list could not be read (`error` says why: forbidden, not in the dump…). */
  items?: KubeObject[];
  error?: string;
}

/** The whole snapshot document. */
export interface KxSnapshot {
  kind: 'KxSnapshot';
  version: 1;
  /** RFC 3339, when the lists were read. */
  takenAt: string;
  /** The kubeconfig context it was taken from (or where it came from, e.g. a dump directory). */
  context: string;
  /** The cluster's /version answer. */
  serverVersion: Record<string, unknown>;
  /** Namespaces the lists were limited to; absent for all of them. */
  namespaces?: string[];
  resources: SnapshotResource[];
  lists: SnapshotList[];
  /** Container logs by `namespace/pod/container` (a kubectl cluster-info dump has them). */
  logs?: Record<string, string>;
}

/** The version this kx writes and reads. */
export const snapshotVersion = 1;

/** Serialises a snapshot as gzipped JSON. */
export function encodeSnapshot(doc: KxSnapshot): Buffer {
  return gzipSync(Buffer.from(JSON.stringify(doc)));
}

/** Reads a snapshot file's bytes (gzipped or plain JSON); throws one sentence naming `source` when it is not one kx can open. */
export function decodeSnapshot(bytes: Buffer, source: string): KxSnapshot {
  let text: string;
  try {
    // gzip files start with 1f 8b; plain JSON is accepted too (a snapshot someone gunzipped).
    text = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
  } catch {
    throw new Error(`${source} is not a kx snapshot: the file is truncated or not gzip`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new Error(`${source} is not a kx snapshot: the file is truncated or not JSON`);
  }
  const d = doc as Partial<KxSnapshot> | null;
  if (typeof d !== 'object' || d === null || d.kind !== 'KxSnapshot') throw new Error(`${source} is not a kx snapshot (no kind: KxSnapshot)`);
  if (d.version !== snapshotVersion) throw new Error(`${source} is a kx snapshot of version ${String(d.version)}, and this kx reads version ${snapshotVersion} only`);
  if (!Array.isArray(d.resources) || !Array.isArray(d.lists) || typeof d.takenAt !== 'string') throw new Error(`${source} is not a complete kx snapshot (resources, lists or takenAt missing)`);
  return d as KxSnapshot;
}
