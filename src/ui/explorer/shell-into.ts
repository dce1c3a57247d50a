/**
 * `s` on a pod: a shell takes the whole terminal. Ink steps aside (leaves the alternate screen,
 * releases raw mode) and redraws everything when the shell exits or the connection drops.
 */
import { assertNotCompleted, defaultContainer, runInteractiveShell } from '../../kube/exec/shell.ts';
import { toKxError } from '../../kube/errors.ts';
import type { KubeObject } from '../../kube/object.ts';
import type { KubeSession } from '../../kube/session.ts';
import type { Row } from '../../kinds/types.ts';
import type { Flash } from '../components/status-line.tsx';

/** Opens a shell in the row's pod (its default container) and resolves with what to flash afterwards. */
export async function shellInto(session: KubeSession, row: Row, suspendTerminal: (work: () => Promise<void>) => Promise<void>): Promise<Flash> {
  try {
    const pod = await session.client.get<KubeObject>(`/api/v1/namespaces/${encodeURIComponent(row.namespace)}/pods/${encodeURIComponent(row.name)}`);
    assertNotCompleted(pod);
    const container = defaultContainer(pod);
    if (!container) throw new Error(`pod "${row.name}" has no containers`);
    let outcome: Flash = { text: '', level: 'info' };
    await suspendTerminal(async () => {
      process.stdout.write(`kx: shell in ${row.namespace}/${row.name} (container ${container}); exit to return\r\n`);
      try {
        const result = await runInteractiveShell({ session, namespace: row.namespace, pod: row.name, container });
        outcome = { text: `${result.shell} in ${row.name}/${container} exited with status ${result.exitCode}`, level: result.exitCode === 0 ? 'info' : 'error' };
      } catch (err) {
        outcome = { text: toKxError(err).message, level: 'error' };
      }
    });
    return outcome;
  } catch (err) {
    return { text: toKxError(err).message, level: 'error' };
  }
}
