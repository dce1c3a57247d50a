/** Nodes NotReady, under memory, disk or PID pressure, or cordoned. */
import type { Severity } from './finding.ts';
import { targetOf, type Finding, type TriageSource } from './finding.ts';

const severities: Readonly<Record<string, Severity>> = { NotReady: 'critical', Cordoned: 'notice' };

/** The nodes' findings. */
export function nodeFindings(src: TriageSource): Finding[] {
  return src.rows('nodes').flatMap((row) => (row.problems ?? []).map((p) => ({ severity: severities[p.reason] ?? 'warning', target: targetOf(row, '', 'Node'), ...p })));
}
