/**
 * `a` on a pod: attach to its default container's own process. Ink steps aside as for a shell;
 * keys reach the container when it reads stdin, ctrl-p ctrl-q detaches (ctrl-c too when nothing
 * reads the keys), and the explorer comes back with how the session ended.
 */
import type { WriteGate } from '../../kube/access/write-gate.ts';
import { assertAttachable, containerStdio, runAttachSession } from '../../kube/exec/attach.ts';
import { defaultContainer } from '../../kube/exec/shell.ts';
import { toKxError } from '../../kube/errors.ts';
import type { KubeObject } from '../../kube/object.ts';
import type { KubeSession } from '../../kube/session.ts';
import type { Row } from '../../kinds/types.ts';
import type { Flash } from '../components/status-line.tsx';

/**
 * Attaches to the row's pod (its default container), or on a container's row to that container,
 * and resolves with what to flash afterwards.
 */
export async function attachTo(session: KubeSession, gate: WriteGate, selected: Row, suspendTerminal: (work: () => Promise<void>) => Promise<void>): Promise<Flash> {
  // Asked again at the moment the session opens, whoever called.
  const refused = gate.refusal('attach');
  if (refused) return { text: refused, level: 'error' };
  // A container's row is named after the container; its pod is what to attach to.
  const row = selected.container ? { namespace: selected.namespace, name: selected.container.pod } : selected;
  try {
    const pod = await session.client.get<KubeObject>(`/api/v1/namespaces/${encodeURIComponent(row.namespace)}/pods/${encodeURIComponent(row.name)}`);
    assertAttachable(pod);
    const container = selected.container ? selected.name : defaultContainer(pod);
    const stdio = container ? containerStdio(pod, container) : undefined;
    if (!container || !stdio) throw new Error(`pod "${row.name}" has no containers`);
    let outcome: Flash = { text: '', level: 'info' };
    await suspendTerminal(async () => {
      const keys = stdio.stdin ? 'ctrl-p ctrl-q detaches' : 'output only; ctrl-c detaches';
      process.stdout.write(`kx: attached to ${row.namespace}/${row.name} (container ${container}); ${keys}\r\n`);
      if (stdio.stdin) process.stdout.write("If you don't see a command prompt, try pressing enter.\r\n");
      try {
        const result = await runAttachSession({ session, namespace: row.namespace, pod: row.name, container, stdin: stdio.stdin, tty: stdio.tty });
        outcome = result.detached
          ? { text: `detached from ${row.name}/${container}`, level: 'info' }
          : { text: `attach to ${row.name}/${container} ended with status ${result.exitCode}`, level: result.exitCode === 0 ? 'info' : 'error' };
      } catch (err) {
        outcome = { text: toKxError(err).message, level: 'error' };
      }
    });
    return outcome;
  } catch (err) {
    return { text: toKxError(err).message, level: 'error' };
  }
}
