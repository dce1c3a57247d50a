/** Running a child process to the end and collecting what it printed, without blocking this process. */
import { spawn } from 'node:child_process';

/** What a process printed and how it ended (code null: ended by a signal, e.g. after `timeoutMs`). */
export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Options for one run. */
export interface RunOptions {
  /** The whole environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Written to stdin, which is then closed; without it stdin is /dev/null. */
  input?: string;
  /** SIGTERM after this long (for -f / -w runs); the result is what it printed so far. */
  timeoutMs?: number;
}

/**
 * Runs `command` with `args` and resolves when it has exited, whatever its exit code; rejects only
 * when it cannot start. Asynchronous on purpose: a demo server in this process must keep answering.
 */
export function runProcess(command: string, args: readonly string[], opts: RunOptions = {}): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      env: opts.env ?? process.env,
      cwd: opts.cwd,
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    if (opts.input !== undefined) child.stdin?.end(opts.input);
    const timer = setTimeout(() => child.kill('SIGTERM'), opts.timeoutMs ?? 60_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
