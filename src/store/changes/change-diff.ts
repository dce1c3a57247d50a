/**
 * What changed between two fingerprints of one object, as short parts a table cell can hold:
 * `image web: nginx:1.25 → nginx:1.27`, `replicas 3 → 5`, `Ready True → False`,
 * `restarts 3 → 4 (OOMKilled)`, `label app: a → b`, `spec changed`.
 */
import type { Fingerprint } from './change-fingerprint.ts';

const arrow = '→';

function show(v: string | number | undefined): string {
  return v === undefined || v === '' ? '<none>' : String(v);
}

/** `what key: a → b` for every key whose value differs between two maps. */
function mapDiff(what: string, a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>> | undefined, out: string[]): void {
  const before = a ?? {};
  const after = b ?? {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const k of [...keys].sort()) {
    const x = before[k];
    const y = after[k];
    if (x === y) continue;
    if (y === undefined) out.push(`${what} ${k} removed`);
    else if (x === undefined) out.push(`${what} ${k}=${y}`);
    else out.push(`${what} ${k}: ${x} ${arrow} ${y}`);
  }
}

/** The event's own line: `Warning BackOff: Back-off restarting failed container (x4)`. */
export function eventLine(fp: Fingerprint): string {
  const e = fp.event!;
  return `${e.type} ${e.reason}: ${e.message}${e.count > 1 ? ` (x${e.count})` : ''}`;
}

/** The parts of the change from `a` to `b`, empty when nothing kx watches for changed. */
export function diffFingerprints(a: Fingerprint, b: Fingerprint): string[] {
  if (a.secret !== undefined || b.secret !== undefined) return a.secret === b.secret ? [] : ['changed'];
  if (b.event) return a.event && a.event.count === b.event.count && a.event.message === b.event.message ? [] : [eventLine(b)];
  const out: string[] = [];
  if (!a.deleting && b.deleting) out.push('deletion requested');
  const specLines = out.length;
  // An image per container: `image web: nginx:1.25 → nginx:1.27`.
  const ia = a.images ?? {};
  const ib = b.images ?? {};
  for (const name of Object.keys(ib)) if (ia[name] !== undefined && ia[name] !== ib[name]) out.push(`image ${name}: ${show(ia[name])} ${arrow} ${show(ib[name])}`);
  const containersChanged = Object.keys(ia).join() !== Object.keys(ib).join();
  if (a.replicas !== b.replicas) out.push(`replicas ${show(a.replicas)} ${arrow} ${show(b.replicas)}`);
  // The rest (a generation, or a hash of the spec) moves with images and replicas: after their lines it says nothing more.
  const saidSpec = out.length > specLines;
  if (a.ready !== b.ready && a.ready !== undefined && b.ready !== undefined) out.push(`ready ${a.ready} ${arrow} ${b.ready}`);
  if (a.phase !== b.phase) out.push(`phase ${show(a.phase)} ${arrow} ${show(b.phase)}`);
  const ca = a.conditions ?? {};
  const cb = b.conditions ?? {};
  // A condition's first report (a new pod's PodScheduled, Initialized…) is not a change of it.
  for (const type of Object.keys(cb)) if (ca[type] !== undefined && ca[type] !== cb[type]) out.push(`${type} ${ca[type]} ${arrow} ${cb[type]}`);
  const ra = a.restarts ?? {};
  const rb = b.restarts ?? {};
  for (const [name, r] of Object.entries(rb)) {
    const before = ra[name]?.count ?? 0;
    if (r.count === before) continue;
    const label = Object.keys(rb).length > 1 ? `restarts ${name}` : 'restarts';
    out.push(`${label} ${before} ${arrow} ${r.count}${r.reason ? ` (${r.reason})` : ''}`);
  }
  if (a.node !== b.node) out.push(a.node === undefined ? `scheduled on ${show(b.node)}` : `node ${show(a.node)} ${arrow} ${show(b.node)}`);
  mapDiff('label', a.labels, b.labels, out);
  mapDiff('annotation', a.annotations, b.annotations, out);
  if ((a.rest !== b.rest && !saidSpec) || containersChanged) out.push(b.kind === 'ConfigMap' ? 'data changed' : 'spec changed');
  return out;
}
