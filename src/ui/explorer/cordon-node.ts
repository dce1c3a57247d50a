/** Cordon or uncordon from the nodes view: kubectl's patch, and its sentence for the status line. */
import type { WriteGate } from '../../kube/access/write-gate.ts';
import { setUnschedulable } from '../../kube/mutations/cordon.ts';
import { toKxError } from '../../kube/errors.ts';
import type { KubeSession } from '../../kube/session.ts';
import type { Flash } from '../components/status-line.tsx';

/** Cordons (`desired` true) or uncordons node `name`; resolves with `node/X cordoned` or the error, never rejects. */
export async function cordonNode(session: KubeSession, gate: WriteGate, name: string, desired: boolean): Promise<{ text: string; level: Flash['level'] }> {
  // Asked again at the moment of the patch, whoever called.
  const refused = gate.refusal(desired ? 'cordon' : 'uncordon');
  if (refused) return { text: refused, level: 'error' };
  try {
    return { text: await setUnschedulable(session.client, name, desired), level: 'info' };
  } catch (err) {
    return { text: toKxError(err).message, level: 'error' };
  }
}
