/** Deployments not progressing or unavailable, failed Jobs, HPAs at their maximum. */
import { targetOf, type Finding, type TriageSource } from './finding.ts';

/** The workloads' findings. */
export function workloadFindings(src: TriageSource): Finding[] {
  const out: Finding[] = [];
  for (const row of src.rows('deployments.apps')) {
    for (const p of row.problems ?? []) {
      // A deadline passed is a stuck rollout; fewer available than desired may be one under way.
      out.push({ severity: p.reason === 'Unavailable' ? 'warning' : 'critical', target: targetOf(row, 'apps', 'Deployment'), ...p });
    }
  }
  for (const row of src.rows('jobs.batch')) {
    for (const p of row.problems ?? []) out.push({ severity: 'critical', target: targetOf(row, 'batch', 'Job'), ...p });
  }
  for (const row of src.rows('horizontalpodautoscalers.autoscaling')) {
    for (const p of row.problems ?? []) out.push({ severity: 'notice', target: targetOf(row, 'autoscaling', 'HorizontalPodAutoscaler'), ...p });
  }
  return out;
}
