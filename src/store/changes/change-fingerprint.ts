/**
 * The few fields of an object whose changes are worth a line, kept instead of the object (the
 * cache keeps slim rows, so the previous version is not there to diff against): images per
 * container, replicas, readiness, conditions, restarts, labels, annotations and a hash of the rest.
 */
import type { KubeObject } from '../../kube/object.ts';

/** A container's restart count and the reason its last run ended. */
export interface RestartMark {
  count: number;
  reason: string;
}

/** The fields compared between two versions of an object; every part is small by construction. */
export interface Fingerprint {
  /** Kind, namespace and name: what a deletion is recorded against once the object is gone. */
  kind: string;
  namespace: string;
  name: string;
  /** Secrets: one hash of data, type, labels and annotations, so only "changed" can be said. */
  secret?: number;
  /** container name → image (init containers too). */
  images?: Readonly<Record<string, string>>;
  replicas?: number;
  /** Ready replicas (workloads) or ready nodes/pods by condition; a count. */
  ready?: number;
  phase?: string;
  /** condition type → status. */
  conditions?: Readonly<Record<string, string>>;
  /** container name → restarts and the last state's reason. */
  restarts?: Readonly<Record<string, RestartMark>>;
  node?: string;
  labels: Readonly<Record<string, string>>;
  /** Values longer than valueLimit are kept as a hash ('#1a2b3c4d'). */
  annotations: Readonly<Record<string, string>>;
  deleting: boolean;
  /**
   * The rest: metadata.generation where the server keeps one for a spec (the apiserver's own count
   * of spec changes, free to read), else a hash of what is not metadata or status (data, rules…;
   * a pod's few mutable fields besides its images and node). Both move with images and replicas too.
   */
  rest: number;
  /** When kx received this version (ms): a writer recorded before the previous version cannot have made the next. */
  seenAt?: number;
  /** Events only: type, reason, message and count. */
  event?: { type: string; reason: string; message: string; count: number };
}

/** Longer label and annotation values are kept as hashes, so a fingerprint stays small. */
export const valueLimit = 80;

/** kubectl apply's copy of the whole object: large, and a change of it says nothing the rest does not. */
const lastApplied = 'kubectl.kubernetes.io/last-applied-configuration';

/** 32-bit FNV-1a over a string: enough to tell "changed" from "the same" for one object. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function hashValue(value: unknown): number {
  return hashText(JSON.stringify(value) ?? '');
}

function short(value: string): string {
  return value.length > valueLimit ? `#${hashText(value).toString(16).padStart(8, '0')}` : value;
}

function record(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function list(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.map(record) : [];
}

/** The pod spec inside an object: a pod's own, a workload's template's, a CronJob's job template's. */
function podSpecOf(obj: KubeObject): Record<string, unknown> | undefined {
  const spec = record(obj['spec']);
  if (obj.kind === 'Pod') return spec;
  const template = record(spec['template'])['spec'] ?? record(record(record(spec['jobTemplate'])['spec'])['template'])['spec'];
  return template === undefined ? undefined : record(template);
}

function imagesOf(podSpec: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of [...list(podSpec['initContainers']), ...list(podSpec['containers'])]) {
    if (typeof c['name'] === 'string') out[c['name']] = typeof c['image'] === 'string' ? c['image'] : '';
  }
  return out;
}

/**
 * The rest of an object, hashed: a pod's spec is immutable but for its images, node and these
 * few fields (hashing only them keeps a pod's fingerprint cheap: pods are most of the events);
 * other objects without a generation (ConfigMaps, Services, Nodes) hash all but metadata and status.
 */
function restHash(obj: KubeObject): number {
  if (obj.kind === 'Pod') {
    const spec = record(obj['spec']);
    const resources = [...list(spec['initContainers']), ...list(spec['containers'])].map((c) => c['resources']);
    return hashValue([spec['activeDeadlineSeconds'], spec['tolerations'], spec['schedulingGates'], resources]);
  }
  const { apiVersion: _a, kind: _k, metadata: _m, status: _s, ...rest } = obj;
  return hashValue(rest);
}

function restartsOf(status: Record<string, unknown>): Record<string, RestartMark> | undefined {
  const statuses = [...list(status['initContainerStatuses']), ...list(status['containerStatuses'])];
  if (statuses.length === 0) return undefined;
  const out: Record<string, RestartMark> = {};
  for (const s of statuses) {
    if (typeof s['name'] !== 'string') continue;
    const terminated = record(record(s['lastState'])['terminated']);
    out[s['name']] = { count: typeof s['restartCount'] === 'number' ? s['restartCount'] : 0, reason: typeof terminated['reason'] === 'string' ? terminated['reason'] : '' };
  }
  return out;
}

function conditionsOf(status: Record<string, unknown>): Record<string, string> | undefined {
  const conds = list(status['conditions']);
  if (conds.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const c of conds) if (typeof c['type'] === 'string') out[c['type']] = typeof c['status'] === 'string' ? c['status'] : '';
  return out;
}

/** The ready count a workload reports (Deployment, StatefulSet, ReplicaSet: readyReplicas; DaemonSet: numberReady). */
function readyOf(obj: KubeObject, status: Record<string, unknown>): number | undefined {
  const v = obj.kind === 'DaemonSet' ? status['numberReady'] : status['readyReplicas'];
  if (typeof v === 'number') return v;
  // A workload scaled to zero drops readyReplicas: that is 0 ready, not "unknown".
  return ['Deployment', 'StatefulSet', 'ReplicaSet', 'DaemonSet'].includes(obj.kind) && Object.keys(status).length > 0 ? 0 : undefined;
}

function annotationsOf(all: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(all ?? {})) if (k !== lastApplied) out[k] = short(v);
  return out;
}

function labelsOf(all: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(all ?? {})) out[k] = short(v);
  return out;
}

/** The fingerprint of one version of an object. */
export function fingerprintOf(obj: KubeObject): Fingerprint {
  const m = obj.metadata ?? { name: '', uid: '' };
  const base = {
    kind: obj.kind ?? '',
    namespace: m.namespace ?? '',
    name: m.name ?? '',
    deleting: typeof m.deletionTimestamp === 'string' && m.deletionTimestamp !== '',
  };
  if (obj.kind === 'Secret') {
    // Nothing of a Secret is kept but one hash: its values must not reach a screen or a file.
    const { data, stringData, type } = obj as { data?: unknown; stringData?: unknown; type?: unknown };
    return { ...base, secret: hashValue([data, stringData, type, m.labels, annotationsOf(m.annotations)]), labels: {}, annotations: {}, rest: 0 };
  }
  const fp: Fingerprint = { ...base, labels: labelsOf(m.labels), annotations: annotationsOf(m.annotations), rest: 0 };
  if (obj.kind === 'Event') {
    const e = obj as { type?: unknown; reason?: unknown; message?: unknown; count?: unknown; series?: { count?: unknown } };
    const count = typeof e.series?.count === 'number' ? e.series.count : typeof e.count === 'number' ? e.count : 1;
    const message = String(e.message ?? '');
    // A message is read, not compared: cut it rather than hash it.
    fp.event = { type: String(e.type ?? ''), reason: String(e.reason ?? ''), message: message.length > 160 ? `${message.slice(0, 159)}…` : message, count };
    return fp;
  }
  if (obj.kind !== 'Pod' && typeof m.generation === 'number' && obj['spec'] !== undefined) {
    fp.rest = m.generation;
  } else {
    fp.rest = restHash(obj);
  }
  const spec = record(obj['spec']);
  const status = record(obj['status']);
  const podSpec = podSpecOf(obj);
  if (podSpec) fp.images = imagesOf(podSpec);
  if (typeof spec['replicas'] === 'number') fp.replicas = spec['replicas'];
  const ready = readyOf(obj, status);
  if (ready !== undefined) fp.ready = ready;
  if (typeof status['phase'] === 'string') fp.phase = status['phase'];
  const conditions = conditionsOf(status);
  if (conditions) fp.conditions = conditions;
  const restarts = restartsOf(status);
  if (restarts) fp.restarts = restarts;
  if (obj.kind === 'Pod' && typeof spec['nodeName'] === 'string') fp.node = spec['nodeName'];
  return fp;
}

/** Where in an object a line of change-diff.ts lives, as managedFields' fieldsV1 keys; undefined: not said. */
function fieldsOfPart(part: string): string[] | undefined {
  const word = part.split(' ', 1)[0];
  if (word === 'image' || part === 'spec changed') return ['f:spec'];
  if (word === 'replicas') return ['f:spec', 'f:replicas'];
  if (word === 'label') return ['f:metadata', 'f:labels'];
  if (word === 'annotation') return ['f:metadata', 'f:annotations'];
  if (part === 'data changed') return ['f:data'];
  if (word === 'node' || part.startsWith('scheduled on')) return ['f:spec', 'f:nodeName'];
  // ready, phase, restarts and conditions (`Ready True → False`) are status.
  if (word === 'ready' || word === 'phase' || word === 'restarts' || part.includes(' → ')) return ['f:status'];
  return undefined;
}

function touches(fieldsV1: unknown, path: readonly string[]): boolean {
  let at = fieldsV1;
  for (const key of path) {
    at = record(at)[key];
    if (at === undefined) return false;
  }
  return true;
}

/** managedFields times are whole seconds and clocks differ a little: an entry this much older than what kx saw before still counts. */
const clockSlackMs = 2_000;

/**
 * Who made this version: the manager and operation of the newest managedFields entry that owns a
 * field the change is about (a scale is kubectl's, not the controller's status update that came
 * just after it), else of the newest entry; 'unknown' when the object keeps none, or when that
 * entry was written before kx saw the previous version (`since`, ms): then this change left no
 * entry of its own (a 1.20 API server records none for a write through /scale), and naming the
 * field's earlier writer would be wrong.
 */
export function changedBy(obj: KubeObject, parts: readonly string[] = [], since?: number): string {
  const entries = list(obj.metadata?.managedFields).map((entry) => ({
    manager: String(entry['manager'] ?? ''),
    operation: String(entry['operation'] ?? ''),
    time: typeof entry['time'] === 'string' ? entry['time'] : '',
    fields: entry['fieldsV1'],
  }));
  const paths = parts.map(fieldsOfPart).filter((p) => p !== undefined);
  const owning = entries.filter((e) => paths.some((path) => touches(e.fields, path)));
  let best: (typeof entries)[number] | undefined;
  // RFC 3339 times in UTC compare as text; the later entry wins ties (the apiserver appends).
  for (const entry of owning.length > 0 ? owning : entries) if (best === undefined || entry.time >= best.time) best = entry;
  if (!best || best.manager === '') return 'unknown';
  const written = Date.parse(best.time);
  if (since !== undefined && Number.isFinite(written) && written < since - clockSlackMs) return 'unknown';
  return best.operation === '' ? best.manager : `${best.manager} (${best.operation})`;
}
