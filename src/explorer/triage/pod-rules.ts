/**
 * Pods: crash-looping, failed, pending (with the scheduler's reason from the latest FailedScheduling
 * event, else the PodScheduled condition's), image pull errors and OOM kills.
 */
import type { Row } from '../../kinds/types.ts';
import { targetOf, type Finding, type Severity, type TriageSource } from './finding.ts';

/** A pod Pending without a reason of its own is only news after this long (image pulls, volumes). */
export const pendingGraceMs = 2 * 60_000;

/**
 * A container running again after crashes stays a crash loop this long after its last crash: the
 * kubelet's back-off between restarts grows to 5 minutes, so a loop is never quiet for longer.
 */
export const crashLoopMemoryMs = 10 * 60_000;

const severities: Readonly<Record<string, Severity>> = {
  CrashLoopBackOff: 'critical',
  OOMKilled: 'warning',
  ErrImagePull: 'critical',
  ImagePullBackOff: 'critical',
  InvalidImageName: 'critical',
  ErrImageNeverPull: 'critical',
  Unschedulable: 'critical',
  Pending: 'warning',
};

/** The pods' findings. */
export function podFindings(src: TriageSource): Finding[] {
  const scheduling = latestFailedScheduling(src.rows('events'));
  const out: Finding[] = [];
  for (const row of src.rows('pods')) {
    for (const p of row.problems ?? []) {
      if (p.reason === 'Pending' && !(src.now - p.since > pendingGraceMs)) continue;
      if (p.running && !(src.now - p.since < crashLoopMemoryMs)) continue;
      const event = p.reason === 'Unschedulable' || p.reason === 'Pending' ? scheduling.get(row.uid) : undefined;
      out.push({
        severity: severities[p.reason] ?? 'critical',
        target: targetOf(row, '', 'Pod'),
        reason: event && p.reason === 'Pending' ? 'Unschedulable' : p.reason,
        message: event?.message ?? p.message,
        since: p.since,
      });
    }
  }
  return out;
}

/** The newest FailedScheduling event of each pod, by the pod's uid. */
function latestFailedScheduling(events: readonly Row[]): Map<string, { message: string; last: number }> {
  const out = new Map<string, { message: string; last: number }>();
  for (const row of events) {
    const w = row.warning;
    if (!w || w.reason !== 'FailedScheduling' || w.kind !== 'Pod') continue;
    const seen = out.get(w.uid);
    if (!seen || w.last > seen.last) out.set(w.uid, { message: w.message, last: w.last });
  }
  return out;
}
