/** `e`: the selected object in the user's editor, with the TUI stepped aside until the editor is done. */
import type { WriteGate } from '../../kube/access/write-gate.ts';
import { editObject } from '../../kube/mutations/edit.ts';
import { runEditor } from '../../kube/mutations/run-editor.ts';
import { toKxError } from '../../kube/errors.ts';
import type { KubeSession } from '../../kube/session.ts';
import type { Flash } from '../components/status-line.tsx';
import type { ObjectTarget } from '../panes/pane-types.ts';

/** Edits `target` like kubectl edit and resolves with what to flash afterwards. */
export async function editInEditor(session: KubeSession, gate: WriteGate, target: ObjectTarget, suspendTerminal: (work: () => Promise<void>) => Promise<void>): Promise<Flash> {
  // Asked again at the moment the editor would open, whoever called.
  const refused = gate.refusal('edit');
  if (refused) return { text: refused, level: 'error' };
  let outcome: Flash = { text: '', level: 'info' };
  await suspendTerminal(async () => {
    try {
      const done = await editObject(session.client, target, (file) => runEditor(file));
      outcome = done.kind === 'failed' ? { text: `${done.message} A copy of your changes is in ${done.savedTo}`, level: 'error' } : { text: done.message, level: 'info' };
    } catch (err) {
      outcome = { text: toKxError(err).message, level: 'error' };
    }
  });
  return outcome;
}
