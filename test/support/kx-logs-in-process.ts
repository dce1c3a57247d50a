/** Runs `kx logs` in the test's own process (against a demo server it also runs) with captured output. */
import { PassThrough } from 'node:stream';
import { runLogs } from '../../src/cli/logs/run-logs.ts';

/** What one `kx logs` run did: its exit code (undefined when it threw), output and the thrown error. */
export interface LogsRun {
  code: number | undefined;
  stdout: string;
  stderr: string;
  error: unknown;
}

/** `kx logs ARGS` with --kubeconfig; `tty` makes stdout look like a terminal. */
export async function kxLogs(kubeconfig: string, args: string[], opts: { tty?: boolean; env?: Record<string, string> } = {}): Promise<LogsRun> {
  const stdout = Object.assign(new PassThrough(), { isTTY: opts.tty === true });
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  try {
    const code = await runLogs(['--kubeconfig', kubeconfig, ...args], { stdout, stderr, env: opts.env ?? {}, invokedAs: 'kx' });
    return { code, stdout: out, stderr: err, error: undefined };
  } catch (error) {
    return { code: undefined, stdout: out, stderr: err, error };
  }
}
