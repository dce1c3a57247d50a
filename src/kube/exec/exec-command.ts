/**
 * One command in a container over the exec WebSocket, through client-node's Exec (v5 and v4
 * channel protocols, stdin, resize through a resizable stdout). Resolves with the command's exit
 * code read from the status channel, as kubectl does.
 */
import { Exec } from '@kubernetes/client-node/dist/exec.js';
import type { V1Status } from '@kubernetes/client-node/dist/gen/models/V1Status.js';
import type { Readable, Writable } from 'node:stream';
import type { KubeSession } from '../session.ts';
import type { KxError } from '../errors.ts';
import { upgradeError } from './upgrade-error.ts';

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
    throw await refusedExec(err, req);
  }
  await new Promise<void>((resolve) => {
    socket.once('close', () => resolve());
    socket.once('error', () => resolve());
  });
  return exitCodeOf(status);
}

/** The refused exec's sentence, from the same request asked without the upgrade. */
function refusedExec(err: unknown, req: ExecRequest): Promise<KxError> {
  const query = new URLSearchParams({ container: req.container, stdout: 'true' });
  for (const word of req.command) query.append('command', word);
  const plainPath = `/api/v1/namespaces/${encodeURIComponent(req.namespace)}/pods/${encodeURIComponent(req.pod)}/exec?${query.toString()}`;
  return upgradeError(err, { session: req.session, namespace: req.namespace, pod: req.pod, plainPath, verb: 'exec into' });
}
