/**
 * Changes as JSON lines (what `kx record` appends and `kx changes` reads) and as table cells
 * (what `:changes` and `kx changes` print): TIME, KIND, NAMESPACE, NAME, CHANGE, BY.
 */
import type { ChangeRecord } from './change-recorder.ts';

/** The table's headings. */
export const changeColumns = ['TIME', 'KIND', 'NAMESPACE', 'NAME', 'CHANGE', 'BY'] as const;

/** One change as a JSON line (no newline). */
export function changeLine(change: ChangeRecord): string {
  const { at, kind, namespace, name, uid, parts, by } = change;
  return JSON.stringify({ time: new Date(at).toISOString(), kind, namespace, name, uid, change: parts, by });
}

/** A JSON line back as a change, or undefined when the line is not one. */
export function parseChangeLine(line: string): ChangeRecord | undefined {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return undefined;
  }
  const o = (v ?? {}) as Record<string, unknown>;
  const at = typeof o['time'] === 'string' ? Date.parse(o['time']) : NaN;
  if (Number.isNaN(at) || typeof o['kind'] !== 'string' || typeof o['name'] !== 'string' || !Array.isArray(o['change'])) return undefined;
  const str = (k: string): string => (typeof o[k] === 'string' ? o[k] : '');
  return { at, kind: o['kind'], namespace: str('namespace'), name: o['name'], uid: str('uid'), parts: o['change'].map(String), by: str('by') || 'unknown' };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** A change's time: the local clock time, with the date before it when not on `now`'s day. */
export function changeTime(at: number, now: number): string {
  const d = new Date(at);
  const clock = `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
  return d.toDateString() === new Date(now).toDateString() ? clock : `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${clock}`;
}

/** A change's cells, in changeColumns' order. */
export function changeCells(change: ChangeRecord, now: number): string[] {
  return [changeTime(change.at, now), change.kind, change.namespace || '-', change.name, change.parts.join(', '), change.by];
}

/** Which changes a reader wants: a kind (Deployment, deployment or deployments), a namespace, since a time. */
export interface ChangeFilter {
  kind?: string | undefined;
  namespace?: string | undefined;
  /** Only changes at or after this time (ms). */
  since?: number | undefined;
}

/** Whether `change` passes `filter`. */
export function changeMatches(change: ChangeRecord, filter: ChangeFilter): boolean {
  if (filter.kind !== undefined) {
    const want = filter.kind.toLowerCase();
    const kind = change.kind.toLowerCase();
    if (want !== kind && want !== `${kind}s` && !(kind.endsWith('s') && want === `${kind}es`)) return false;
  }
  if (filter.namespace !== undefined && change.namespace !== filter.namespace) return false;
  return filter.since === undefined || change.at >= filter.since;
}

/** A kubectl-like table: columns three spaces apart, the last one unpadded. */
export function textTable(heading: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = heading.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]! + 3)))
      .join('')
      .trimEnd();
  return [heading, ...rows].map(line).join('\n') + '\n';
}
