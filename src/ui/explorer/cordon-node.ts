/** Cordon or uncordon from the nodes view: kubectl's patch, and its sentence for the status line. */
import { setUnschedulable } from '../../kube/mutations/cordon.ts';
import { toKxError } from '../../kube/errors.ts';
import type { KubeSession } from '../../kube/session.ts';
import type { Flash } from '../components/status-line.tsx';

/** Cordons (`desired` true) or uncordons node `name`; resolves with `node/X cordoned` or the error, never rejects. */
export async function cordonNode(session: KubeSession, name: string, desired: boolean): Promise<{ text: string; level: Flash['level'] }> {
  try {
    return { text: await setUnschedulable(session.client, name, desired), level: 'info' };
  } catch (err) {
    return { text: toKxError(err).message, level: 'error' };
  }
}
