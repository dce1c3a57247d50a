/** Objects stuck terminating: deleted over a minute ago and still held by finalizers. */
import { kindFor } from '../../kinds/registry.ts';
import { type Finding, type TriageSource } from './finding.ts';

/** How long a deletion may wait on its finalizers before it counts as stuck. */
export const stuckAfterMs = 60_000;

/** The stuck objects among the rows of `resourceKeys`. */
export function terminatingFindings(src: TriageSource, resourceKeys: readonly string[]): Finding[] {
  const out: Finding[] = [];
  for (const key of resourceKeys) {
    const kind = kindFor(key);
    for (const row of src.rows(key)) {
      if (row.deletingSince === undefined || !(src.now - row.deletingSince > stuckAfterMs)) continue;
      out.push({
        severity: 'warning',
        target: { resourceKey: key, group: kind?.module.group ?? '', kind: kind?.kind ?? key, namespace: row.namespace, name: row.name, uid: row.uid },
        reason: 'StuckTerminating',
        message: `deleted, waiting for finalizers ${(row.finalizers ?? []).join(', ')}`,
        since: row.deletingSince,
      });
    }
  }
  return out;
}
