/** PersistentVolumeClaims still Pending. */
import { targetOf, type Finding, type TriageSource } from './finding.ts';

/** The claims' findings; the message is the latest Warning event about the claim when there is one (ProvisioningFailed). */
export function storageFindings(src: TriageSource): Finding[] {
  const claims = src.rows('persistentvolumeclaims');
  if (claims.length === 0) return [];
  const latest = new Map<string, { message: string; last: number }>();
  for (const row of src.rows('events')) {
    const w = row.warning;
    if (!w || w.kind !== 'PersistentVolumeClaim') continue;
    const seen = latest.get(w.uid);
    if (!seen || w.last > seen.last) latest.set(w.uid, { message: `${w.reason}: ${w.message}`, last: w.last });
  }
  return claims.flatMap((row) =>
    (row.problems ?? []).map((p) => ({ severity: 'warning' as const, target: targetOf(row, '', 'PersistentVolumeClaim'), ...p, message: latest.get(row.uid)?.message ?? p.message })),
  );
}
