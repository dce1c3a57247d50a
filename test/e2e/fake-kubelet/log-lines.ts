import type { ContainerInstance } from './pod-runtime.ts';

/** How often a running container writes a log line. */
export const LOG_INTERVAL_MS = 500;

/** One log line with the time it was written. */
export interface LogLine {
  at: number;
  text: string;
}

const MESSAGES = [
  'handled request GET /healthz status=200',
  'cache refreshed entries=42',
  'handled request GET /api/items status=200',
  'worker heartbeat ok',
  'handled request POST /api/items status=201',
  'slow query took=1.2s',
];

/** Who writes the lines (part of every line so tests can tell streams apart). */
export interface LogOwner {
  pod: string;
  container: string;
}

function lineText(owner: LogOwner, inst: ContainerInstance, seq: number): string {
  const msg = MESSAGES[seq % MESSAGES.length] ?? '';
  const level = seq % 7 === 6 ? 'warn' : 'info';
  return `level=${level} pod=${owner.pod} container=${owner.container} run=${inst.index} seq=${seq} msg="${msg}"`;
}

/**
 * The lines an instance has written up to `until` (a line every 500 ms from its start, plus a
 * last line when it exits). Lines are computed from time, so no history needs storing.
 */
export function instanceLines(owner: LogOwner, inst: ContainerInstance, until: number): LogLine[] {
  const end = Math.min(until, inst.finishedAt ?? until);
  const lines: LogLine[] = [];
  for (let seq = 0; inst.startedAt + seq * LOG_INTERVAL_MS <= end; seq++) {
    lines.push({ at: inst.startedAt + seq * LOG_INTERVAL_MS, text: lineText(owner, inst, seq) });
  }
  if (inst.finishedAt !== undefined && inst.finishedAt <= until) {
    const text =
      inst.exitCode === 0
        ? `level=info container=${owner.container} msg="work complete, exiting"`
        : `level=error container=${owner.container} msg="fatal: simulated crash, exiting with code ${inst.exitCode}"`;
    lines.push({ at: inst.finishedAt, text });
  }
  return lines;
}

/** The lines written in (from, until], for streaming with follow. */
export function linesBetween(owner: LogOwner, inst: ContainerInstance, from: number, until: number): LogLine[] {
  return instanceLines(owner, inst, until).filter((l) => l.at > from);
}

/** Query options of /containerLogs that shape the output. */
export interface LogQuery {
  tailLines?: number;
  sinceSeconds?: number;
  sinceTime?: number;
  timestamps: boolean;
}

/** RFC 3339 with nanoseconds, the kubelet's timestamp format. */
export function rfc3339Nano(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

/** Applies since/tail filters to a batch of lines. */
export function selectLines(lines: LogLine[], q: LogQuery, now: number): LogLine[] {
  let out = lines;
  const since = q.sinceTime ?? (q.sinceSeconds !== undefined ? now - q.sinceSeconds * 1000 : undefined);
  if (since !== undefined) out = out.filter((l) => l.at >= since);
  if (q.tailLines !== undefined) out = q.tailLines <= 0 ? [] : out.slice(-q.tailLines);
  return out;
}

/** Formats lines for the wire (one per line, optional timestamp prefix). */
export function formatLines(lines: LogLine[], timestamps: boolean): string {
  return lines.map((l) => (timestamps ? `${rfc3339Nano(l.at)} ${l.text}\n` : `${l.text}\n`)).join('');
}
