/**
 * The triage view's rows: every rule's findings over the cache, as rows of SEVERITY, KIND,
 * NAMESPACE, NAME, REASON, SINCE and MESSAGE, worst first and then newest first. Pure; recomputed
 * from the live cache on each frame, so the view updates as the watches do (nothing is polled).
 */
import { timeCellText } from '../../kinds/cells.ts';
import { column } from '../../kinds/row.ts';
import type { ColumnSpec, Row, RowTarget, TimeCell, Tone } from '../../kinds/types.ts';
import { eventFindings } from './event-rules.ts';
import type { Finding, Severity, TriageSource } from './finding.ts';
import { nodeFindings } from './node-rules.ts';
import { podFindings } from './pod-rules.ts';
import { storageFindings } from './storage-rules.ts';
import { terminatingFindings } from './terminating-rules.ts';
import { triageKinds } from './triage-scope.ts';
import { workloadFindings } from './workload-rules.ts';

/** The triage view's columns. */
export const triageColumns: readonly ColumnSpec[] = [
  column('SEVERITY', 8),
  column('KIND', 12),
  column('NAMESPACE', 16),
  column('NAME', 36),
  column('REASON', 24),
  column('SINCE', 5, 'age'),
  column('MESSAGE', 60),
];

const sinceColumn = 5;

const rank: Readonly<Record<Severity, number>> = { critical: 0, warning: 1, notice: 2 };
const tones: Readonly<Record<Severity, Tone>> = { critical: 'error', warning: 'warn', notice: 'info' };

/** Every finding over `src`, worst first, then the most recent first (unknown times last). */
export function triageFindings(src: TriageSource): Finding[] {
  const own = [
    ...podFindings(src),
    ...workloadFindings(src),
    ...nodeFindings(src),
    ...storageFindings(src),
    ...terminatingFindings(
      src,
      triageKinds.map((k) => k.key),
    ),
  ];
  // An object with a row of its own says what is wrong already; its events would say it again.
  const covered = new Set(own.map((f) => objectKey(f.target)));
  const all = [...own, ...eventFindings(src).filter((f) => !covered.has(objectKey(f.target)))];
  const recency = (f: Finding): number => {
    const t = f.latest ?? f.since;
    return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
  };
  return all.sort((a, b) => rank[a.severity] - rank[b.severity] || recency(b) - recency(a) || a.target.name.localeCompare(b.target.name) || a.reason.localeCompare(b.reason));
}

function objectKey(t: RowTarget): string {
  return `${t.group}/${t.kind}/${t.namespace}/${t.name}`;
}

/** The findings as rows of the triage view (uids unique and stable across frames). */
export function triageRows(src: TriageSource): Row[] {
  const seen = new Map<string, number>();
  return triageFindings(src).map((f) => {
    let uid = `triage/${f.target.resourceKey || f.target.kind}/${f.target.uid || `${f.target.namespace}/${f.target.name}`}/${f.reason}`;
    // Two containers of one pod crash-looping: one row each.
    const n = seen.get(uid) ?? 0;
    seen.set(uid, n + 1);
    if (n > 0) uid += `#${n}`;
    return findingRow(f, uid, src.now);
  });
}

/** The tone of a triage row: its severity's. */
export function triageTone(row: Row): Tone {
  return tones[(row.cells[0] ?? '').toLowerCase() as Severity] ?? 'normal';
}

function findingRow(f: Finding, uid: string, now: number): Row {
  const since: TimeCell = { column: sinceColumn, kind: 'age', at: f.since };
  const cells = [f.severity.toUpperCase(), f.target.kind, f.target.namespace, f.target.name, f.reason, timeCellText(since, now), f.message];
  return {
    uid,
    resourceKey: 'triage',
    namespace: f.target.namespace,
    name: f.target.name,
    resourceVersion: '',
    createdAt: f.since,
    deleting: false,
    cells,
    timeCells: [since],
    labels: {},
    ownerRefs: [],
    target: f.target,
  };
}
