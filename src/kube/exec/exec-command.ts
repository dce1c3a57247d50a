/**
 * One command in a container over the exec WebSocket, through client-node's Exec (v5 and v4
 * channel protocols, stdin, resize through a resizable stdout). Resolves with the command's exit
 * code read from the status channel, as kubectl does.
 */
import { Exec } from '@kubernetes/client-node/dist/exec.js';
import type { V1Status } from '@kubernetes/client-node/dist/gen/models/V1Status.js';
import type { Readable, Writable } from 'node:stream';
import type { KubeSession } from '../session.ts';
import { KxError, toKxError } from '../errors.ts';

/** What to run where. */
export interface ExecRequest {
  session: KubeSession;
  namespace: string;
  pod: string;
  /** Required by the API; see defaultContainer(). */
  container: string;
  command: string[];
  stdin: Readable | null;
  stdout: Writable | null;
  stderr: Writable | null;
  tty: boolean;
}

/** How a command ended. */
export interface ExecResult {
  exitCode: number;
  /** The status message of a failure (kubectl prints it for codes it did not get from the command). */
  message?: string | undefined;
}

/** The exit code a status frame carries: 0 on Success, the ExitCode cause on NonZeroExitCode, else 1. */
export function exitCodeOf(status: V1Status | undefined): ExecResult {
  if (!status || status.status === 'Success') return { exitCode: 0 };
  const cause = status.details?.causes?.find((c) => c.reason === 'ExitCode');
  const code = cause?.message !== undefined ? Number(cause.message) : NaN;
  return { exitCode: Number.isInteger(code) ? code : 1, message: status.message };
}

/** Runs the command; rejects with a KxError when the exec cannot start (pod gone, container not running, forbidden). */
export async function execInContainer(req: ExecRequest): Promise<ExecResult> {
  const exec = new Exec(req.session.kubeConfig);
  let status: V1Status | undefined;
  let socket;
  try {
    socket = await exec.exec(req.namespace, req.pod, req.container, req.command, req.stdout, req.stderr, req.stdin, req.tty, (s) => {
      status = s;
    });
  } catch (err) {
    throw await upgradeError(err, req);
  }
  await new Promise<void>((resolve) => {
    socket.once('close', () => resolve());
    socket.once('error', () => resolve());
  });
  return exitCodeOf(status);
}

/**
 * client-node rejects a refused upgrade with a bare "Unexpected server response: 400" (the
 * WebSocket library drops the body). The server's own sentence is in that body, so ask again
 * without the upgrade: the apiserver validates the pod and container before it upgrades, and
 * answers the plain request with the same Status (kubectl prints `Error from server (BadRequest):
 * unable to upgrade connection: container not found ("app")`).
 */
async function upgradeError(err: unknown, req: ExecRequest): Promise<KxError> {
  const text = err instanceof Error ? err.message : typeof (err as { message?: unknown })?.message === 'string' ? String((err as { message: string }).message) : String(err);
  if (/Unexpected server response: \d+/.test(text)) {
    const query = new URLSearchParams({ container: req.container, stdout: 'true' });
    for (const word of req.command) query.append('command', word);
    const path = `/api/v1/namespaces/${encodeURIComponent(req.namespace)}/pods/${encodeURIComponent(req.pod)}/exec?${query.toString()}`;
    try {
      await req.session.client.get(path);
    } catch (plain) {
      const answer = toKxError(plain);
      // "Upgrade request required" only says the plain request was plain: no better sentence.
      if (answer.code !== undefined && !/upgrade request required/i.test(answer.message)) return answer;
    }
  }
  if (/\b404\b/.test(text)) return new KxError('notFound', `pods "${req.pod}" not found`);
  if (/\b403\b/.test(text)) return new KxError('forbidden', `you may not exec into pod "${req.pod}" in namespace "${req.namespace}"`);
  return toKxError(err instanceof Error ? err : new Error(text));
}
