/**
 * An interactive shell in a container, as `kubectl exec -it POD -- bash` (falling back to sh)
 * would give: raw terminal, window size forwarded, the remote exit status returned. Which shell
 * exists is probed first with a silent `SHELL -c 'exit 0'`, so a missing bash never prints the
 * runtime's error into the user's session.
 */
import { PassThrough, Writable } from 'node:stream';
import type { KubeObject } from '../object.ts';
import type { KubeSession } from '../session.ts';
import { KxError } from '../errors.ts';
import { execInContainer, type ExecResult } from './exec-command.ts';

/** Shells tried in order. */
export const shells = ['bash', 'sh'] as const;

/** The container kubectl would pick: the default-container annotation, else the first one. */
export function defaultContainer(pod: KubeObject): string | undefined {
  const annotation = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  const containers = ((pod['spec'] as { containers?: { name: string }[] } | undefined)?.containers ?? []).map((c) => c.name);
  return annotation && containers.includes(annotation) ? annotation : containers[0];
}

/** kubectl's own check before it asks the server: a pod that has finished runs nothing. */
export function assertNotCompleted(pod: KubeObject): void {
  const phase = (pod['status'] as { phase?: string } | undefined)?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new KxError('invalid', `cannot exec into a container in a completed pod; current phase is ${phase}`);
}

/** The first shell of `shells` the container has, or undefined when it has none. */
export async function findShell(session: KubeSession, namespace: string, pod: string, container: string): Promise<string | undefined> {
  for (const shell of shells) {
    const sink = new Writable({ write: (_chunk, _enc, done) => done() });
    const result = await execInContainer({ session, namespace, pod, container, command: [shell, '-c', 'exit 0'], stdin: null, stdout: sink, stderr: sink, tty: false });
    if (result.exitCode === 0) return shell;
  }
  return undefined;
}

/** Terminal streams the shell uses (process.stdin/stdout in kx; a pty in tests). */
export interface TerminalStreams {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
}

/**
 * Opens an interactive shell; resolves when it exits or the connection drops. The terminal is
 * in raw mode meanwhile and always put back. Throws KxError when the container has no shell.
 */
export async function runInteractiveShell(
  opts: { session: KubeSession; namespace: string; pod: string; container: string },
  term: TerminalStreams = { stdin: process.stdin, stdout: process.stdout },
): Promise<ExecResult & { shell: string }> {
  const shell = await findShell(opts.session, opts.namespace, opts.pod, opts.container);
  if (!shell) {
    throw new KxError('invalid', `container "${opts.container}" in pod "${opts.pod}" has no shell (tried ${shells.join(' and ')})`);
  }
  const { stdin, stdout } = term;
  const wasRaw = stdin.isTTY ? stdin.isRaw : false;
  // stdin goes through a PassThrough so that, afterwards, it can be detached without ending the
  // real stdin (the explorer reads it again).
  const input = new PassThrough();
  const forward = (chunk: Buffer): void => {
    input.write(chunk);
  };
  try {
    if (stdin.isTTY) stdin.setRawMode(true);
    stdin.on('data', forward);
    stdin.resume();
    const result = await execInContainer({ ...opts, command: [shell], stdin: input, stdout, stderr: null, tty: true });
    return { ...result, shell };
  } finally {
    stdin.off('data', forward);
    input.end();
    if (stdin.isTTY) stdin.setRawMode(wasRaw);
  }
}
