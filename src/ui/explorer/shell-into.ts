/**
 * `s` on a pod or a container: a shell takes the whole terminal. Ink steps aside (leaves the
 * alternate screen, releases raw mode) and redraws everything when the shell exits or the
 * connection drops. A pod with several containers to choose from is asked about first
 * (shellChoicesOf, then the container picker); a container's row names its own.
 */
import type { WriteGate } from '../../kube/access/write-gate.ts';
import { containerChoices, type ContainerChoices } from '../../kube/exec/container-choices.ts';
import { assertNotCompleted, defaultContainer, runInteractiveShell } from '../../kube/exec/shell.ts';
import { toKxError } from '../../kube/errors.ts';
import type { KubeObject } from '../../kube/object.ts';
import type { KubeSession } from '../../kube/session.ts';
import type { Flash } from '../components/status-line.tsx';

/** A pod, and the container in it when one was chosen (else kubectl's default). */
export interface ContainerAddress {
  namespace: string;
  pod: string;
  container?: string | undefined;
}

async function getPod(session: KubeSession, namespace: string, name: string): Promise<KubeObject> {
  return session.client.get<KubeObject>(`/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}`);
}

/** The containers of a running pod a shell could go into, or what to flash when it cannot have one. */
export async function shellChoicesOf(session: KubeSession, namespace: string, pod: string): Promise<ContainerChoices | Flash> {
  try {
    const object = await getPod(session, namespace, pod);
    assertNotCompleted(object);
    const choices = containerChoices(object);
    if (choices.names.length === 0) throw new Error(`pod "${pod}" has no containers`);
    return choices;
  } catch (err) {
    return { text: toKxError(err).message, level: 'error' };
  }
}

/** Opens a shell in the addressed container and resolves with what to flash afterwards. */
export async function shellInto(session: KubeSession, gate: WriteGate, at: ContainerAddress, suspendTerminal: (work: () => Promise<void>) => Promise<void>): Promise<Flash> {
  // Asked again here, at the moment the session opens: a container picker may have sat open while read-only came on.
  const refused = gate.refusal('shell');
  if (refused) return { text: refused, level: 'error' };
  const { namespace, pod: name } = at;
  try {
    const pod = await getPod(session, namespace, name);
    assertNotCompleted(pod);
    const container = at.container ?? defaultContainer(pod);
    if (!container) throw new Error(`pod "${name}" has no containers`);
    let outcome: Flash = { text: '', level: 'info' };
    await suspendTerminal(async () => {
      process.stdout.write(`kx: shell in ${namespace}/${name} (container ${container}); exit to return\r\n`);
      try {
        const result = await runInteractiveShell({ session, namespace, pod: name, container });
        outcome = { text: `${result.shell} in ${name}/${container} exited with status ${result.exitCode}`, level: result.exitCode === 0 ? 'info' : 'error' };
      } catch (err) {
        outcome = { text: toKxError(err).message, level: 'error' };
      }
    });
    return outcome;
  } catch (err) {
    return { text: toKxError(err).message, level: 'error' };
  }
}
