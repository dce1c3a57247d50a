/** Runs helm with the whole terminal (kx steps aside), then waits for enter so its output can be read. */
import { runHelm, waitForEnter } from '../../../kube/helm/run-helm.ts';
import type { KubeSession } from '../../../kube/session.ts';

/** `helm ARGS` on the session's context; resolves with the sentence for the status line, rejects when helm fails. */
export async function helmSteppingAside(helm: string, args: readonly string[], session: KubeSession, suspendTerminal: (work: () => Promise<void>) => Promise<void>): Promise<string> {
  let status = 0;
  await suspendTerminal(async () => {
    process.stdout.write(`kx: helm ${args.join(' ')} (context ${session.context.name})\r\n`);
    status = await runHelm(helm, args, session);
    process.stdout.write(`\r\nkx: helm exited with status ${status}; press enter to return to kx\r\n`);
    await waitForEnter();
  });
  if (status !== 0) throw new Error(`helm ${args.slice(0, 2).join(' ')} exited with status ${status}.`);
  return `helm ${args.slice(0, 3).join(' ')} done`;
}
